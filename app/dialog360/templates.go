package dialog360

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/parley-app/parley/app"
)

// templatesPath is 360dialog's template API (360dialog-api.md §4).
const templatesPath = "v1/configs/templates"

// maxTemplatePages stops a list that never ends.
const maxTemplatePages = 1000

// templateList is one page of GET /v1/configs/templates. Graph's data[]
// is accepted too.
type templateList struct {
	Count     int            `json:"count"`
	Total     int            `json:"total"`
	Templates []templateWire `json:"waba_templates"`
	Data      []templateWire `json:"data"`
}

// ListTemplates fetches every template, page by page (offset paging,
// sorted by id), until the reported total is reached or a page comes back
// short. The offset moves by what was received, not by what was asked
// for, because the server may cap the page size.
func (c *Client) ListTemplates(ctx context.Context, progress func(fetched, total int)) ([]app.Template, error) {
	var all []app.Template
	seen := map[string]bool{}
	offset := 0
	for page := 0; page < maxTemplatePages; page++ {
		q := url.Values{
			"limit":  {strconv.Itoa(c.pageSize)},
			"offset": {strconv.Itoa(offset)},
			"sort":   {"id"},
		}
		var l templateList
		if err := c.getJSON(ctx, "list templates", templatesPath, q, &l); err != nil {
			return nil, err
		}
		items := l.Templates
		if items == nil {
			items = l.Data
		}
		for _, w := range items {
			key := string(w.ID) + "\x00" + w.Name + "\x00" + w.Language
			if seen[key] {
				continue
			}
			seen[key] = true
			all = append(all, templateFromWire(w))
		}
		offset += len(items)
		if progress != nil {
			progress(len(all), max(l.Total, len(all)))
		}
		if len(items) == 0 || l.Total > 0 && offset >= l.Total || l.Total == 0 && len(items) < c.pageSize {
			return all, nil
		}
	}
	return all, nil
}

// CreateTemplate submits t for review. A media header's sample file
// (Header.Media) is uploaded first with the resumable upload and its handle
// becomes the sample. The template comes back with its id and status
// (Submitted unless the answer says otherwise) and the sample handle in
// Header.Example.
//
// Submitting is never retried once the request may have reached
// 360dialog: a second copy would fail as a duplicate and hide the outcome.
func (c *Client) CreateTemplate(ctx context.Context, t app.Template) (app.Template, error) {
	if t.Header.Format != app.HeaderNone && t.Header.Format != app.HeaderText && len(t.Header.Media) > 0 {
		name := t.Header.MediaName
		if name == "" {
			name = "sample"
		}
		h, err := c.UploadForHandle(ctx, name, t.Header.MediaMIME, t.Header.Media)
		if err != nil {
			return app.Template{}, err
		}
		t.Header.Example = h
	}
	var ans templateWire
	req := request{op: "submit template", method: http.MethodPost, path: templatesPath, policy: retryUnsent}
	if err := c.sendJSON(ctx, req, templateToWire(t), &ans); err != nil {
		return app.Template{}, err
	}
	out := t
	out.ID = string(ans.ID)
	out.Status = app.TemplateSubmitted
	if ans.Status != "" {
		out.Status = templateStatus(ans.Status)
	}
	out.RejectedReason = ""
	if out.Status == app.TemplateRejected {
		out.RejectedReason = rejectedReason(ans.RejectedReason)
	}
	if got := templateFromWire(ans); !got.ModifiedAt.IsZero() {
		out.ModifiedAt = got.ModifiedAt
	}
	return out, nil
}

// DeleteTemplate deletes every language of the template called name.
func (c *Client) DeleteTemplate(ctx context.Context, name string) error {
	if name == "" {
		return fmt.Errorf("delete template: no name")
	}
	req := request{op: "delete template", method: http.MethodDelete, path: templatesPath + "/" + url.PathEscape(name), policy: retrySafe, goneOK: true}
	_, err := c.do(ctx, req)
	return err
}
