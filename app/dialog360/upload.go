package dialog360

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/parley-app/parley/app"
)

// UploadForHandle runs Meta's resumable upload through 360dialog
// (360dialog-api.md §3a) and returns the handle ("h") used for profile
// photos and template media samples:
//
//  1. POST /uploads?file_name&file_length&file_type → {"id":"upload:…"}
//  2. POST /upload:… with header file_offset: 0 and the bytes → {"h":"…"}
//
// Both steps are retried when safe: an unused session costs nothing, and
// writing the same bytes at offset 0 again gives the same file.
func (c *Client) UploadForHandle(ctx context.Context, fileName, mimeType string, data []byte) (string, error) {
	if len(data) == 0 {
		return "", fmt.Errorf("upload %s: the file is empty", fileName)
	}
	q := url.Values{
		"file_name":   {fileName},
		"file_length": {strconv.Itoa(len(data))},
		"file_type":   {mimeType},
	}
	var session struct {
		ID string `json:"id"`
	}
	req := request{op: "start upload", method: http.MethodPost, path: "uploads", query: q, policy: retrySafe}
	if err := c.sendRaw(ctx, req, &session); err != nil {
		return "", err
	}
	if session.ID == "" {
		return "", errorFor(app.KindUnavailable, 0, 0, "start upload: no session id in the answer")
	}
	var done struct {
		H string `json:"h"`
	}
	req = request{
		op: "upload file", method: http.MethodPost, path: sessionPath(session.ID),
		body: data, contentType: mimeType, header: map[string]string{"file_offset": "0"},
		policy: retrySafe, long: true,
	}
	if err := c.sendRaw(ctx, req, &done); err != nil {
		return "", err
	}
	if done.H == "" {
		return "", errorFor(app.KindUnavailable, 0, 0, "upload file: no handle in the answer")
	}
	return done.H, nil
}

// sessionPath turns an upload session id ("upload:MTph…?sig=ARZ…") into a
// path: the id is used verbatim, its own query string included.
func sessionPath(id string) string {
	id = strings.TrimLeft(id, "/")
	path, query, _ := strings.Cut(id, "?")
	p := (&url.URL{Path: path}).EscapedPath()
	if query != "" {
		return p + "?" + query
	}
	return p
}

// sendRaw runs req (body already set) and decodes the JSON answer.
func (c *Client) sendRaw(ctx context.Context, req request, out any) error {
	resp, err := c.do(ctx, req)
	if err != nil {
		return err
	}
	return decodeAnswer(req.op, resp.body, out)
}
