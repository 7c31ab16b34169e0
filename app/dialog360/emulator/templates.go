package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// template is a message template as /v1/configs/templates lists it.
type template struct {
	ID             string      `json:"id"`
	Name           string      `json:"name"`
	Language       string      `json:"language"`
	Category       string      `json:"category"`
	Status         string      `json:"status"`
	RejectedReason string      `json:"rejected_reason"`
	Components     []component `json:"components"`
	Namespace      string      `json:"namespace"`
	ModifiedAt     string      `json:"modified_at"`
	QualityScore   *struct {
		Score string `json:"score"`
	} `json:"quality_score,omitempty"`
	WABAAccountID string `json:"waba_account_id"`
	PartnerID     string `json:"partner_id"`
}

// component is one template component. An Authentication template's BODY
// and FOOTER carry the two presets instead of text.
type component struct {
	Type    string   `json:"type"`
	Format  string   `json:"format,omitempty"`
	Text    string   `json:"text,omitempty"`
	Example *example `json:"example,omitempty"`
	Buttons []button `json:"buttons,omitempty"`

	AddSecurityRecommendation *bool `json:"add_security_recommendation,omitempty"`
	CodeExpirationMinutes     *int  `json:"code_expiration_minutes,omitempty"`
}

// example holds sample values.
type example struct {
	HeaderText   []string   `json:"header_text,omitempty"`
	HeaderHandle []string   `json:"header_handle,omitempty"`
	BodyText     [][]string `json:"body_text,omitempty"`
}

// button is one template button. The OTP fields belong to the one-time-code
// button of an Authentication template.
type button struct {
	Type    string   `json:"type"`
	Text    string   `json:"text"`
	URL     string   `json:"url,omitempty"`
	Phone   string   `json:"phone_number,omitempty"`
	Example []string `json:"example,omitempty"`

	OTPType       string       `json:"otp_type,omitempty"`
	AutofillText  string       `json:"autofill_text,omitempty"`
	PackageName   string       `json:"package_name,omitempty"`
	SignatureHash string       `json:"signature_hash,omitempty"`
	SupportedApps []androidApp `json:"supported_apps,omitempty"`
}

// androidApp names an Android app a one-tap or zero-tap button hands the
// code to.
type androidApp struct {
	PackageName   string `json:"package_name"`
	SignatureHash string `json:"signature_hash"`
}

// component returns the first component of type typ, or nil.
func (t *template) component(typ string) *component {
	for i := range t.Components {
		if strings.EqualFold(t.Components[i].Type, typ) {
			return &t.Components[i]
		}
	}
	return nil
}

// handleTemplates answers GET (list) and POST (create) on
// /v1/configs/templates.
func (e *Emulator) handleTemplates(w http.ResponseWriter, r *http.Request, a *account) {
	switch r.Method {
	case http.MethodGet:
		e.listTemplates(w, r, a)
	case http.MethodPost:
		e.createTemplate(w, r, a)
	default:
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "method not allowed"})
	}
}

// listTemplates answers one page, sorted by id, with offset paging.
func (e *Emulator) listTemplates(w http.ResponseWriter, r *http.Request, a *account) {
	q := r.URL.Query()
	limit, offset := 50, 0
	if v, err := strconv.Atoi(q.Get("limit")); err == nil && v > 0 {
		limit = v
	}
	if v, err := strconv.Atoi(q.Get("offset")); err == nil && v >= 0 {
		offset = v
	}
	e.mu.Lock()
	limit = min(limit, e.maxPage)
	all := make([]template, 0, len(a.templates))
	for _, t := range a.templates {
		all = append(all, e.publicTemplateLocked(t))
	}
	e.mu.Unlock()
	sortKey := q.Get("sort")
	sort.SliceStable(all, func(i, j int) bool {
		if strings.Contains(sortKey, "name") {
			return all[i].Name < all[j].Name
		}
		return all[i].ID < all[j].ID
	})
	page := []template{}
	if offset < len(all) {
		page = all[offset:min(offset+limit, len(all))]
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"count": len(page), "filters": map[string]any{}, "limit": limit, "offset": offset,
		"sort": []string{orDefault(sortKey, "id")}, "total": len(all), "waba_templates": page,
	})
}

// publicTemplateLocked is t as listed: media samples appear as CDN links,
// as WhatsApp shows them, instead of upload handles.
func (e *Emulator) publicTemplateLocked(t *template) template {
	out := *t
	out.Components = make([]component, len(t.Components))
	for i, c := range t.Components {
		if c.Example != nil && len(c.Example.HeaderHandle) > 0 {
			ex := *c.Example
			ex.HeaderHandle = nil
			for _, h := range c.Example.HeaderHandle {
				if b := e.blobs[h]; b != nil {
					h = e.publicURLLocked("/cdn/" + b.id)
				}
				ex.HeaderHandle = append(ex.HeaderHandle, h)
			}
			c.Example = &ex
		}
		out.Components[i] = c
	}
	return out
}

// createTemplate answers POST /v1/configs/templates.
func (e *Emulator) createTemplate(w http.ResponseWriter, r *http.Request, a *account) {
	var t template
	if !decodeBody(w, r, &t) {
		return
	}
	t.Category = strings.ToUpper(t.Category)
	e.mu.Lock()
	defer e.mu.Unlock()
	if g, bad := e.checkTemplateLocked(a, &t); bad {
		writeGraphError(w, http.StatusBadRequest, g)
		return
	}
	e.addTemplateLocked(a, &t, "submitted")
	e.scheduleReviewLocked(a, &t)
	writeJSON(w, http.StatusOK, e.publicTemplateLocked(&t))
	e.advanceLocked() // a review without delay happens right after the answer
}

// addTemplateLocked stores t with a fresh id and the given status.
func (e *Emulator) addTemplateLocked(a *account, t *template, status string) {
	t.ID = strconv.FormatInt(1_600_000_000_000_000+e.nextLocked(), 10)
	t.Status = status
	if t.RejectedReason == "" {
		t.RejectedReason = "NONE"
	}
	t.Namespace = "emulator_" + a.wabaID
	t.WABAAccountID = a.wabaID
	t.PartnerID = "emulator"
	t.ModifiedAt = e.now().UTC().Format(time.RFC3339)
	t.QualityScore = &struct {
		Score string `json:"score"`
	}{Score: "UNKNOWN"}
	a.templates = append(a.templates, t)
}

// scheduleReviewLocked decides on t after the review delay and announces
// the decision by webhook.
func (e *Emulator) scheduleReviewLocked(a *account, t *template) {
	e.scheduleLocked(e.now().Add(e.reviewDelay), func(now time.Time) {
		if t.Status != "submitted" {
			return // changed meanwhile (deleted, set by hand)
		}
		ok, reason := e.review(t.Name)
		if ok {
			t.Status, t.RejectedReason = "approved", "NONE"
		} else {
			t.Status, t.RejectedReason = "rejected", orDefault(reason, "INVALID_FORMAT")
		}
		t.ModifiedAt = now.UTC().Format(time.RFC3339)
		e.templateWebhookLocked(a, t, now)
	})
}

// handleTemplate answers GET and DELETE /v1/configs/templates/{name}.
func (e *Emulator) handleTemplate(w http.ResponseWriter, r *http.Request, a *account, escaped string) {
	name, err := url.PathUnescape(escaped)
	if err != nil {
		name = escaped
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	var keep, found []*template
	for _, t := range a.templates {
		if t.Name == name {
			found = append(found, t)
		} else {
			keep = append(keep, t)
		}
	}
	if len(found) == 0 {
		writeJSON(w, http.StatusNotFound, map[string]any{"meta": map[string]any{
			"success": false, "http_code": 404, "developer_message": fmt.Sprintf("Template %q not found", name)}})
		return
	}
	switch r.Method {
	case http.MethodGet:
		out := make([]template, len(found))
		for i, t := range found {
			out[i] = e.publicTemplateLocked(t)
		}
		writeJSON(w, http.StatusOK, map[string]any{"count": len(out), "total": len(out), "waba_templates": out})
	case http.MethodDelete:
		a.templates = keep
		a.deleted[name] = e.now()
		for _, t := range found {
			t.Status = "deleted"
		}
		writeJSON(w, http.StatusOK, map[string]any{"meta": map[string]any{"success": true, "http_code": 200}})
	default:
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "method not allowed"})
	}
}

// AddRawTemplate stores a template given in the list's JSON shape, with
// its status as given ("approved" when empty). Used to seed odd shapes.
func (e *Emulator) AddRawTemplate(apiKey string, raw []byte) error {
	var t template
	if err := json.Unmarshal(raw, &t); err != nil {
		return fmt.Errorf("add raw template: %w", err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return fmt.Errorf("add raw template: unknown API key")
	}
	status := orDefault(t.Status, "approved")
	e.addTemplateLocked(a, &t, status)
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func upper(s string) string { return strings.ToUpper(s) }
