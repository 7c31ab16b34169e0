package app

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Profile field keys, used in FieldError.Field and for conflicts.
const (
	FieldAbout       = "about"
	FieldAddress     = "address"
	FieldDescription = "description"
	FieldEmail       = "email"
	FieldVertical    = "vertical"
	FieldWebsites    = "websites"
	FieldPhoto       = "photo"
)

// Profile limits from the reference and WhatsApp.
const (
	MaxAbout       = 139
	MaxAddress     = 256
	MaxDescription = 256
	MaxEmail       = 128
	MaxWebsites    = 2
	MaxWebsiteLen  = 256
)

// ValidateProfile checks an edited profile against WhatsApp's rules. base
// is the profile as WhatsApp last had it: a field set there (About,
// Vertical) cannot be emptied.
func ValidateProfile(p, base Profile) ValidationErrors {
	var errs ValidationErrors
	add := func(field, format string, args ...any) {
		errs = append(errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	about := strings.TrimSpace(p.About)
	switch n := utf8.RuneCountInString(p.About); {
	case n > MaxAbout:
		add(FieldAbout, "About can be at most %d characters (now %d).", MaxAbout, n)
	case about == "" && strings.TrimSpace(base.About) != "":
		add(FieldAbout, "About cannot be empty once it has been set on WhatsApp. Write a short line about your business.")
	}
	if n := utf8.RuneCountInString(p.Address); n > MaxAddress {
		add(FieldAddress, "Address can be at most %d characters (now %d).", MaxAddress, n)
	}
	if n := utf8.RuneCountInString(p.Description); n > MaxDescription {
		add(FieldDescription, "Description can be at most %d characters (now %d).", MaxDescription, n)
	}
	if msg := emailProblem(p.Email); msg != "" {
		add(FieldEmail, "%s", msg)
	}
	switch {
	case p.Vertical == "" && base.Vertical != "" && base.Vertical != "UNDEFINED":
		add(FieldVertical, "Once an industry is set, WhatsApp does not allow clearing it. Choose one from the list.")
	case p.Vertical != "" && p.Vertical != base.Vertical && !offeredVertical(p.Vertical):
		add(FieldVertical, "Choose an industry from the list.")
	}
	if len(p.Websites) > MaxWebsites {
		add(FieldWebsites, "You can list at most %d websites (now %d).", MaxWebsites, len(p.Websites))
	}
	for i, w := range p.Websites {
		if msg := websiteProblem(w); msg != "" {
			errs = append(errs, FieldError{Field: fmt.Sprintf("%s.%d", FieldWebsites, i),
				Message: fmt.Sprintf("Website %d: %s", i+1, msg), Short: upperFirst(msg)})
		}
	}
	return errs
}

func emailProblem(email string) string {
	e := strings.TrimSpace(email)
	if e == "" {
		return ""
	}
	if n := utf8.RuneCountInString(e); n > MaxEmail {
		return fmt.Sprintf("Email can be at most %d characters (now %d).", MaxEmail, n)
	}
	addr, err := mail.ParseAddress(e)
	if err != nil || addr.Address != e || !strings.Contains(e[strings.LastIndex(e, "@")+1:], ".") {
		return "This is not a valid email address (for example hello@myshop.com)."
	}
	return ""
}

// upperFirst starts a sentence of the core's own with a capital letter.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// websiteProblem is what is wrong with one website, as the end of a
// sentence ("a website can be …"), or "".
func websiteProblem(w string) string {
	if n := utf8.RuneCountInString(w); n > MaxWebsiteLen {
		return fmt.Sprintf("a website can be at most %d characters (now %d).", MaxWebsiteLen, n)
	}
	if !strings.HasPrefix(w, "http://") && !strings.HasPrefix(w, "https://") {
		return "the address must start with http:// or https://."
	}
	u, err := url.Parse(w)
	if err != nil || u.Host == "" || strings.ContainsAny(w, " \t") {
		return "this is not a valid web address (for example https://myshop.com)."
	}
	return ""
}

// CleanProfile trims surrounding spaces and drops empty websites, as the
// owner would expect before saving.
func CleanProfile(p Profile) Profile {
	p.About = strings.TrimSpace(p.About)
	p.Address = strings.TrimSpace(p.Address)
	p.Description = strings.TrimSpace(p.Description)
	p.Email = strings.TrimSpace(p.Email)
	var sites []string
	for _, w := range p.Websites {
		if w = strings.TrimSpace(w); w != "" {
			sites = append(sites, w)
		}
	}
	p.Websites = sites
	return p
}
