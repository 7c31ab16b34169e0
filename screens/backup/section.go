package backup

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Texts of the section.
const (
	textKeysNotIncluded = "Parley keeps them in this computer's keyring, never in its data folder. " +
		"After restoring on another computer, enter each channel's API key again under Channels → Configure."
	textRestoreStaged = "The backup is ready. Quit Parley and start it again to finish restoring: " +
		"the messages, contacts and files on this computer will be replaced by the backup's."
)

// section is the Settings section "Export and backup". Its methods run
// on the UI goroutine; the work runs through env.Run.
type section struct {
	env  kit.Env
	core Core

	exportAll      *widget.Button
	exportContacts *widget.Button
	backUp         *widget.Button
	restore        *widget.Button
	quit           *widget.Button
	progress       *widget.ProgressBar
	result         *widget.Label
	problem        *widget.Label
	content        fyne.CanvasObject

	// The owner's choices of folders and files; tests replace them.
	chooseFolder func(done func(dir string))
	chooseSave   func(name string, done func(path string))
	chooseOpen   func(done func(path string))
	// quitApp quits Parley, for the owner to start it again.
	quitApp func()
	now     func() time.Time
}

// NewSection builds the "Export and backup" section for Settings:
// export all conversations, export contacts, back up everything and
// restore, with progress and the result in plain words.
func NewSection(env kit.Env, core Core) fyne.CanvasObject { return newSection(env, core).content }

func newSection(env kit.Env, core Core) *section {
	s := &section{env: env, core: core, now: time.Now}
	s.exportAll = &widget.Button{Text: "Export all conversations…", Icon: theme.DocumentIcon(), OnTapped: s.onExportAll}
	s.exportContacts = &widget.Button{Text: "Export contacts…", Icon: theme.AccountIcon(), OnTapped: s.onExportContacts}
	s.backUp = &widget.Button{Text: "Back up everything…", Icon: theme.DownloadIcon(), Importance: widget.HighImportance, OnTapped: s.onBackUp}
	s.restore = &widget.Button{Text: "Restore from a backup…", Icon: theme.UploadIcon(), OnTapped: s.onRestore}
	s.quit = &widget.Button{Text: "Quit Parley now", Icon: theme.LogoutIcon(), OnTapped: func() { s.quitApp() }}
	s.quit.Hide()
	s.progress = &widget.ProgressBar{}
	s.progress.Hide()
	s.result = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.problem = kit.NewFormProblem()
	s.chooseFolder = func(done func(string)) { kit.ShowFolderOpen(env.Window, done) }
	s.chooseSave = s.saveDialog
	s.chooseOpen = s.openDialog
	s.quitApp = func() { kit.Quit(fyne.CurrentApp()) }

	export := container.NewVBox(
		&widget.Label{Text: "Export", TextStyle: fyne.TextStyle{Bold: true}},
		&widget.Label{Text: "Conversations as web pages and text files, with their photos and files beside them; " +
			"contacts as a spreadsheet (CSV).", Wrapping: fyne.TextWrapWord},
		container.NewHBox(s.exportAll, s.exportContacts))
	backup := container.NewVBox(
		&widget.Label{Text: "Back up and restore", TextStyle: fyne.TextStyle{Bold: true}},
		&widget.Label{Text: "One file with everything Parley keeps on this computer: channels, conversations, " +
			"contacts, templates and saved photos and files. Parley keeps working while it is written.", Wrapping: fyne.TextWrapWord},
		kit.NewFormInfoBox(theme.InfoIcon(), "Your API keys are not in the backup", textKeysNotIncluded),
		container.NewHBox(s.backUp, s.restore))
	s.content = kit.NewFormCard(container.NewVBox(export, widget.NewSeparator(), backup,
		s.progress, s.result, s.problem, container.NewHBox(s.quit)))
	return s
}

// busy disables the actions while one runs, and shows the progress bar.
func (s *section) busy(on bool) {
	for _, b := range []*widget.Button{s.exportAll, s.exportContacts, s.backUp, s.restore} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if on {
		s.progress.SetValue(0)
		s.progress.Show()
		s.result.SetText("")
		kit.SetFormProblem(s.problem, "")
	} else {
		s.progress.Hide()
	}
}

// run does work in the background with the progress bar, then shows its
// result or its problem in plain words.
func (s *section) run(what string, work func(ctx context.Context, progress func(done, total int64)) (string, error)) {
	s.busy(true)
	s.env.Run(func() {
		var shown float64 = -1
		progress := func(done, total int64) {
			if total <= 0 {
				return
			}
			v := float64(done) / float64(total)
			if v-shown < 0.01 && v < 1 {
				return // at most a hundred updates
			}
			shown = v
			fyne.Do(func() { s.progress.SetValue(v) })
		}
		text, err := work(context.Background(), progress)
		fyne.Do(func() {
			s.busy(false)
			if err != nil {
				slog.Warn(what, "err", err)
				kit.SetFormProblem(s.problem, app.Explain(err))
				return
			}
			s.result.SetText(text)
		})
	})
}

func (s *section) onExportAll() {
	s.chooseFolder(func(dir string) {
		s.run("export conversations", func(ctx context.Context, progress func(done, total int64)) (string, error) {
			folder, err := s.core.ExportAllConversations(ctx, dir, func(done, total int) { progress(int64(done), int64(total)) })
			if err != nil {
				return "", err
			}
			return "Exported every conversation to " + folder + ". Open index.html there in a web browser.", nil
		})
	})
}

func (s *section) onExportContacts() {
	s.chooseSave("Parley contacts "+s.now().Format("2006-01-02")+".csv", func(path string) {
		s.run("export contacts", func(ctx context.Context, _ func(done, total int64)) (string, error) {
			n, err := s.core.ExportContacts(ctx, path)
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("Exported %s to %s. Open it with a spreadsheet.", plural(n, "contact"), path), nil
		})
	})
}

func (s *section) onBackUp() {
	s.chooseSave("Parley backup "+s.now().Format("2006-01-02")+".zip", func(path string) {
		s.run("back up", func(ctx context.Context, progress func(done, total int64)) (string, error) {
			res, err := s.core.BackUp(ctx, path, progress)
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("Backed up everything (%s, %s) to %s. Keep this file somewhere safe, "+
				"like a USB stick or another computer.", app.HumanBytes(res.Bytes), plural(res.Files, "saved photo or file"), path), nil
		})
	})
}

func (s *section) onRestore() {
	s.chooseOpen(func(path string) {
		dialog.ShowConfirm("Restore from this backup?",
			"Everything Parley keeps on this computer will be replaced by the backup's "+
				"(messages, contacts, templates, photos and files) when Parley starts again. This cannot be undone.",
			func(ok bool) {
				if ok {
					s.stageRestore(path)
				}
			}, s.env.Window)
	})
}

// stageRestore checks and unpacks the backup, then asks the owner to
// start Parley again.
func (s *section) stageRestore(path string) {
	s.run("restore", func(ctx context.Context, progress func(done, total int64)) (string, error) {
		info, err := s.core.StageRestore(ctx, path, progress)
		if err != nil {
			return "", err
		}
		made := ""
		if !info.Created.IsZero() {
			made = " (made " + info.Created.Local().Format("2 Jan 2006, 15:04") + ")"
		}
		fyne.Do(s.quit.Show)
		return "Backup checked" + made + ". " + textRestoreStaged, nil
	})
}

// saveDialog asks where to save a file, suggesting name.
func (s *section) saveDialog(name string, done func(string)) {
	kit.ShowFileSave(s.env.Window, name, func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowInformation("Parley could not save the file", err.Error(), s.env.Window)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		_ = wc.Close() // the dialog created the file; the export replaces it whole
		done(path)
	})
}

// openDialog asks for a backup file.
func (s *section) openDialog(done func(string)) {
	kit.ShowFileOpen(s.env.Window, "Choose a Parley backup", "Restore", []string{".zip"}, func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowInformation("Parley could not open the file", err.Error(), s.env.Window)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		_ = rc.Close()
		done(path)
	})
}

// plural is "1 contact" or "3 contacts" ("photo or file" takes "photos
// or files").
func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	if one == "saved photo or file" {
		return fmt.Sprintf("%d saved photos or files", n)
	}
	return fmt.Sprintf("%d %ss", n, one)
}
