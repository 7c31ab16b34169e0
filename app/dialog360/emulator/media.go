package emulator

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Media limits per type (360dialog-api.md §5).
var mediaLimits = map[string]int64{
	"image/jpeg": 5 << 20, "image/png": 5 << 20,
	"video/mp4": 16 << 20, "video/3gpp": 16 << 20,
	"audio/aac": 16 << 20, "audio/amr": 16 << 20, "audio/mpeg": 16 << 20, "audio/mp4": 16 << 20, "audio/ogg": 16 << 20,
	"text/plain": 100 << 20, "application/pdf": 100 << 20,
	"application/msword": 100 << 20, "application/vnd.openxmlformats-officedocument.wordprocessingml.document": 100 << 20,
	"application/vnd.ms-excel": 100 << 20, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": 100 << 20,
	"application/vnd.ms-powerpoint": 100 << 20, "application/vnd.openxmlformats-officedocument.presentationml.presentation": 100 << 20,
	"image/webp": 500 << 10,
}

// mediaObject is a file sent with or received in messages.
type mediaObject struct {
	id, key, name, mime, sha, hash string
	data                           []byte
	expires                        time.Time // zero: kept (an upload)
}

// liveMediaLocked returns the media object id of the number with key, nil
// when there is none or it expired.
func (e *Emulator) liveMediaLocked(id, key string) *mediaObject {
	m := e.media[id]
	if m == nil || m.key != key {
		return nil
	}
	if !m.expires.IsZero() && !e.now().Before(m.expires) {
		delete(e.media, id)
		return nil
	}
	return m
}

// UploadedMedia is a file a number uploaded through /media.
type UploadedMedia struct {
	Name     string
	MIMEType string
	Data     []byte
}

// Media returns the file with media id that the number with apiKey
// uploaded (or received), and whether there is one.
func (e *Emulator) Media(apiKey, id string) (UploadedMedia, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	m := e.liveMediaLocked(id, apiKey)
	if m == nil {
		return UploadedMedia{}, false
	}
	return UploadedMedia{Name: m.name, MIMEType: m.mime, Data: append([]byte(nil), m.data...)}, true
}

// storeMediaLocked keeps a file for the number a and returns its id.
func (e *Emulator) storeMediaLocked(a *account, name, mimeType string, data []byte) string {
	id := fmt.Sprintf("9%015d", e.nextLocked())
	e.media[id] = &mediaObject{
		id: id, key: a.key, name: name, mime: mimeType, sha: sha256Base64(data),
		hash: fmt.Sprintf("%016x", e.rnd.Uint64()), data: append([]byte(nil), data...),
	}
	return id
}

// handleMediaUpload answers POST /media (multipart).
func (e *Emulator) handleMediaUpload(w http.ResponseWriter, r *http.Request, a *account) {
	mr, err := r.MultipartReader()
	if err != nil {
		writeGraphError(w, http.StatusBadRequest, invalidParam("The request must be multipart/form-data."))
		return
	}
	var product, typ, name, partType string
	var data []byte
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			writeGraphError(w, http.StatusBadRequest, invalidParam("Broken multipart body: "+err.Error()))
			return
		}
		b, err := io.ReadAll(io.LimitReader(p, 101<<20))
		if err != nil {
			writeGraphError(w, http.StatusBadRequest, invalidParam("Broken multipart body: "+err.Error()))
			return
		}
		switch p.FormName() {
		case "messaging_product":
			product = string(b)
		case "type":
			typ = string(b)
		case "file":
			name, partType, data = p.FileName(), p.Header.Get("Content-Type"), b
		}
	}
	if product != "whatsapp" {
		writeGraphError(w, http.StatusBadRequest, invalidParam("The parameter messaging_product is required."))
		return
	}
	if typ == "" {
		typ = partType
	}
	typ, _, _ = mime.ParseMediaType(typ)
	if problem := checkMedia(typ, len(data)); problem != "" {
		writeGraphError(w, http.StatusBadRequest, graphErr{code: 131053, message: "Media upload error", details: problem})
		return
	}
	e.mu.Lock()
	id := e.storeMediaLocked(a, name, typ, data)
	e.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]string{"id": id})
}

// checkMedia returns why a file of type typ and size n is refused, or "".
func checkMedia(typ string, n int) string {
	limit, ok := mediaLimits[typ]
	switch {
	case n == 0:
		return "The parameter file is required."
	case !ok:
		return fmt.Sprintf("Unsupported file type %q.", typ)
	case int64(n) > limit:
		return fmt.Sprintf("The file is %d bytes; files of type %s may be at most %d bytes.", n, typ, limit)
	}
	return ""
}

// handleMediaObject answers GET and DELETE /{media-id}.
func (e *Emulator) handleMediaObject(w http.ResponseWriter, r *http.Request, a *account, id string) {
	e.mu.Lock()
	m := e.liveMediaLocked(id, a.key)
	if m != nil && r.Method == http.MethodDelete {
		delete(e.media, id)
	}
	link := ""
	if m != nil {
		link = fmt.Sprintf("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=%s&ext=%d&hash=%s",
			m.id, e.now().Unix(), m.hash)
	}
	e.mu.Unlock()
	if m == nil {
		writeGraphError(w, http.StatusBadRequest, graphErr{code: 100, subcode: 33,
			message: fmt.Sprintf("Unsupported get request. Object with ID '%s' does not exist", id)})
		return
	}
	switch r.Method {
	case http.MethodGet:
		writeJSON(w, http.StatusOK, map[string]any{
			"messaging_product": "whatsapp", "url": link, "mime_type": m.mime,
			"sha256": m.sha, "file_size": len(m.data), "id": m.id,
		})
	case http.MethodDelete:
		writeJSON(w, http.StatusOK, map[string]bool{"success": true})
	default:
		writeGraphError(w, http.StatusMethodNotAllowed, invalidParam("Unsupported method"))
	}
}

// handleDownload answers GET /whatsapp_business/attachments/?mid=&hash=,
// the lookaside link rewritten onto the 360dialog host.
func (e *Emulator) handleDownload(w http.ResponseWriter, r *http.Request, a *account) {
	q := r.URL.Query()
	e.mu.Lock()
	m := e.liveMediaLocked(q.Get("mid"), a.key)
	e.mu.Unlock()
	if m == nil || q.Get("hash") != m.hash {
		writeGraphError(w, http.StatusNotFound, graphErr{code: 100, subcode: 33, message: "Media not found"})
		return
	}
	w.Header().Set("Content-Type", m.mime)
	w.Header().Set("Content-Length", strconv.Itoa(len(m.data)))
	_, _ = w.Write(m.data)
}

// serveBlob answers GET /cdn/{id}: uploaded profile photos and template
// samples, public like WhatsApp's CDN.
func (e *Emulator) serveBlob(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/cdn/")
	e.mu.Lock()
	var found *blob
	for _, b := range e.blobs {
		if b.id == id {
			found = b
			break
		}
	}
	e.mu.Unlock()
	if found == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", found.mime)
	_, _ = w.Write(found.data)
}

func sha256Base64(b []byte) string {
	sum := sha256.Sum256(b)
	return base64.StdEncoding.EncodeToString(sum[:])
}
