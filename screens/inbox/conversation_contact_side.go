package inbox

import (
	"context"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// conversationSide is what the conversation's header offers besides the
// customer: the contact panel beside the conversation (the info button
// shows and hides it) and the menu with "Export conversation…" and the opt-out. Its
// methods run on the UI goroutine.
type conversationSide struct {
	v     *conversationView
	panel *contactPanel // nil until first shown
	// extras shows the labels and opt-out in the panel; nil with it.
	extras *panelExtras
	slot   *fyne.Container
	info   *widget.Button
	more   *widget.Button
	menu   *fyne.Menu
	// chooseFolder asks the owner for a folder; tests replace it.
	chooseFolder func(done func(path string))
}

func newConversationSide(v *conversationView) *conversationSide {
	// The panel may lie over the conversation (sideLayout): it has a
	// background of its own.
	s := &conversationSide{v: v, slot: container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)))}
	s.slot.Hide()
	s.info = &widget.Button{Icon: theme.InfoIcon(), Importance: widget.LowImportance, OnTapped: s.toggle}
	s.more = &widget.Button{Icon: theme.MoreVerticalIcon(), Importance: widget.LowImportance, OnTapped: s.showMenu}
	s.chooseFolder = s.folderDialog
	v.header.actions.Add(s.info)
	v.header.actions.Add(s.more)
	return s
}

// toggle shows the contact panel, or hides it when shown.
func (s *conversationSide) toggle() {
	if s.slot.Visible() {
		s.close()
		return
	}
	if s.panel == nil {
		s.panel = newContactPanel(s.v.env, s.v.ctx, s.v.conv.ID, s.close)
		s.extras = newPanelExtras(s.v)
		s.panel.Extras.Add(s.extras.content)
		s.slot.Add(s.panel.content)
	}
	s.panel.load()
	s.slot.Show()
	s.v.content.Refresh()
}

// close hides the contact panel.
func (s *conversationSide) close() { s.hide() }

// hide hides the contact panel and reports whether it was shown.
func (s *conversationSide) hide() bool {
	if !s.slot.Visible() {
		return false
	}
	s.slot.Hide()
	s.v.content.Refresh()
	return true
}

// refresh reads the customer again when the panel is shown (the
// conversation changed).
func (s *conversationSide) refresh() {
	if s.panel != nil && s.slot.Visible() {
		s.panel.load()
		s.extras.set()
	}
}

// showMenu opens the header's menu under its button: exporting the
// conversation and the customer's opt-out of marketing.
func (s *conversationSide) showMenu() {
	s.menu = fyne.NewMenu("", fyne.NewMenuItem("Export conversation…", s.onExport),
		fyne.NewMenuItemSeparator(), s.v.optOutMenuItem())
	c := fyne.CurrentApp().Driver().CanvasForObject(s.more)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.more).AddXY(0, s.more.Size().Height)
	widget.ShowPopUpMenuAtPosition(s.menu, c, pos)
}

// onExport asks for a folder and writes the conversation there as a web
// page and a text file with its attachments, then says where.
func (s *conversationSide) onExport() {
	core, id, w := s.v.env.core, s.v.conv.ID, s.v.env.Window
	s.chooseFolder(func(dir string) {
		s.v.env.Run(func() {
			folder, err := core.ExportConversation(context.Background(), id, dir)
			fyne.Do(func() {
				if err != nil {
					slog.Warn("export conversation", "conversation", id, "err", err)
					dialog.ShowInformation("Parley could not export the conversation", app.Explain(err), w)
					return
				}
				dialog.ShowInformation("Conversation exported",
					"The conversation is in "+folder+": open conversation.html in a web browser, or conversation.txt. "+
						"Its photos and files are in the folder media beside them.", w)
			})
		})
	})
}

// folderDialog asks the owner for a folder with Fyne's dialog.
func (s *conversationSide) folderDialog(done func(string)) {
	kit.ShowFolderOpen(s.v.env.Window, func(path string) { done(path) })
}
