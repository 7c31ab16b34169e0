package emulator

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// uploadSession is a resumable upload in progress.
type uploadSession struct {
	id, sig, key, name, mime string
	length                   int
	data                     []byte
	handle                   string // set when complete
}

// blob is a finished resumable upload, reachable by its handle.
type blob struct {
	id, key, name, mime string
	data                []byte
}

// Upload types the resumable upload accepts (profile photos and template
// samples).
var uploadTypes = map[string]bool{
	"image/jpeg": true, "image/png": true, "video/mp4": true, "application/pdf": true,
}

// handleUploadStart answers POST /uploads?file_name&file_length&file_type.
func (e *Emulator) handleUploadStart(w http.ResponseWriter, r *http.Request, a *account) {
	q := r.URL.Query()
	n, err := strconv.Atoi(q.Get("file_length"))
	switch {
	case q.Get("file_name") == "":
		writeGraphError(w, http.StatusBadRequest, invalidParam("The parameter file_name is required."))
		return
	case err != nil || n <= 0 || n > 100<<20:
		writeGraphError(w, http.StatusBadRequest, invalidParam("The parameter file_length must be a positive number of bytes."))
		return
	case !uploadTypes[q.Get("file_type")]:
		writeGraphError(w, http.StatusBadRequest, invalidParam(fmt.Sprintf("Unsupported file_type %q.", q.Get("file_type"))))
		return
	}
	e.mu.Lock()
	s := &uploadSession{
		id:  "upload:" + base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "session:%d:%x", e.nextLocked(), e.rnd.Uint64())),
		sig: fmt.Sprintf("ARZ%016x", e.rnd.Uint64()),
		key: a.key, name: q.Get("file_name"), mime: q.Get("file_type"), length: n,
	}
	e.uploads[s.id] = s
	e.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]string{"id": s.id + "?sig=" + s.sig})
}

// handleUploadSession answers POST /upload:… (send bytes at file_offset)
// and GET /upload:… (how much has arrived).
func (e *Emulator) handleUploadSession(w http.ResponseWriter, r *http.Request, a *account) {
	id := strings.TrimPrefix(r.URL.Path, "/")
	e.mu.Lock()
	s := e.uploads[id]
	e.mu.Unlock()
	if s == nil || s.key != a.key || r.URL.Query().Get("sig") != s.sig {
		writeGraphError(w, http.StatusBadRequest, graphErr{code: 100, subcode: 33, message: "Upload session does not exist"})
		return
	}
	switch r.Method {
	case http.MethodGet:
		e.mu.Lock()
		off := len(s.data)
		e.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"id": s.id, "file_offset": off})
	case http.MethodPost:
		e.uploadChunk(w, r, s)
	default:
		writeGraphError(w, http.StatusMethodNotAllowed, invalidParam("Unsupported method"))
	}
}

func (e *Emulator) uploadChunk(w http.ResponseWriter, r *http.Request, s *uploadSession) {
	off, err := strconv.Atoi(r.Header.Get("file_offset"))
	if err != nil {
		writeGraphError(w, http.StatusBadRequest, invalidParam("The header file_offset is required."))
		return
	}
	chunk, err := io.ReadAll(io.LimitReader(r.Body, int64(s.length)+1))
	if err != nil {
		writeGraphError(w, http.StatusBadRequest, invalidParam("Could not read the upload: "+err.Error()))
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if s.handle != "" && off == 0 && string(chunk) == string(s.data) {
		writeJSON(w, http.StatusOK, map[string]string{"h": s.handle}) // a repeated upload
		return
	}
	if off != len(s.data) {
		writeGraphError(w, http.StatusBadRequest, invalidParam(fmt.Sprintf("file_offset must be %d.", len(s.data))))
		return
	}
	if len(s.data)+len(chunk) > s.length {
		writeGraphError(w, http.StatusBadRequest, invalidParam("More bytes than file_length."))
		return
	}
	s.data = append(s.data, chunk...)
	if len(s.data) < s.length {
		writeJSON(w, http.StatusOK, map[string]any{"id": s.id, "file_offset": len(s.data)})
		return
	}
	b := &blob{id: fmt.Sprintf("b%d", e.nextLocked()), key: s.key, name: s.name, mime: s.mime, data: s.data}
	s.handle = "4::" + base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "%s:%s:%x", b.id, s.mime, e.rnd.Uint64()))
	e.blobs[s.handle] = b
	writeJSON(w, http.StatusOK, map[string]string{"h": s.handle})
}
