package inbox

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"log/slog"
	"math"
	"net/url"
	"os"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/widgets"
)

// downloadTimeout bounds one attachment download.
const downloadTimeout = 2 * time.Minute

// thumbnailSide is the longest side, in pixels, a photo preview is
// decoded at for a canvas of scale: the most a bubble shows
// (widgets.PhotoMaxSide) in the screen's pixels, so that it is sharp on
// a high-density screen and no larger than shown on any.
func thumbnailSide(scale float32) int {
	return int(math.Ceil(float64(widgets.PhotoMaxSide * min(max(scale, 1), 3))))
}

// maxSpareThumbs is how many decoded photo previews the conversation
// keeps for rows no longer drawn, so scrolling back a little shows them
// at once; the others are dropped and decoded again from the file on
// this computer when their row is drawn again. Together with the rows
// drawn, this bounds the pictures in memory however long the history.
const maxSpareThumbs = 24

// mediaState is what the conversation knows about one attachment.
type mediaState struct {
	path  string      // the cached file, once downloaded
	thumb image.Image // decoded preview of a photo
	// size is the size of the last decoded preview, kept when the
	// preview is dropped so its bubble keeps its shape meanwhile.
	size image.Point
	// drawn is when its row was last drawn (mediaLoader.tick).
	drawn   uint64
	loading bool
	failed  bool // the download failed; it may be tried again
	// undecodable marks a downloaded photo Parley cannot preview.
	undecodable bool
	note        string // shown on the attachment while loading or after a failure
	// msg is the message as last asked to open; the decision to open
	// its file needs its name and type.
	msg app.Message
}

// mediaLoader downloads attachments in the background, decodes photo
// previews and opens files. Its state is touched only on the UI
// goroutine; onChange redraws a message's bubble.
type mediaLoader struct {
	env      env
	states   map[int64]*mediaState
	onChange func(messageID int64)
	// openURL opens a file with the system's viewer; tests replace it.
	openURL func(*url.URL) error
	// saveTo asks the owner where to save a file; tests replace it.
	saveTo func(suggested string, done func(path string))
	// tick counts the times rows were placed, to know which previews
	// were drawn last.
	tick uint64
}

func newMediaLoader(e env, onChange func(int64)) *mediaLoader {
	l := &mediaLoader{env: e, states: map[int64]*mediaState{}, onChange: onChange,
		openURL: func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }}
	l.saveTo = l.saveWithDialog
	return l
}

func (l *mediaLoader) state(id int64) *mediaState {
	st := l.states[id]
	if st == nil {
		st = &mediaState{}
		l.states[id] = st
	}
	return st
}

// sig is the part of a bubble's signature that depends on its media.
func (l *mediaLoader) sig(id int64) string {
	st := l.states[id]
	if st == nil {
		return ""
	}
	return fmt.Sprintf("%v|%v|%v|%v|%s", st.thumb != nil, st.loading, st.failed, st.undecodable, st.note)
}

// drawn records that the rows of the photo messages ids are drawn now,
// and drops the previews of the rows drawn longest ago beyond
// maxSpareThumbs; it returns the messages whose preview was dropped.
func (l *mediaLoader) drawn(ids []int64) (dropped []int64) {
	l.tick++
	for _, id := range ids {
		if st := l.states[id]; st != nil {
			st.drawn = l.tick
		}
	}
	var spare []int64
	for id, st := range l.states {
		if st.thumb != nil && st.drawn != l.tick {
			spare = append(spare, id)
		}
	}
	if len(spare) <= maxSpareThumbs {
		return nil
	}
	slices.SortFunc(spare, func(a, b int64) int { return cmp.Compare(l.states[a].drawn, l.states[b].drawn) })
	for _, id := range spare[:len(spare)-maxSpareThumbs] {
		l.states[id].thumb = nil
		dropped = append(dropped, id)
	}
	return dropped
}

// thumbs is how many decoded previews the conversation holds.
func (l *mediaLoader) thumbs() int {
	n := 0
	for _, st := range l.states {
		if st.thumb != nil {
			n++
		}
	}
	return n
}

// want starts fetching the preview of a photo or sticker once.
func (l *mediaLoader) want(m app.Message) {
	if !isPhotoType(m.Type) || m.Media == nil || m.Media.Lost == app.MediaExpired {
		return // an expired photo is not asked for again: 360dialog blocks after a few failed lookups
	}
	st := l.state(m.ID)
	if st.thumb != nil || st.loading || st.failed || st.undecodable {
		return
	}
	if st.path != "" {
		l.redecode(m.ID, st.path)
		return
	}
	l.fetch(m, false)
}

// redecode decodes again, from the file on this computer, a preview that
// was dropped; the bubble keeps the photo's shape meanwhile.
func (l *mediaLoader) redecode(id int64, path string) {
	st := l.state(id)
	st.loading = true
	side := l.thumbSide()
	l.env.Run(func() {
		thumb, err := decodeThumbnail(path, side)
		fyne.Do(func() {
			if err != nil { // the file went away: download it again
				st.loading, st.path, st.size = false, "", image.Point{}
				l.onChange(id)
				return
			}
			l.fetched(id, path, thumb, nil, nil, false)
		})
	})
	l.onChange(id)
}

// thumbSide is the side previews are decoded at for the window's screen.
func (l *mediaLoader) thumbSide() int {
	if c := l.env.Window.Canvas(); c != nil {
		return thumbnailSide(c.Scale())
	}
	return thumbnailSide(1)
}

// fetch downloads m's attachment (or finds the cached copy) and, for a
// photo, decodes its preview; then, when open is set, opens the file.
func (l *mediaLoader) fetch(m app.Message, open bool) {
	st := l.state(m.ID)
	st.loading, st.failed = true, false
	st.note = "Downloading…"
	if isPhotoType(m.Type) {
		st.note = "Loading the photo…"
	}
	core := l.env.core
	photo := isPhotoType(m.Type)
	side := l.thumbSide()
	l.env.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), downloadTimeout)
		defer cancel()
		path, err := core.DownloadMedia(ctx, m.ID)
		var thumb image.Image
		var decodeErr error
		if err == nil && photo {
			thumb, decodeErr = decodeThumbnail(path, side)
		}
		fyne.Do(func() { l.fetched(m.ID, path, thumb, err, decodeErr, open) })
	})
	l.onChange(m.ID)
}

// fetched records the outcome of a download and of decoding a photo.
func (l *mediaLoader) fetched(id int64, path string, thumb image.Image, err, decodeErr error, open bool) {
	st := l.state(id)
	st.loading = false
	switch {
	case err != nil:
		slog.Warn("download attachment", "message", id, "err", err)
		st.failed = true
		st.note = "Couldn't download: " + app.Explain(err)
	case decodeErr != nil:
		slog.Info("photo preview", "message", id, "err", decodeErr)
		st.path, st.undecodable = path, true
		st.note = noPreviewNote(decodeErr)
	default:
		st.path, st.thumb, st.note = path, thumb, ""
		if thumb != nil {
			st.size = thumb.Bounds().Size()
		}
	}
	l.onChange(id)
	if err == nil && open {
		l.openAttachment(st.msg, path)
	}
}

// open shows an attachment in the system's viewer, downloading it first
// when it is not on this computer yet; a file that could run a program,
// or of a type Parley does not know, is only offered for saving.
func (l *mediaLoader) open(m app.Message) {
	st := l.state(m.ID)
	if st.loading {
		return
	}
	st.msg = m
	path := st.path
	if path == "" && m.Media != nil {
		path = m.Media.LocalPath
	}
	if path != "" {
		if _, err := os.Stat(path); err == nil {
			l.openAttachment(m, path)
			return
		}
	}
	l.fetch(m, true)
}

// openFile hands a cached file to the system; only openAttachment calls
// it, after the core's policy allowed it.
func (l *mediaLoader) openFile(path string) {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = l.openURL(u)
	}
	if err != nil {
		slog.Warn("open attachment", "path", path, "err", err)
	}
}

// isPhotoType reports whether a message type shows a picture preview.
func isPhotoType(t app.MessageType) bool { return t == app.MsgImage || t == app.MsgSticker }

// decodeThumbnail reads a photo at the size a bubble shows it, as plain
// RGBA pixels, which every painter handles alike. A photo over
// app.MaxImagePixels is refused from its header, before it is decoded.
func decodeThumbnail(path string, side int) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open photo: %w", err)
	}
	defer f.Close()
	img, err := app.DecodeBounded(f, side, side)
	if err != nil {
		return nil, fmt.Errorf("photo preview: %w", err)
	}
	return img, nil
}

// noPreviewNote says why a downloaded photo is not shown.
func noPreviewNote(err error) string {
	var big *app.ImageTooLargeError
	if errors.As(err, &big) {
		return fmt.Sprintf("This photo is too large to show here (%d × %d pixels). You can still open it.", big.Width, big.Height)
	}
	return "There is no preview of this photo. You can still open it."
}
