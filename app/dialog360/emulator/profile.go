package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Verticals WhatsApp accepts (360dialog-api.md §3).
var verticals = []string{"UNDEFINED", "OTHER", "AUTO", "BEAUTY", "APPAREL", "EDU", "ENTERTAIN", "EVENT_PLAN",
	"FINANCE", "GROCERY", "GOVT", "HOTEL", "HEALTH", "NONPROFIT", "PROF_SERVICES", "RETAIL", "TRAVEL", "RESTAURANT", "NOT_A_BIZ"}

var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// profileUpdate is the body of POST /whatsapp_business_profile.
type profileUpdate struct {
	Product     string    `json:"messaging_product"`
	About       *string   `json:"about"`
	Address     *string   `json:"address"`
	Description *string   `json:"description"`
	Email       *string   `json:"email"`
	Vertical    *string   `json:"vertical"`
	Websites    *[]string `json:"websites"`
	Photo       *string   `json:"profile_picture_handle"`
}

func (e *Emulator) handleProfile(w http.ResponseWriter, r *http.Request, a *account) {
	switch r.Method {
	case http.MethodGet:
		e.mu.Lock()
		p := e.profileLocked(a)
		nested := e.nestedProfile
		e.mu.Unlock()
		all := map[string]any{
			"about": p.About, "address": p.Address, "description": p.Description, "email": p.Email,
			"profile_picture_url": p.PhotoURL, "websites": p.Websites, "vertical": p.Vertical,
		}
		out := map[string]any{"messaging_product": "whatsapp"}
		fields := strings.Split(r.URL.Query().Get("fields"), ",")
		for k, v := range all {
			if r.URL.Query().Get("fields") == "" || slices.Contains(fields, k) {
				if s, ok := v.(string); ok && s == "" {
					continue // Graph leaves out empty fields
				}
				if ws, ok := v.([]string); ok && len(ws) == 0 {
					continue
				}
				out[k] = v
			}
		}
		if nested { // Meta's described shape
			delete(out, "messaging_product")
			out = map[string]any{"business_profile": out, "messaging_product": "whatsapp", "id": a.phoneID}
		}
		writeJSON(w, http.StatusOK, map[string]any{"data": []any{out}})
	case http.MethodPost:
		e.updateProfile(w, r, a)
	default:
		writeGraphError(w, http.StatusMethodNotAllowed, invalidParam("Unsupported method"))
	}
}

func (e *Emulator) updateProfile(w http.ResponseWriter, r *http.Request, a *account) {
	var u profileUpdate
	if !decodeBody(w, r, &u) {
		return
	}
	if u.Product != "whatsapp" {
		writeGraphError(w, http.StatusBadRequest, invalidParam("The parameter messaging_product is required."))
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if problem := e.checkProfileLocked(a, u); problem != "" {
		writeGraphError(w, http.StatusBadRequest, graphErr{code: 100, message: "Invalid parameter", details: problem})
		return
	}
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&a.profile.About, u.About)
	set(&a.profile.Address, u.Address)
	set(&a.profile.Description, u.Description)
	set(&a.profile.Email, u.Email)
	set(&a.profile.Vertical, u.Vertical)
	if u.Websites != nil {
		a.profile.Websites = append([]string(nil), (*u.Websites)...)
	}
	if u.Photo != nil {
		a.photo = e.blobs[*u.Photo].id
	}
	writeJSON(w, http.StatusOK, map[string]bool{"success": true})
}

// checkProfileLocked returns the first problem of u, or "".
func (e *Emulator) checkProfileLocked(a *account, u profileUpdate) string {
	tooLong := func(name string, v *string, limit int) string {
		if v != nil && utf8.RuneCountInString(*v) > limit {
			return fmt.Sprintf("Param %s must be at most %d characters long.", name, limit)
		}
		return ""
	}
	if u.About != nil && strings.TrimSpace(*u.About) == "" {
		return "Param about must be at least 1 character long."
	}
	for _, p := range []string{
		tooLong("about", u.About, 139),
		tooLong("address", u.Address, 256),
		tooLong("description", u.Description, 512),
		tooLong("email", u.Email, 128),
	} {
		if p != "" {
			return p
		}
	}
	if u.Email != nil && *u.Email != "" && !emailRE.MatchString(*u.Email) {
		return "Param email must be a valid email address."
	}
	if u.Vertical != nil {
		switch {
		case *u.Vertical == "" && a.profile.Vertical != "":
			return "Param vertical cannot be reset to empty once set."
		case *u.Vertical != "" && !slices.Contains(verticals, *u.Vertical):
			return fmt.Sprintf("Param vertical must be one of {%s}.", strings.Join(verticals, ", "))
		}
	}
	if u.Websites != nil {
		if len(*u.Websites) > 2 {
			return "Param websites must have at most 2 elements."
		}
		for i, s := range *u.Websites {
			if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
				return fmt.Sprintf("Param websites[%d] must start with http:// or https://.", i)
			}
			if utf8.RuneCountInString(s) > 256 {
				return fmt.Sprintf("Param websites[%d] must be at most 256 characters long.", i)
			}
		}
	}
	if u.Photo != nil {
		b := e.blobs[*u.Photo]
		if b == nil || b.key != a.key {
			return "Param profile_picture_handle is not a valid upload handle."
		}
		if b.mime != "image/jpeg" && b.mime != "image/png" {
			return "The profile picture must be a JPEG or PNG image."
		}
	}
	return ""
}
