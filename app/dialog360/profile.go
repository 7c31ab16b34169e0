package dialog360

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

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

// GetProfile reads the business profile. The answer is Graph's
// {"data":[{...}]}; a bare profile object is accepted too.
func (c *Client) GetProfile(ctx context.Context) (app.Profile, error) {
	var raw json.RawMessage
	if err := c.getJSON(ctx, "read profile", profilePath, url.Values{"fields": {profileFields}}, &raw); err != nil {
		return app.Profile{}, err
	}
	var wrapped struct {
		Data []profileWire `json:"data"`
	}
	var p profileWire
	if err := json.Unmarshal(raw, &wrapped); err == nil && wrapped.Data != nil {
		if len(wrapped.Data) > 0 {
			p = wrapped.Data[0]
		}
	} else if err := decodeAnswer("read profile", raw, &p); err != nil {
		return app.Profile{}, err
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
