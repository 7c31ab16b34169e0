package app

import (
	"strings"
	"testing"
)

func TestValidateProfileMessages(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	cases := []struct {
		name  string
		p     Profile
		base  Profile
		field string
		msg   string
	}{
		{"about too long", Profile{About: long(152)}, Profile{}, FieldAbout, "About can be at most 139 characters (now 152)."},
		{"about emptied", Profile{About: "  "}, Profile{About: "We sell bread"}, FieldAbout, "About cannot be empty once it has been set on WhatsApp. Write a short line about your business."},
		{"address too long", Profile{Address: long(257)}, Profile{}, FieldAddress, "Address can be at most 256 characters (now 257)."},
		{"description too long", Profile{Description: long(300)}, Profile{}, FieldDescription, "Description can be at most 256 characters (now 300)."},
		{"email invalid", Profile{Email: "shop at example"}, Profile{}, FieldEmail, "This is not a valid email address (for example hello@myshop.com)."},
		{"email no tld", Profile{Email: "a@b"}, Profile{}, FieldEmail, "This is not a valid email address (for example hello@myshop.com)."},
		{"email with name", Profile{Email: "Shop <a@b.com>"}, Profile{}, FieldEmail, "This is not a valid email address (for example hello@myshop.com)."},
		{"email too long", Profile{Email: long(120) + "@shop.com"}, Profile{}, FieldEmail, "Email can be at most 128 characters (now 129)."},
		{"vertical cleared", Profile{}, Profile{Vertical: "RETAIL"}, FieldVertical, "Once an industry is set, WhatsApp does not allow clearing it. Choose one from the list."},
		{"vertical not offered", Profile{Vertical: "NOT_A_BIZ"}, Profile{}, FieldVertical, "Choose an industry from the list."},
		{"too many websites", Profile{Websites: []string{"https://a.com", "https://b.com", "https://c.com"}}, Profile{}, FieldWebsites, "You can list at most 2 websites (now 3)."},
		{"website scheme", Profile{Websites: []string{"www.shop.com"}}, Profile{}, "websites.0", "Website 1: the address must start with http:// or https://."},
		{"website too long", Profile{Websites: []string{"https://a.com", "https://" + long(250)}}, Profile{}, "websites.1", "Website 2: a website can be at most 256 characters (now 258)."},
		{"website no host", Profile{Websites: []string{"https://"}}, Profile{}, "websites.0", "Website 1: this is not a valid web address (for example https://myshop.com)."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			errs := ValidateProfile(tc.p, tc.base)
			if got := errs.For(tc.field); got != tc.msg {
				t.Fatalf("message at %q = %q, want %q (all: %v)", tc.field, got, tc.msg, errs)
			}
		})
	}
}

func TestValidateProfileAcceptsGoodProfile(t *testing.T) {
	p := Profile{
		About:       strings.Repeat("é", MaxAbout), // limits count characters, not bytes
		Address:     "Hauptstraße 1, 10115 Berlin",
		Description: "Fresh bread every morning.",
		Email:       "hello@baeckerei.de",
		Vertical:    "GROCERY",
		Websites:    []string{"https://baeckerei.de", "http://shop.baeckerei.de/angebote"},
	}
	if errs := ValidateProfile(p, Profile{Vertical: "RETAIL", About: "x"}); len(errs) != 0 {
		t.Fatalf("valid profile rejected: %v", errs)
	}
	// A vertical WhatsApp reported but Parley does not offer may be kept as is.
	if errs := ValidateProfile(Profile{Vertical: "NOT_A_BIZ"}, Profile{Vertical: "NOT_A_BIZ"}); len(errs) != 0 {
		t.Fatalf("unchanged reported vertical rejected: %v", errs)
	}
}

func TestCleanProfileDropsEmptyWebsites(t *testing.T) {
	got := CleanProfile(Profile{About: "  hi ", Websites: []string{" ", "https://a.com ", ""}})
	if got.About != "hi" || len(got.Websites) != 1 || got.Websites[0] != "https://a.com" {
		t.Fatalf("CleanProfile = %+v", got)
	}
}

func TestVerticalNames(t *testing.T) {
	if len(Verticals) != 17 {
		t.Fatalf("want the 17 verticals of the reference, got %d", len(Verticals))
	}
	if VerticalName("BEAUTY") != "Beauty, Spa and Salon" || VerticalCode("Restaurant") != "RESTAURANT" {
		t.Fatal("vertical mapping broken")
	}
	if VerticalName("UNDEFINED") == "UNDEFINED" || VerticalName("XYZ") != "XYZ" {
		t.Fatal("reported-only and unknown verticals must still be shown")
	}
}
