package settings

import (
	"context"
	"log/slog"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Words of the quick-reply section.
const (
	textQuickTitle    = "Quick replies"
	textQuickSubtitle = "Answers you give often, kept on this computer. In a chat, type / to pick one."
	textAddQuick      = "Add quick reply"
	textQuickEmpty    = "No quick replies yet. Save the answers you give often, such as your opening hours or where to park. " +
		"Then type / at the start of a message in any chat to list them, and press Enter to put one in: " +
		"{{name}} becomes the customer's name. WhatsApp does not need to approve them."
	textMoveUp       = "Move up"
	textMoveDown     = "Move down"
	textEdit         = "Edit"
	textDelete       = "Delete"
	textPreviewRunes = 120
)

// quickSection lists the owner's quick replies in their order, with
// add, edit, move up, move down and delete.
type quickSection struct {
	env     env
	replies []app.QuickReply // as shown, in order
	buttons []rowButtons     // of each row shown
	problem *widget.Label
	empty   *widget.Label
	rows    *fyne.Container
	content fyne.CanvasObject
}

func newQuickSection(e env) *quickSection {
	s := &quickSection{env: e, problem: kit.NewFormProblem(), rows: container.NewVBox(),
		empty: &widget.Label{Text: textQuickEmpty, Wrapping: fyne.TextWrapWord}}
	s.empty.Hide()
	add := &widget.Button{Text: textAddQuick, Icon: theme.ContentAddIcon(), Importance: widget.HighImportance,
		OnTapped: func() { s.openEditor(app.QuickReply{}) }}
	s.content = container.NewVBox(s.problem, s.empty, s.rows, container.NewHBox(add))
	return s
}

func (s *quickSection) section() Section {
	return Section{Title: textQuickTitle, Subtitle: textQuickSubtitle, Content: s.content}
}

// reload reads the quick replies and shows them.
func (s *quickSection) reload() {
	core := s.env.core
	kit.Load(s.env.Run, context.Background(), core.QuickReplies, func(rs []app.QuickReply, err error) {
		if err != nil {
			slog.Warn("read quick replies", "err", err)
			kit.SetFormProblem(s.problem, "Parley could not read your quick replies. "+app.Explain(err))
			return
		}
		kit.SetFormProblem(s.problem, "")
		s.show(rs)
	})
}

// show draws rs, one row each.
func (s *quickSection) show(rs []app.QuickReply) {
	s.replies = rs
	s.buttons = s.buttons[:0]
	objs := make([]fyne.CanvasObject, len(rs))
	for i, r := range rs {
		objs[i] = s.newRow(i, r)
	}
	s.rows.Objects = objs
	s.rows.Refresh()
	if len(rs) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
}

// newRow is quick reply r at place i: its title and the start of its
// text, with its buttons.
func (s *quickSection) newRow(i int, r app.QuickReply) fyne.CanvasObject {
	title := &widget.Label{Text: r.Title, TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	preview := kit.NewMutedText(preview(r.Text), fyne.TextAlignLeading, theme.SizeNameCaptionText)
	preview.Truncation = fyne.TextTruncateEllipsis
	up := &widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { s.move(r, i-1) }}
	down := &widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { s.move(r, i+1) }}
	if i == 0 {
		up.Disable()
	}
	if i == len(s.replies)-1 {
		down.Disable()
	}
	edit := &widget.Button{Text: textEdit, Icon: theme.DocumentCreateIcon(), Importance: widget.LowImportance,
		OnTapped: func() { s.openEditor(r) }}
	del := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { s.confirmDelete(r) }}
	buttons := container.NewHBox(up, down, edit, del)
	text := container.New(layout.NewCustomPaddedLayout(-4, -4, 0, 0), container.NewVBox(title,
		container.New(layout.NewCustomPaddedLayout(-12, 0, 0, 0), preview)))
	s.buttons = append(s.buttons, rowButtons{up: up, down: down, edit: edit, del: del})
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewCenter(buttons), text)
}

// rowButtons are a row's buttons.
type rowButtons struct {
	up, down, edit, del *widget.Button
}

// preview is the start of text, on one line.
func preview(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if rs := []rune(text); len(rs) > textPreviewRunes {
		return string(rs[:textPreviewRunes]) + "…"
	}
	return text
}

// move puts r at place to.
func (s *quickSection) move(r app.QuickReply, to int) {
	core := s.env.core
	s.env.load(func(ctx context.Context) error { return core.MoveQuickReply(ctx, r.ID, to) }, s.changed)
}

// confirmDelete asks before deleting r.
func (s *quickSection) confirmDelete(r app.QuickReply) {
	body := &widget.Label{Text: "“" + r.Title + "” will no longer be in the / list. This cannot be undone.", Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomConfirm("Delete this quick reply?", textDelete, "Keep it", body, func(ok bool) {
		if !ok {
			return
		}
		core := s.env.core
		s.env.load(func(ctx context.Context) error { return core.DeleteQuickReply(ctx, r.ID) }, s.changed)
	}, s.env.Window)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

// changed shows the list after a change, or what went wrong.
func (s *quickSection) changed(err error) {
	if err != nil {
		slog.Warn("change quick replies", "err", err)
		kit.SetFormProblem(s.problem, "Not changed: "+app.Explain(err))
		return
	}
	s.reload()
}
