package persistence

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// The JSON stored in the database has its own types with explicit field
// names, so renaming a field of an app type never breaks stored data.

// timeValue converts t for an INTEGER column: Unix nanoseconds, NULL for
// the zero time.
func timeValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

// timeOf converts a nullable INTEGER column back to a time.
func timeOf(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64)
}

// jsonValue marshals v for a TEXT column, or NULL when isNil.
func jsonValue(v any, isNil bool) (any, error) {
	if isNil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %T: %w", v, err)
	}
	return string(b), nil
}

// jsonInto unmarshals a nullable TEXT column into v; NULL leaves v alone.
func jsonInto(s sql.NullString, v any) error {
	if !s.Valid || s.String == "" {
		return nil
	}
	if err := json.Unmarshal([]byte(s.String), v); err != nil {
		return fmt.Errorf("decode %T: %w", v, err)
	}
	return nil
}

type profileJSON struct {
	About       string   `json:"about,omitempty"`
	Address     string   `json:"address,omitempty"`
	Description string   `json:"description,omitempty"`
	Email       string   `json:"email,omitempty"`
	Vertical    string   `json:"vertical,omitempty"`
	Websites    []string `json:"websites"` // null and [] stay apart
	PhotoURL    string   `json:"photo_url,omitempty"`
}

func profileToJSON(p app.Profile) profileJSON {
	return profileJSON{About: p.About, Address: p.Address, Description: p.Description, Email: p.Email,
		Vertical: p.Vertical, Websites: p.Websites, PhotoURL: p.PhotoURL}
}

func (j profileJSON) profile() app.Profile {
	return app.Profile{About: j.About, Address: j.Address, Description: j.Description, Email: j.Email,
		Vertical: j.Vertical, Websites: j.Websites, PhotoURL: j.PhotoURL}
}

type mediaJSON struct {
	ID        string `json:"id,omitempty"`
	MIMEType  string `json:"mime_type,omitempty"`
	SHA256    string `json:"sha256,omitempty"`
	Filename  string `json:"filename,omitempty"`
	Caption   string `json:"caption,omitempty"`
	Size      int64  `json:"size,omitempty"`
	URL       string `json:"url,omitempty"`
	LocalPath string `json:"local_path,omitempty"`
	Voice     bool   `json:"voice,omitempty"`
	Animated  bool   `json:"animated,omitempty"`
	Lost      string `json:"lost,omitempty"`
}

type locationJSON struct {
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
	Name      string  `json:"name,omitempty"`
	Address   string  `json:"address,omitempty"`
	URL       string  `json:"url,omitempty"`
}

type sharedContactJSON struct {
	Name         string   `json:"name,omitempty"`
	Phones       []string `json:"phones,omitempty"`
	Emails       []string `json:"emails,omitempty"`
	Organization string   `json:"organization,omitempty"`
	Birthday     string   `json:"birthday,omitempty"`
	Addresses    []string `json:"addresses,omitempty"`
	URLs         []string `json:"urls,omitempty"`
}

type referralJSON struct {
	SourceURL    string `json:"source_url,omitempty"`
	SourceID     string `json:"source_id,omitempty"`
	SourceType   string `json:"source_type,omitempty"`
	Headline     string `json:"headline,omitempty"`
	Body         string `json:"body,omitempty"`
	MediaType    string `json:"media_type,omitempty"`
	ImageURL     string `json:"image_url,omitempty"`
	VideoURL     string `json:"video_url,omitempty"`
	ThumbnailURL string `json:"thumbnail_url,omitempty"`
	ClickID      string `json:"ctwa_clid,omitempty"`
}

type productJSON struct {
	CatalogID         string `json:"catalog_id,omitempty"`
	ProductRetailerID string `json:"product_retailer_id,omitempty"`
}

type pricingJSON struct {
	Billable bool   `json:"billable"`
	Category string `json:"category,omitempty"`
	Model    string `json:"model,omitempty"`
	Type     string `json:"type,omitempty"`
}

// pricingValue encodes p for a pricing column, or NULL for nil.
func pricingValue(p *app.Pricing) (any, error) {
	if p == nil {
		return nil, nil
	}
	return jsonValue(pricingJSON{Billable: p.Billable, Category: p.Category, Model: p.Model, Type: p.Type}, false)
}

// pricingOf decodes a pricing column; NULL is nil.
func pricingOf(s sql.NullString) (*app.Pricing, error) {
	if !s.Valid {
		return nil, nil
	}
	var j pricingJSON
	if err := jsonInto(s, &j); err != nil {
		return nil, err
	}
	return &app.Pricing{Billable: j.Billable, Category: j.Category, Model: j.Model, Type: j.Type}, nil
}

type templateSendJSON struct {
	Name              string   `json:"name"`
	Language          string   `json:"language"`
	Category          string   `json:"category,omitempty"`
	HeaderText        string   `json:"header_text,omitempty"`
	HeaderMediaFormat string   `json:"header_media_format,omitempty"`
	HeaderMediaID     string   `json:"header_media_id,omitempty"`
	HeaderMediaLink   string   `json:"header_media_link,omitempty"`
	BodyParams        []string `json:"body_params,omitempty"`
	URLButtonParam    string   `json:"url_button_param,omitempty"`
	URLButtonIndex    int      `json:"url_button_index,omitempty"`
}

// messageJSON holds the encoded structured columns of a message.
type messageJSON struct {
	media, location, contacts, template any
	referral, product, pricing          any
}

// encodeMessageParts encodes the structured parts of m.
func encodeMessageParts(m app.Message) (messageJSON, error) {
	var out messageJSON
	var err error
	if m.Media != nil {
		md := m.Media
		out.media, err = jsonValue(mediaJSON{ID: md.ID, MIMEType: md.MIMEType, SHA256: md.SHA256, Filename: md.Filename,
			Caption: md.Caption, Size: md.Size, URL: md.URL, LocalPath: md.LocalPath, Voice: md.Voice, Animated: md.Animated}, false)
		if err != nil {
			return out, err
		}
	}
	if m.Location != nil {
		l := m.Location
		out.location, err = jsonValue(locationJSON{Latitude: l.Latitude, Longitude: l.Longitude, Name: l.Name,
			Address: l.Address, URL: l.URL}, false)
		if err != nil {
			return out, err
		}
	}
	if len(m.Contacts) > 0 {
		cs := make([]sharedContactJSON, len(m.Contacts))
		for i, c := range m.Contacts {
			cs[i] = sharedContactJSON{Name: c.Name, Phones: c.Phones, Emails: c.Emails, Organization: c.Organization,
				Birthday: c.Birthday, Addresses: c.Addresses, URLs: c.URLs}
		}
		out.contacts, err = jsonValue(cs, false)
		if err != nil {
			return out, err
		}
	}
	if m.Template != nil {
		t := m.Template
		out.template, err = jsonValue(templateSendJSON{Name: t.Name, Language: t.Language, Category: t.Category, HeaderText: t.HeaderText,
			HeaderMediaFormat: t.HeaderMediaFormat, HeaderMediaID: t.HeaderMediaID, HeaderMediaLink: t.HeaderMediaLink,
			BodyParams: t.BodyParams, URLButtonParam: t.URLButtonParam, URLButtonIndex: t.URLButtonIndex}, false)
		if err != nil {
			return out, err
		}
	}
	if r := m.Referral; r != nil {
		out.referral, err = jsonValue(referralJSON{SourceURL: r.SourceURL, SourceID: r.SourceID, SourceType: r.SourceType,
			Headline: r.Headline, Body: r.Body, MediaType: r.MediaType, ImageURL: r.ImageURL, VideoURL: r.VideoURL,
			ThumbnailURL: r.ThumbnailURL, ClickID: r.ClickID}, false)
		if err != nil {
			return out, err
		}
	}
	if p := m.Product; p != nil {
		out.product, err = jsonValue(productJSON{CatalogID: p.CatalogID, ProductRetailerID: p.ProductRetailerID}, false)
		if err != nil {
			return out, err
		}
	}
	out.pricing, err = pricingValue(m.Pricing)
	return out, err
}

// decodeMessageExtras fills the ad, product and pricing of m from their
// columns.
func decodeMessageExtras(m *app.Message, referral, product, pricing sql.NullString) error {
	if referral.Valid {
		var j referralJSON
		if err := jsonInto(referral, &j); err != nil {
			return err
		}
		m.Referral = &app.AdReferral{SourceURL: j.SourceURL, SourceID: j.SourceID, SourceType: j.SourceType,
			Headline: j.Headline, Body: j.Body, MediaType: j.MediaType, ImageURL: j.ImageURL, VideoURL: j.VideoURL,
			ThumbnailURL: j.ThumbnailURL, ClickID: j.ClickID}
	}
	if product.Valid {
		var j productJSON
		if err := jsonInto(product, &j); err != nil {
			return err
		}
		m.Product = &app.ReferredProduct{CatalogID: j.CatalogID, ProductRetailerID: j.ProductRetailerID}
	}
	p, err := pricingOf(pricing)
	if err != nil {
		return err
	}
	m.Pricing = p
	return nil
}

// decodeMessageParts fills the structured parts of m from their columns.
func decodeMessageParts(m *app.Message, media, location, contacts, template sql.NullString) error {
	if media.Valid {
		var j mediaJSON
		if err := jsonInto(media, &j); err != nil {
			return err
		}
		m.Media = &app.Media{ID: j.ID, MIMEType: j.MIMEType, SHA256: j.SHA256, Filename: j.Filename, Caption: j.Caption,
			Size: j.Size, URL: j.URL, LocalPath: j.LocalPath, Voice: j.Voice, Animated: j.Animated, Lost: app.MediaLost(j.Lost)}
	}
	if location.Valid {
		var j locationJSON
		if err := jsonInto(location, &j); err != nil {
			return err
		}
		m.Location = &app.Location{Latitude: j.Latitude, Longitude: j.Longitude, Name: j.Name, Address: j.Address, URL: j.URL}
	}
	if contacts.Valid {
		var js []sharedContactJSON
		if err := jsonInto(contacts, &js); err != nil {
			return err
		}
		for _, j := range js {
			m.Contacts = append(m.Contacts, app.SharedContact{Name: j.Name, Phones: j.Phones, Emails: j.Emails,
				Organization: j.Organization, Birthday: j.Birthday, Addresses: j.Addresses, URLs: j.URLs})
		}
	}
	if template.Valid {
		var j templateSendJSON
		if err := jsonInto(template, &j); err != nil {
			return err
		}
		m.Template = &app.TemplateSend{Name: j.Name, Language: j.Language, Category: j.Category, HeaderText: j.HeaderText,
			HeaderMediaFormat: j.HeaderMediaFormat, HeaderMediaID: j.HeaderMediaID, HeaderMediaLink: j.HeaderMediaLink,
			BodyParams: j.BodyParams, URLButtonParam: j.URLButtonParam, URLButtonIndex: j.URLButtonIndex}
	}
	return nil
}
