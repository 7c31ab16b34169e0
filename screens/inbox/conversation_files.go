package inbox

import (
	"context"
	"errors"
	"fmt"
	"image"
	"log/slog"
	"path/filepath"

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

// fileThumbSide is the box a photo's thumbnail is decoded into for the
// preview before sending.
const fileThumbSide = 96

// chosenFile is a file the owner dropped or attached, checked: what
// WhatsApp will get, or why it will not.
type chosenFile struct {
	path    string
	info    app.AttachmentInfo
	problem string      // why it cannot be sent, in plain words; "" when it can
	thumb   image.Image // a photo's thumbnail, nil for documents
	// caption is what the owner typed for the file in a preview that
	// more files joined; captioned says there was such a preview.
	caption   string
	captioned bool
}

// attachFiles checks the files at paths in the background and shows
// what will be sent before anything is (see filesPreview).
func (v *conversationView) attachFiles(paths []string) {
	if len(paths) == 0 {
		return
	}
	core := v.env.core
	kit.Load(v.env.Run, v.ctx, func(context.Context) ([]chosenFile, error) {
		return checkFiles(core, paths), nil
	}, func(files []chosenFile, _ error) {
		// Files dropped while a preview waits join it, after its files,
		// with what was typed kept.
		if p := v.filesPreview; p != nil && p.waiting() {
			files = append(p.typedFiles(), files...)
			p.close()
		}
		v.showFilesPreview(files)
	})
}

// checkFiles checks each file as the core will and decodes the photos'
// thumbnails (bounded: a picture bomb is refused from its header).
func checkFiles(core Core, paths []string) []chosenFile {
	out := make([]chosenFile, len(paths))
	for i, p := range paths {
		f := chosenFile{path: p}
		info, err := core.CheckAttachment(p)
		switch {
		case err != nil:
			f.problem = app.Explain(err)
		case info.Kind == app.MsgImage:
			f.info = info
			thumb, err := decodeThumbnail(p, fileThumbSide)
			if err != nil {
				slog.Info("file preview", "err", err)
			}
			f.thumb = thumb
		default:
			f.info = info
		}
		out[i] = f
	}
	return out
}

// filesPreview is the dialog before files are sent: per file its
// thumbnail (photos) or icon, name and size, a caption field, and why a
// file cannot be sent; Send sends each sendable file as its own message,
// in order, Cancel sends nothing. The composer's text becomes the first
// file's caption, as with one attachment.
type filesPreview struct {
	view     *conversationView
	files    []chosenFile
	captions []*widget.Entry // one per file; nil for a file that cannot be sent
	send     *widget.Button
	cancel   *widget.Button
	problem  *widget.Label
	body     fyne.CanvasObject
	dialog   *dialog.CustomDialog
}

// showFilesPreview opens the preview of files.
func (v *conversationView) showFilesPreview(files []chosenFile) {
	p := &filesPreview{view: v, files: files, captions: make([]*widget.Entry, len(files))}
	rows := container.NewVBox()
	sendable := 0
	for i, f := range files {
		if f.problem == "" {
			p.captions[i] = &widget.Entry{PlaceHolder: "Add a caption", MultiLine: false}
			p.captions[i].ExtendBaseWidget(p.captions[i])
			p.captions[i].OnSubmitted = func(string) { p.submit() }
			switch {
			case f.captioned:
				p.captions[i].SetText(f.caption)
			case sendable == 0:
				p.captions[i].SetText(v.composer.entry.Text)
			}
			sendable++
		}
		if i > 0 {
			rows.Add(widget.NewSeparator())
		}
		rows.Add(p.row(i))
	}
	p.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	p.problem.Hide()
	p.send = &widget.Button{Text: sendLabel(sendable), Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: p.onSend}
	if sendable == 0 {
		p.send.Disable()
	}
	p.cancel = &widget.Button{Text: "Cancel", OnTapped: p.close}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(460, min(float32(len(files))*130, 420)))
	title := fmt.Sprintf("Send to %s", conversationName(v.conv))
	p.body = container.NewBorder(nil, p.problem, nil, nil, scroll)
	p.dialog = dialog.NewCustomWithoutButtons(title, p.body, v.env.Window)
	p.dialog.SetButtons([]fyne.CanvasObject{p.cancel, p.send})
	v.filesPreview = p
	p.dialog.Show()
	if e := p.firstCaption(); e != nil {
		v.env.Window.Canvas().Focus(e)
	}
}

// sendLabel is the Send button's text for n files.
func sendLabel(n int) string {
	switch n {
	case 0:
		return "Send"
	case 1:
		return "Send 1 file"
	}
	return fmt.Sprintf("Send %d files", n)
}

// row is file i's line in the preview.
func (p *filesPreview) row(i int) fyne.CanvasObject {
	f := p.files[i]
	name := filepath.Base(f.path)
	if f.info.FileName != "" {
		name = f.info.FileName
	}
	title := &widget.Label{Text: app.DisplayName(name), TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	lines := container.NewVBox(title)
	switch {
	case f.problem != "":
		lines.Add(&widget.Label{Text: f.problem, Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance})
	default:
		details := app.HumanBytes(f.info.Size)
		if f.info.Shrink {
			details += fmt.Sprintf(" · over WhatsApp's %s for a photo, so it is sent scaled down", app.HumanBytes(app.MaxImageBytes))
		}
		lines.Add(kit.NewMutedText(details, fyne.TextAlignLeading, theme.SizeNameCaptionText))
		lines.Add(p.captions[i])
	}
	// Room on the right for the scroll bar.
	return container.New(layout.NewCustomPaddedLayout(0, 0, 0, 12),
		container.NewBorder(nil, nil, container.NewVBox(fileFace(f)), nil, lines))
}

// fileFace is a photo's thumbnail, or an icon for a document or a file
// that cannot be sent.
func fileFace(f chosenFile) fyne.CanvasObject {
	box := fyne.NewSquareSize(64)
	if f.thumb != nil {
		img := canvas.NewImageFromImage(f.thumb)
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		img.SetMinSize(box)
		return img
	}
	res := theme.FileIcon()
	switch {
	case f.problem != "":
		res = theme.ErrorIcon()
	case f.info.Kind == app.MsgImage:
		res = theme.FileImageIcon()
	}
	icon := canvas.NewImageFromResource(res)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(box)
	return container.New(layout.NewCustomPaddedLayout(4, 4, 4, 4), icon)
}

// firstCaption is the caption field of the first file that can be sent.
func (p *filesPreview) firstCaption() *widget.Entry {
	for _, e := range p.captions {
		if e != nil {
			return e
		}
	}
	return nil
}

// submit sends on Enter in a caption, like the Send button.
func (p *filesPreview) submit() {
	if !p.send.Disabled() {
		p.onSend()
	}
}

// waiting reports whether the preview waits for the owner: nothing is
// being sent and nothing failed.
func (p *filesPreview) waiting() bool {
	return !p.cancel.Disabled() && !p.problem.Visible()
}

// typedFiles are the preview's files with the captions typed so far.
func (p *filesPreview) typedFiles() []chosenFile {
	out := make([]chosenFile, len(p.files))
	for i, f := range p.files {
		if e := p.captions[i]; e != nil {
			f.caption, f.captioned = e.Text, true
		}
		out[i] = f
	}
	return out
}

// close dismisses the preview without sending.
func (p *filesPreview) close() {
	p.dialog.Hide()
	if p.view.filesPreview == p {
		p.view.filesPreview = nil
	}
}

// onSend queues each sendable file with its caption, in order, the first
// as the answer to the message being replied to. On a problem the files
// queued so far stay queued, the preview stays open, and it says why the
// next one was not.
func (p *filesPreview) onSend() {
	type job struct {
		index         int
		path, caption string
	}
	var jobs []job
	for i, f := range p.files {
		if e := p.captions[i]; e != nil && f.problem == "" {
			jobs = append(jobs, job{index: i, path: f.path, caption: e.Text})
		}
	}
	v := p.view
	core, id, replyTo, typed := v.env.core, v.conv.ID, v.composer.replyID, v.composer.entry.Text
	p.send.Disable()
	p.cancel.Disable()
	v.stickBottom = true
	kit.Load(v.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		for n, j := range jobs {
			r := ""
			if n == 0 {
				r = replyTo
			}
			if _, err := core.SendAttachment(ctx, id, j.path, j.caption, r); err != nil {
				return struct{}{}, &fileSendError{index: j.index, err: err}
			}
		}
		return struct{}{}, nil
	}, func(_ struct{}, err error) { p.sent(typed, err) })
}

// fileSendError is the first file the core refused, and why.
type fileSendError struct {
	index int // in filesPreview.files
	err   error
}

func (e *fileSendError) Error() string { return e.err.Error() }
func (e *fileSendError) Unwrap() error { return e.err }

// sent closes the preview once every file is queued, clearing the
// composer's text when it went as a caption; otherwise it says which file
// was not sent and why, and lets the owner close the preview (the files
// before it are queued).
func (p *filesPreview) sent(typed string, err error) {
	v := p.view
	if err == nil {
		p.close()
		if v.composer.entry.Text == typed {
			v.composer.entry.SetText("")
		}
		v.composer.cancelReply()
		v.scrollToBottom()
		return
	}
	slog.Warn("send files", "conversation", v.conv.ID, "err", err)
	name := "A file"
	var fe *fileSendError
	if errors.As(err, &fe) {
		name = app.DisplayName(filepath.Base(p.files[fe.index].path))
	}
	msg := name + " was not sent: " + app.Explain(err)
	if errors.Is(err, app.ErrOutsideReplyWindow) {
		msg = "The 24-hour window has closed, so WhatsApp takes only a template now. " + name + " and the files after it were not sent."
		v.reload()
	}
	p.problem.SetText(msg)
	p.problem.Show()
	p.cancel.SetText("Close")
	p.cancel.Enable()
}
