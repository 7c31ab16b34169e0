package builder

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// mediaFile is a sample file picked for a media header.
type mediaFile struct {
	name string
	mime string
	data []byte
}

// mediaPicker is the part of the header card for an image, video or
// document: what the format accepts, a "Choose file…" button opening a
// file dialog filtered to the right kinds, and the chosen file's name,
// size and (for an image) a thumbnail. Each format keeps its own file,
// so switching between them loses nothing.
type mediaPicker struct {
	window fyne.Window
	run    kit.Runner

	format   string
	files    map[string]mediaFile // by header format
	uploaded app.TemplateHeader   // a sample already on WhatsApp, from a synced template
	problem  string               // why the last chosen file was refused

	hint    *widget.RichText
	choose  *widget.Button
	remove  *widget.Button
	name    *widget.Label
	size    *widget.RichText
	thumb   *fyne.Container
	file    fyne.CanvasObject
	note    *formNote
	content fyne.CanvasObject

	// chooseFile asks for a file and calls done with it (nil when the
	// owner cancels). It shows Fyne's file dialog; tests replace it.
	chooseFile func(extensions []string, done func(fyne.URIReadCloser, error))
	changed    func()
}

// Size of the image thumbnail in the form.
var mediaThumbSize = fyne.NewSize(120, 90)

func newMediaPicker(w fyne.Window, run kit.Runner, changed func()) *mediaPicker {
	p := &mediaPicker{window: w, run: run, changed: changed, files: map[string]mediaFile{}, note: newFormNote()}
	p.chooseFile = p.showFileDialog
	p.hint = newBuilderHint("")
	p.choose = &widget.Button{Text: "Choose file…", Icon: theme.FolderOpenIcon(), OnTapped: p.onChoose}
	p.remove = &widget.Button{Text: "Remove", Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: p.onRemove}
	p.name = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	p.size = kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameCaptionText)
	p.thumb = container.NewStack()
	details := container.NewVBox(layout.NewSpacer(), p.name, tuckUnder(p.size), container.NewHBox(p.remove), layout.NewSpacer())
	p.file = container.NewBorder(nil, nil, p.thumb, nil, details)
	p.content = newBuilderField("Sample file", "", nil,
		container.NewVBox(p.hint, container.NewHBox(p.choose), p.file), p.note)
	p.setFormat(app.HeaderNone)
	return p
}

// setFormat shows the picker for a media format, or hides it for others.
func (p *mediaPicker) setFormat(format string) {
	p.format = format
	p.problem = ""
	if app.HeaderMediaHint(format) == "" {
		p.content.Hide()
		return
	}
	seg := p.hint.Segments[0].(*widget.TextSegment)
	seg.Text = "WhatsApp's reviewers see this sample. Accepted: " + app.HeaderMediaHint(format) + "."
	p.hint.Refresh()
	p.showFile()
	p.content.Show()
}

// header returns the media header with the chosen sample, or the sample
// already uploaded for a synced template of the same format.
func (p *mediaPicker) header() app.TemplateHeader {
	if f, ok := p.files[p.format]; ok {
		return app.TemplateHeader{Format: p.format, Media: f.data, MediaName: f.name, MediaMIME: f.mime}
	}
	if p.uploaded.Format == p.format {
		return p.uploaded
	}
	return app.TemplateHeader{Format: p.format}
}

// fill takes the sample of a template's media header.
func (p *mediaPicker) fill(h app.TemplateHeader) {
	p.files = map[string]mediaFile{}
	p.uploaded = app.TemplateHeader{}
	switch {
	case app.HeaderMediaHint(h.Format) == "":
	case len(h.Media) > 0:
		p.files[h.Format] = mediaFile{name: h.MediaName, mime: h.MediaMIME, data: h.Media}
	default:
		p.uploaded = h
	}
}

// showFile shows the current sample file, if any.
func (p *mediaPicker) showFile() {
	h := p.header()
	p.thumb.Objects = nil
	switch {
	case len(h.Media) > 0:
		p.name.SetText(h.MediaName)
		p.setSize(sampleFileSize(int64(len(h.Media))))
		p.choose.SetText("Choose another file…")
		p.thumb.Objects = []fyne.CanvasObject{p.thumbnail(h)}
		p.remove.Show()
		p.file.Show()
	case h.Example != "":
		p.name.SetText("Sample already on WhatsApp")
		p.setSize("It is used again unless you choose another file.")
		p.choose.SetText("Choose another file…")
		p.thumb.Objects = []fyne.CanvasObject{sampleMediaIcon(h.Format)}
		p.remove.Hide()
		p.file.Show()
	default:
		p.choose.SetText("Choose file…")
		p.file.Hide()
	}
	p.thumb.Refresh()
}

func (p *mediaPicker) setSize(text string) {
	p.size.Segments[0].(*widget.TextSegment).Text = text
	p.size.Refresh()
}

// thumbnail is a small picture of an image sample, or the icon of a video
// or document (or of an image Parley cannot show).
func (p *mediaPicker) thumbnail(h app.TemplateHeader) fyne.CanvasObject {
	if h.Format != app.HeaderImage {
		return sampleMediaIcon(h.Format)
	}
	img := kit.PhotoPicture(h.Media)
	if img == nil {
		return sampleMediaIcon(h.Format)
	}
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(mediaThumbSize)
	return container.NewPadded(img)
}

// sampleMediaIcon is the icon of a header format, at thumbnail height.
func sampleMediaIcon(format string) fyne.CanvasObject {
	icon := theme.DocumentIcon()
	switch format {
	case app.HeaderImage:
		icon = theme.FileImageIcon()
	case app.HeaderVideo:
		icon = theme.FileVideoIcon()
	}
	return container.NewPadded(kit.NewBadge(icon, theme.ColorNamePrimary, 64))
}

func (p *mediaPicker) onChoose() {
	format := p.format
	p.chooseFile(app.HeaderMediaExtensions(format), func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			p.refuse(format, "Parley could not open that file: "+err.Error())
			return
		}
		if rc == nil {
			return // cancelled
		}
		p.run(func() {
			f, problem := readSample(rc, format)
			fyne.Do(func() { p.take(format, f, problem) })
		})
	})
}

// showFileDialog shows Fyne's file dialog, listing only files with the
// given extensions.
func (p *mediaPicker) showFileDialog(extensions []string, done func(fyne.URIReadCloser, error)) {
	kit.ShowFileOpen(p.window, "Choose a sample "+strings.ToLower(headerLabel(p.format)), "Use this file", extensions, done)
}

// take keeps a file read for format, or shows why it was refused.
func (p *mediaPicker) take(format string, f mediaFile, problem string) {
	if problem == "" {
		h := app.TemplateHeader{Format: format, Media: f.data, MediaName: f.name, MediaMIME: f.mime}
		problem = app.ValidateTemplate(app.Template{Header: h}).For(app.FieldTemplateHeaderMedia)
	}
	if problem != "" {
		p.refuse(format, problem)
		return
	}
	p.files[format] = f
	p.problem = ""
	p.note.touched = true
	if format == p.format {
		p.showFile()
	}
	p.changed()
}

// refuse shows why a file can't be the sample; the previous sample stays.
func (p *mediaPicker) refuse(format, problem string) {
	if format != p.format {
		return
	}
	p.problem = problem
	p.note.show(problem, true)
}

func (p *mediaPicker) onRemove() {
	delete(p.files, p.format)
	p.problem = ""
	p.note.touched = true
	p.showFile()
	p.changed()
}

// showProblem shows why the chosen file was refused, or else the
// validation problem of the header's sample.
func (p *mediaPicker) showProblem(msg string, all bool) {
	if p.problem != "" {
		p.note.show(p.problem, true)
		return
	}
	p.note.show(msg, all)
}

// readSample reads a picked file for a header of format, refusing a file
// too big to upload before reading it all. It runs off the UI goroutine.
func readSample(rc fyne.URIReadCloser, format string) (mediaFile, string) {
	defer rc.Close()
	name := rc.URI().Name()
	tooBig := func(size int64) string {
		return fmt.Sprintf("%s is %s, too big for a header sample. Choose a file: %s.", name, sampleFileSize(size), app.HeaderMediaHint(format))
	}
	if rc.URI().Scheme() == "file" {
		if st, err := os.Stat(rc.URI().Path()); err == nil && st.Size() > app.MaxTemplateUpload {
			return mediaFile{}, tooBig(st.Size())
		}
	}
	data, err := io.ReadAll(io.LimitReader(rc, app.MaxTemplateUpload+1))
	if err != nil {
		return mediaFile{}, "Parley could not read " + name + ": " + err.Error()
	}
	if len(data) > app.MaxTemplateUpload {
		return mediaFile{}, tooBig(int64(len(data)))
	}
	if format == app.HeaderImage {
		kit.PhotoPreviews.Get(data) // decoded here, not on the UI goroutine
	}
	return mediaFile{name: name, mime: sampleMIME(name, data), data: data}, ""
}

// sampleMIME is the MIME type of a sample file, from its content when
// that is recognisable (so a text file named .png is not taken for an
// image), else from its name.
func sampleMIME(name string, data []byte) string {
	if mt, _, err := mime.ParseMediaType(http.DetectContentType(data)); err == nil && mt != "application/octet-stream" {
		return mt
	}
	if mt := app.SampleTypeByName(name); mt != "" {
		return mt
	}
	return "application/octet-stream"
}

// sampleFileSize formats a byte count for people: "840 KB", "1.2 MB".
func sampleFileSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
