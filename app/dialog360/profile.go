package dialog360

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"github.com/parley-app/parley/app"
)

// profilePath is the business profile of the number (360dialog-api.md §3).
const profilePath = "whatsapp_business_profile"

// profileFields are the fields Parley reads.
const profileFields = "about,address,description,email,profile_picture_url,websites,vertical"

// profileWire is one business profile as the API spells it.
type profileWire struct {
	About       string   `json:"about"`
	Address     string   `json:"address"`
	Description string   `json:"description"`
	Email       string   `json:"email"`
	Vertical    string   `json:"vertical"`
	Websites    []string `json:"websites"`
	PictureURL  string   `json:"profile_picture_url"`
}

// plainUnreadableProfile is what the owner reads when the profile answer
// has neither of the shapes below.
const plainUnreadableProfile = "360dialog answered with a business profile Parley cannot read, " +
	"so Parley did not change anything. Try again later; if it keeps happening, tell the Parley team."

// profileKeys are the names that make an object a business profile:
// the fields Parley reads and messaging_product, which Graph always adds
// (an empty profile is just {"messaging_product":"whatsapp"}).
var profileKeys = []string{"about", "address", "description", "email", "vertical", "websites",
	"profile_picture_url", "messaging_product"}

// GetProfile reads the business profile. Two shapes are read, both inside
// Graph's {"data":[…]}: the profile flat in data[0], as 360dialog's
// examples show, and nested as data[0].business_profile{…}, as Meta's
// description has it. Any other answer is an error, never an empty
// profile: an empty profile would look like the owner's fields had been
// removed on WhatsApp.
func (c *Client) GetProfile(ctx context.Context) (app.Profile, error) {
	var raw json.RawMessage
	if err := c.getJSON(ctx, "read profile", profilePath, url.Values{"fields": {profileFields}}, &raw); err != nil {
		return app.Profile{}, err
	}
	p, err := parseProfile(raw)
	if err != nil {
		pe := errorFor(app.KindUnknown, http.StatusOK, 0, "read profile: unreadable answer: "+err.Error())
		pe.Plain, pe.Err = plainUnreadableProfile, err
		return app.Profile{}, pe
	}
	return app.Profile{
		About:       p.About,
		Address:     p.Address,
		Description: p.Description,
		Email:       p.Email,
		Vertical:    p.Vertical,
		Websites:    p.Websites,
		PhotoURL:    p.PictureURL,
	}, nil
}

// parseProfile reads one of the two shapes GetProfile accepts.
func parseProfile(raw []byte) (profileWire, error) {
	var wrapped struct {
		Data []json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(raw, &wrapped); err != nil {
		return profileWire{}, fmt.Errorf("not {\"data\":[…]}: %w", err)
	}
	if len(wrapped.Data) == 0 {
		return profileWire{}, errors.New("no profile in data")
	}
	var entry map[string]json.RawMessage
	if err := json.Unmarshal(wrapped.Data[0], &entry); err != nil || entry == nil {
		return profileWire{}, errors.New("data[0] is not an object")
	}
	body := []byte(wrapped.Data[0])
	if nested, ok := entry["business_profile"]; ok {
		if err := json.Unmarshal(nested, &entry); err != nil || entry == nil {
			return profileWire{}, errors.New("data[0].business_profile is not an object")
		}
		body = nested
	} else if !slices.ContainsFunc(profileKeys, func(k string) bool { _, ok := entry[k]; return ok }) {
		return profileWire{}, errors.New("data[0] has no profile fields and no business_profile")
	}
	var p profileWire
	if err := json.Unmarshal(body, &p); err != nil {
		return profileWire{}, fmt.Errorf("profile fields: %w", err)
	}
	return p, nil
}

// UpdateProfile sends only the non-nil fields of u, and the photo handle
// when set. Sending the same values twice is harmless, so it is retried.
func (c *Client) UpdateProfile(ctx context.Context, u app.ProfileUpdate) error {
	body := map[string]any{"messaging_product": "whatsapp"}
	set := func(name string, v *string) {
		if v != nil {
			body[name] = *v
		}
	}
	set("about", u.About)
	set("address", u.Address)
	set("description", u.Description)
	set("email", u.Email)
	set("vertical", u.Vertical)
	if u.Websites != nil {
		ws := *u.Websites
		if ws == nil {
			ws = []string{}
		}
		body["websites"] = ws
	}
	if u.PhotoHandle != "" {
		body["profile_picture_handle"] = u.PhotoHandle
	}
	req := request{op: "update profile", method: http.MethodPost, path: profilePath, policy: retrySafe}
	return c.sendJSON(ctx, req, body, nil)
}
