package inbox

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// panelExtras is what the contact panel shows about the conversation
// besides the customer's fields: its labels (with the header's Labels
// checklist) and whether the customer opted out of marketing (with the
// action that changes it).
type panelExtras struct {
	v       *conversationView
	chips   *labelChips
	noLabel *widget.Label
	optOut  *widget.Label
	toggle  *widget.Button
	content fyne.CanvasObject
}

func newPanelExtras(v *conversationView) *panelExtras {
	x := &panelExtras{v: v, chips: newLabelChips(8)}
	x.noLabel = &widget.Label{Text: "No labels yet", Importance: widget.LowImportance}
	edit := &widget.Button{Text: "Labels…", Icon: labelIcon, Importance: widget.LowImportance, OnTapped: func() {
		if v.header.onLabels != nil {
			v.header.onLabels()
		}
	}}
	x.optOut = &widget.Label{Wrapping: fyne.TextWrapWord}
	x.toggle = &widget.Button{Importance: widget.LowImportance, OnTapped: func() { v.setOptedOut(!v.conv.OptOut.Active()) }}
	labels := container.NewVBox(container.NewStack(x.noLabel, container.NewHBox(x.chips.content)), container.NewHBox(edit))
	x.content = container.NewVBox(
		kit.NewFormField("Labels", labels, nil),
		kit.NewFormField("Marketing messages", container.NewVBox(x.optOut, container.NewHBox(x.toggle)), nil),
	)
	x.set()
	return x
}

// The panel's opt-out button: shorter than the header menu's items, to
// fit the panel's width.
const (
	textPanelStopMarketing  = "Stop marketing"
	textPanelAllowMarketing = "Allow marketing again"
)

// set shows the conversation's labels and opt-out as loaded now.
func (x *panelExtras) set() {
	var all []app.Label
	if x.v.allLabels != nil {
		all = x.v.allLabels()
	}
	labels := labelsOf(x.v.conv.Labels, all)
	x.chips.set(labels)
	if len(labels) == 0 {
		x.noLabel.Show()
	} else {
		x.noLabel.Hide()
	}
	if o := x.v.conv.OptOut; o.Active() {
		x.optOut.SetText("Opted out since " + app.OptOutDate(o.At) + ": marketing templates are not sent to them.")
		x.toggle.SetText(textPanelAllowMarketing)
	} else {
		x.optOut.SetText("Receives marketing templates.")
		x.toggle.SetText(textPanelStopMarketing)
	}
}
