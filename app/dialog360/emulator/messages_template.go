package emulator

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// sendTemplate is the template object of a send.
type sendTemplate struct {
	Name     string `json:"name"`
	Language struct {
		Code   string `json:"code"`
		Policy string `json:"policy"`
	} `json:"language"`
	Components []sendComponent `json:"components"`
}

// sendComponent is one filled component of a template send.
type sendComponent struct {
	Type       string      `json:"type"`
	SubType    string      `json:"sub_type"`
	Index      any         `json:"index"`
	Parameters []sendParam `json:"parameters"`
}

// sendParam is one parameter value.
type sendParam struct {
	Type     string    `json:"type"`
	Text     string    `json:"text,omitempty"`
	Payload  string    `json:"payload,omitempty"`
	Image    *mediaRef `json:"image,omitempty"`
	Video    *mediaRef `json:"video,omitempty"`
	Document *mediaRef `json:"document,omitempty"`
}

func mismatch(what string, got, want int) graphErr {
	return graphErr{code: 132000, message: "Number of parameters does not match the expected number of params",
		details: fmt.Sprintf("%s: number of localizable_params (%d) does not match the expected number of params (%d)", what, got, want)}
}

// checkTemplateSendLocked checks a template send against the stored
// template: it must exist in the language, be approved, and get exactly
// the parameters it has.
func (e *Emulator) checkTemplateSendLocked(a *account, st *sendTemplate, s *SentMessage) (graphErr, bool) {
	if st == nil || st.Name == "" || st.Language.Code == "" {
		return invalidParam("template['name'] and template['language']['code'] are required."), true
	}
	var t *template
	for _, c := range a.templates {
		if c.Name == st.Name && c.Language == st.Language.Code {
			t = c
		}
	}
	notFound := graphErr{code: 132001, message: "Template name does not exist in the translation",
		details: fmt.Sprintf("template name (%s) does not exist in %s", st.Name, st.Language.Code)}
	switch {
	case t == nil:
		return notFound, true
	case t.Status == "paused":
		return graphErr{code: 132015, message: "Template is paused", details: "The template is paused because of low quality."}, true
	case t.Status == "disabled":
		return graphErr{code: 132016, message: "Template is disabled", details: "The template has been disabled."}, true
	case t.Status != "approved":
		return notFound, true
	}
	sent := &SentTemplate{Name: st.Name, Language: st.Language.Code, URLParams: map[string]string{}}
	var header, body []sendParam
	for _, c := range st.Components {
		switch strings.ToLower(c.Type) {
		case "header":
			header = append(header, c.Parameters...)
		case "body":
			body = append(body, c.Parameters...)
		case "button":
			idx := fmt.Sprint(c.Index)
			if strings.EqualFold(c.SubType, "url") {
				if len(c.Parameters) != 1 {
					return mismatch("button", len(c.Parameters), 1), true
				}
				sent.URLParams[idx] = c.Parameters[0].Text
			}
		default:
			return invalidParam(fmt.Sprintf("Unknown component type %q.", c.Type)), true
		}
	}
	if g, bad := checkHeaderParams(t, header); bad {
		return g, true
	}
	if len(header) == 1 {
		if g, bad := e.checkHeaderMediaLocked(a, header[0]); bad {
			return g, true
		}
	}
	bodyText := ""
	if c := t.component("BODY"); c != nil {
		bodyText = c.Text
	}
	if n, _ := params(bodyText); len(body) != n {
		return mismatch("body", len(body), n), true
	}
	for _, p := range body {
		if p.Type == "text" && strings.TrimSpace(p.Text) == "" {
			return graphErr{code: 131008, message: "Required parameter is missing", details: "A body parameter is empty."}, true
		}
		sent.BodyParams = append(sent.BodyParams, p.Text)
	}
	if g, bad := checkURLParams(t, sent.URLParams); bad {
		return g, true
	}
	if len(header) == 1 {
		h := header[0]
		sent.HeaderText = h.Text
		for _, ref := range []*mediaRef{h.Image, h.Video, h.Document} {
			if ref != nil {
				sent.HeaderMediaID, sent.HeaderMediaLink = ref.ID, ref.Link
			}
		}
	}
	s.Template = sent
	s.Text = fill(bodyText, sent.BodyParams)
	return graphErr{}, false
}

// checkHeaderParams checks the header parameters against the template.
func checkHeaderParams(t *template, header []sendParam) (graphErr, bool) {
	c := t.component("HEADER")
	want, format := 0, ""
	if c != nil {
		format = c.Format
		switch format {
		case "TEXT":
			want, _ = params(c.Text)
		case "IMAGE", "VIDEO", "DOCUMENT":
			want = 1
		}
	}
	if len(header) != want {
		return mismatch("header", len(header), want), true
	}
	if want == 1 && format != "TEXT" {
		p := header[0]
		ref := map[string]*mediaRef{"IMAGE": p.Image, "VIDEO": p.Video, "DOCUMENT": p.Document}[format]
		if !strings.EqualFold(p.Type, format) || ref == nil || ref.ID == "" && ref.Link == "" {
			return graphErr{code: 132012, message: "Parameter format does not match format in the created template",
				details: "header: expected a " + strings.ToLower(format) + " with an id or link"}, true
		}
	}
	return graphErr{}, false
}

// checkHeaderMediaLocked checks the file of a media header: a link must
// be a web address WhatsApp can download (a resumable-upload handle,
// "4::aW1h…", is only a template's review sample, and WhatsApp fails to
// fetch it), and an id must be media uploaded by this number, of the
// header's kind.
func (e *Emulator) checkHeaderMediaLocked(a *account, p sendParam) (graphErr, bool) {
	kind, ref := "image", p.Image
	switch {
	case p.Video != nil:
		kind, ref = "video", p.Video
	case p.Document != nil:
		kind, ref = "document", p.Document
	}
	if ref == nil {
		return graphErr{}, false // a text header
	}
	mediaErr := func(details string) (graphErr, bool) {
		return graphErr{code: 131053, message: "Media upload error", details: details}, true
	}
	if ref.ID == "" {
		if !isWebLink(ref.Link) {
			return mediaErr(fmt.Sprintf("Downloading media from weblink failed: %q is not a valid URL. Upload the file to /media and send its id.", ref.Link))
		}
		return graphErr{}, false
	}
	obj := e.liveMediaLocked(ref.ID, a.key)
	if obj == nil {
		return mediaErr("Unknown media id " + ref.ID + ".")
	}
	if kind != "document" && !strings.HasPrefix(obj.mime, kind+"/") {
		return graphErr{code: 132012, message: "Parameter format does not match format in the created template",
			details: fmt.Sprintf("header: expected a %s, media %s is %s", kind, ref.ID, obj.mime)}, true
	}
	return graphErr{}, false
}

// isWebLink reports whether link is an http or https address of a host.
func isWebLink(link string) bool {
	u, err := url.Parse(link)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// checkURLParams checks that every URL button with a parameter got one.
func checkURLParams(t *template, got map[string]string) (graphErr, bool) {
	c := t.component("BUTTONS")
	want := map[string]bool{}
	if c != nil {
		for i, b := range c.Buttons {
			if n, _ := params(b.URL); b.Type == "URL" && n == 1 {
				want[strconv.Itoa(i)] = true
			}
		}
	}
	for idx := range want {
		if got[idx] == "" {
			return mismatch("button "+idx, 0, 1), true
		}
	}
	for idx := range got {
		if !want[idx] {
			return mismatch("button "+idx, 1, 0), true
		}
	}
	return graphErr{}, false
}

// fill replaces {{n}} in text with values.
func fill(text string, values []string) string {
	return paramRE.ReplaceAllStringFunc(text, func(m string) string {
		n, _ := strconv.Atoi(strings.Trim(m, "{} "))
		if n >= 1 && n <= len(values) {
			return values[n-1]
		}
		return m
	})
}
