package profile

import (
	"fmt"
	"io"
	"log/slog"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// profilePhotoSide is the side of the photo preview on the form.
const profilePhotoSide = 112

// maxProfilePhotoFile is the largest file the picker reads; bigger files are
// certainly not profile photos.
const maxProfilePhotoFile = 64 << 20

// chosenPhoto is an image the owner picked and has not saved yet.
type chosenPhoto struct {
	name    string
	data    []byte
	info    app.PhotoInfo
	readErr bool   // not an image Parley can read
	problem string // why WhatsApp would reject it, or ""
	crop    bool   // not 640×640 yet, and it can be cropped
	cropped bool
}

// profilePhoto is the photo part of the profile form: the current or
// chosen photo, what is wrong with it, and the buttons to choose and crop.
type profilePhoto struct {
	window fyne.Window
	run    kit.Runner

	current []byte // the photo customers see, or the pending one
	pending bool   // current is a saved photo not yet on WhatsApp
	// remote says why WhatsApp's photo is not shown while current is
	// nil ("Loading…", "could not be downloaded"); "" when it has none.
	remote string
	chosen *chosenPhoto
	// onChange tells the page the photo to show has changed.
	onChange func()

	frame   *fyne.Container // the image or the placeholder avatar
	status  *widget.Label
	problem *widget.Label
	advice  *widget.Label
	choose  *widget.Button
	crop    *widget.Button
	undo    *widget.Button
	content fyne.CanvasObject
}

func newProfilePhoto(w fyne.Window, run kit.Runner, onChange func()) *profilePhoto {
	ph := &profilePhoto{window: w, run: run, onChange: onChange}
	ph.frame = container.NewGridWrap(fyne.NewSquareSize(profilePhotoSide))
	ph.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	ph.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	ph.advice = &widget.Label{Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord}
	ph.choose = &widget.Button{Text: "Choose photo…", Icon: theme.FolderOpenIcon(), OnTapped: ph.onChoose}
	ph.crop = &widget.Button{Text: "Crop to 640×640", Icon: theme.ContentCutIcon(), Importance: widget.HighImportance, OnTapped: ph.onCrop}
	ph.undo = &widget.Button{Text: "Keep the current photo", Icon: theme.ContentUndoIcon(), Importance: widget.LowImportance, OnTapped: ph.onUndo}
	hint := kit.NewMutedText("A square JPEG or PNG of 640×640 looks best.", fyne.TextAlignLeading, theme.SizeNameCaptionText)
	side := container.NewVBox(
		&widget.Label{Text: "Profile photo", TextStyle: fyne.TextStyle{Bold: true}},
		ph.status, ph.problem, ph.advice,
		container.NewHBox(ph.choose, ph.crop),
		container.NewHBox(ph.undo),
		hint,
	)
	ph.content = container.NewBorder(nil, nil, container.NewVBox(ph.frame, layout.NewSpacer()), nil, side)
	ph.refresh()
	return ph
}

// setCurrent shows the photo customers see (or the saved, pending one).
func (ph *profilePhoto) setCurrent(data []byte, pending bool) {
	ph.current, ph.pending = data, pending
	ph.refresh()
}

// setRemoteNote explains why the photo WhatsApp has is not shown.
func (ph *profilePhoto) setRemoteNote(note string) {
	ph.remote = note
	ph.refresh()
}

// change is what Save sends: the chosen photo, or nil for no change.
func (ph *profilePhoto) change() *app.PhotoChange {
	if ph.chosen == nil {
		return nil
	}
	return &app.PhotoChange{Data: ph.chosen.data, MIME: app.DetectMIME(ph.chosen.data)}
}

// saved makes the chosen photo the current one once Save has stored it.
func (ph *profilePhoto) saved(pending bool) {
	if ph.chosen == nil {
		ph.pending = pending && ph.pending
		ph.refresh()
		return
	}
	ph.current, ph.pending, ph.chosen = ph.chosen.data, pending, nil
	ph.refresh()
}

// showing is the image the preview shows: the chosen one, else the current.
func (ph *profilePhoto) showing() []byte {
	if ph.chosen != nil && !ph.chosen.readErr {
		return ph.chosen.data
	}
	return ph.current
}

// blocking returns the problem that keeps the chosen photo from being
// saved, or "".
func (ph *profilePhoto) blocking() string {
	if ph.chosen == nil {
		return ""
	}
	return ph.chosen.problem
}

// showProblem shows a photo problem the core reported on Save.
func (ph *profilePhoto) showProblem(msg string) {
	ph.problem.SetText(msg)
	ph.problem.Show()
}

func (ph *profilePhoto) onChoose() {
	kit.ShowFileOpen(ph.window, "Choose a profile photo", "Use this photo", []string{".jpg", ".jpeg", ".png"}, func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(fmt.Errorf("the file could not be opened: %w", err), ph.window)
			return
		}
		if r == nil {
			return // cancelled
		}
		name := r.URI().Name()
		ph.run(func() {
			defer r.Close()
			data, err := io.ReadAll(io.LimitReader(r, maxProfilePhotoFile))
			kit.PhotoPreviews.Get(data) // decoded here, not on the UI goroutine
			fyne.Do(func() {
				if err != nil {
					slog.Warn("read profile photo", "err", err)
					dialog.ShowError(fmt.Errorf("the file could not be read: %w", err), ph.window)
					return
				}
				ph.onPhotoChosen(name, data)
			})
		})
	})
}

// onPhotoChosen takes a picked image: it is shown at once, with any reason
// WhatsApp would reject it and the offer to crop it to 640×640.
func (ph *profilePhoto) onPhotoChosen(name string, data []byte) {
	c := &chosenPhoto{name: name, data: data}
	info, err := app.InspectPhoto(data)
	c.info = info
	c.readErr = err != nil || (info.Format != "jpeg" && info.Format != "png")
	c.problem = app.PhotoProblem(data)
	c.crop = !c.readErr && app.PhotoNeedsCrop(data)
	ph.chosen = c
	ph.refresh()
}

func (ph *profilePhoto) onCrop() {
	c := ph.chosen
	if c == nil || !c.crop {
		return
	}
	ph.crop.Disable()
	ph.crop.SetText("Cropping…")
	ph.run(func() {
		out, err := app.CropPhoto(c.data)
		kit.PhotoPreviews.Get(out)
		fyne.Do(func() {
			ph.crop.SetText("Crop to 640×640")
			ph.crop.Enable()
			if ph.chosen != c {
				return // another photo was chosen meanwhile
			}
			if err != nil {
				slog.Warn("crop profile photo", "err", err)
				ph.showProblem("Parley could not crop this image. Try another photo.")
				return
			}
			ph.onPhotoChosen(c.name, out)
			ph.chosen.cropped = true
			ph.refresh()
		})
	})
}

func (ph *profilePhoto) onUndo() {
	ph.chosen = nil
	ph.refresh()
}

// refresh shows the photo state: image, explanation, problems, buttons.
func (ph *profilePhoto) refresh() {
	c := ph.chosen
	ph.frame.Objects = []fyne.CanvasObject{profilePhotoImage(ph.showing(), profilePhotoSide)}
	ph.frame.Refresh()
	ph.problem.Hide()
	ph.advice.Hide()
	ph.crop.Hide()
	ph.undo.Hide()
	switch {
	case c != nil:
		ph.undo.Show()
		ph.status.SetText(chosenDescription(c))
		if c.problem != "" {
			ph.problem.SetText(c.problem)
			ph.problem.Show()
		}
		if c.crop {
			ph.crop.Show()
			if c.problem == "" {
				ph.advice.SetText(fmt.Sprintf("WhatsApp shows profile photos as a %d×%d square and cuts off the rest. Crop to keep the centre of this picture.", app.PhotoSide, app.PhotoSide))
				ph.advice.Show()
			}
		}
	case ph.current == nil && ph.remote != "":
		ph.status.SetText(ph.remote)
	case ph.current == nil:
		ph.status.SetText("No profile photo yet.")
	case ph.pending:
		ph.status.SetText("New photo, saved on this laptop. It goes to WhatsApp with your other changes.")
	default:
		ph.status.SetText("The photo your customers see now.")
	}
	if ph.onChange != nil {
		ph.onChange()
	}
}

// chosenDescription says what the owner picked, e.g. "shop.png: 1200×800
// PNG, 340 KB — press Save to use it."
func chosenDescription(c *chosenPhoto) string {
	if c.readErr {
		return c.name
	}
	what := fmt.Sprintf("%d×%d %s, %s", c.info.Width, c.info.Height, strings.ToUpper(c.info.Format), app.HumanBytes(int64(c.info.Bytes)))
	if c.cropped {
		return "Cropped to " + what + ". Press Save to use it."
	}
	if c.problem != "" {
		return c.name + ": " + what + "."
	}
	return c.name + ": " + what + ". Press Save to use it."
}

// profilePhotoImage shows image data in a square of the given side, round like
// on WhatsApp, or a placeholder avatar without data or when the data
// cannot be shown.
func profilePhotoImage(data []byte, side float32) fyne.CanvasObject {
	img := kit.PhotoPicture(data)
	if img == nil {
		return kit.NewBadge(theme.AccountIcon(), theme.ColorNamePlaceHolder, side)
	}
	img.FillMode = canvas.ImageFillContain
	img.CornerRadius = 8
	img.SetMinSize(fyne.NewSquareSize(side))
	return img
}
