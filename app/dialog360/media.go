package dialog360

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"

	"github.com/parley-app/parley/app"
)

// mediaPath uploads media (360dialog-api.md §5).
const mediaPath = "media"

// lookasideHost is where WhatsApp's media links point; 360dialog serves
// the same paths on its own host, with the API key.
const lookasideHost = "https://lookaside.fbsbx.com"

// mediaAnswer is the answer of GET /{media-id}.
type mediaAnswer struct {
	ID       string  `json:"id"`
	URL      string  `json:"url"`
	MIMEType string  `json:"mime_type"`
	SHA256   string  `json:"sha256"`
	FileSize flexInt `json:"file_size"`
}

// UploadMedia uploads a file for sending and returns its media id. An
// upload is retried like a read: a duplicate only leaves an unused copy,
// which WhatsApp deletes after 30 days.
func (c *Client) UploadMedia(ctx context.Context, fileName, mimeType string, data []byte) (string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("messaging_product", "whatsapp")
	_ = w.WriteField("type", mimeType)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, fileName))
	h.Set("Content-Type", mimeType)
	part, err := w.CreatePart(h)
	if err != nil {
		return "", fmt.Errorf("upload media: %w", err)
	}
	if _, err := part.Write(data); err != nil {
		return "", fmt.Errorf("upload media: %w", err)
	}
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("upload media: %w", err)
	}
	var ans struct {
		ID string `json:"id"`
	}
	req := request{
		op: "upload media", method: http.MethodPost, path: mediaPath,
		body: buf.Bytes(), contentType: w.FormDataContentType(), policy: retrySafe, long: true,
	}
	if err := c.sendRaw(ctx, req, &ans); err != nil {
		return "", err
	}
	if ans.ID == "" {
		return "", errorFor(app.KindUnavailable, 0, 0, "upload media: no media id in the answer")
	}
	return ans.ID, nil
}

// MediaInfo returns the type, size, checksum and download link of a media
// id. Failed lookups are not retried: 360dialog blocks a number for an
// hour after a few failed media lookups.
func (c *Client) MediaInfo(ctx context.Context, mediaID string) (app.Media, error) {
	if mediaID == "" {
		return app.Media{}, fmt.Errorf("media info: no media id")
	}
	var a mediaAnswer
	resp, err := c.do(ctx, request{op: "media info", method: http.MethodGet, path: url.PathEscape(mediaID), policy: retrySafe})
	if err == nil {
		err = decodeAnswer("media info", resp.body, &a)
	}
	if err != nil {
		return app.Media{}, mediaGone(err)
	}
	id := a.ID
	if id == "" {
		id = mediaID
	}
	return app.Media{ID: id, MIMEType: a.MIMEType, SHA256: a.SHA256, Size: int64(a.FileSize), URL: a.URL}, nil
}

// DownloadMedia fetches the bytes of a media id. The WhatsApp link's host
// is replaced by the base URL (stray backslashes removed), so the key is
// only ever sent to 360dialog.
func (c *Client) DownloadMedia(ctx context.Context, mediaID string) ([]byte, app.Media, error) {
	m, err := c.MediaInfo(ctx, mediaID)
	if err != nil {
		return nil, app.Media{}, err
	}
	path, err := downloadPath(m.URL)
	if err != nil {
		return nil, m, errorFor(app.KindUnavailable, 0, 0, "download media: "+err.Error())
	}
	resp, err := c.do(ctx, request{op: "download media", method: http.MethodGet, path: path, policy: retrySafe, long: true})
	if err != nil {
		return nil, m, mediaGone(err)
	}
	if m.MIMEType == "" {
		m.MIMEType = resp.header.Get("Content-Type")
	}
	if m.Size == 0 {
		m.Size = int64(len(resp.body))
	}
	return resp.body, m, nil
}

// downloadPath rewrites a WhatsApp media link into a path on the base URL:
// "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2"
// becomes "whatsapp_business/attachments/?mid=1&ext=2". Only the path and
// query of any link are kept, whatever its host.
func downloadPath(link string) (string, error) {
	link = strings.ReplaceAll(strings.TrimSpace(link), `\`, "")
	if link == "" {
		return "", fmt.Errorf("no download link")
	}
	link = strings.Replace(link, lookasideHost, "", 1)
	u, err := url.Parse(link)
	if err != nil {
		return "", fmt.Errorf("bad download link: %w", err)
	}
	p := strings.TrimLeft(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p, nil
}

// mediaGone gives a missing media file its own plain words.
func mediaGone(err error) error {
	if pe, ok := err.(*app.ProviderError); ok && pe.Kind == app.KindNotFound {
		pe.Plain = "This file is no longer available on WhatsApp. Files can only be downloaded for a few days."
	}
	return err
}
