package app

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Keys of the contact fields in ValidationErrors.
const (
	ContactFieldName     = "name"
	ContactFieldNotes    = "notes"
	ContactFieldEmail    = "email"
	ContactFieldBirthday = "birthday"
	ContactFieldAddress  = "address"
)

// Limits of the contact fields, in characters.
const (
	MaxContactName    = 100
	MaxContactNotes   = 10000
	MaxContactEmail   = 254
	MaxContactAddress = 500
)

// BirthdayLayout is how a birthday is typed and stored: 1990-04-23.
const BirthdayLayout = time.DateOnly

// ValidateContact trims the fields and checks them: lengths, an email
// address of the form name@example.com, and a birthday before now.
// It returns the cleaned fields and every problem, in plain words.
func ValidateContact(f ContactFields, now time.Time) (ContactFields, ValidationErrors) {
	f.CustomName = strings.TrimSpace(f.CustomName)
	f.Notes = strings.TrimRight(f.Notes, " \t\r\n")
	f.Email = strings.TrimSpace(f.Email)
	f.Address = strings.TrimSpace(f.Address)
	var errs ValidationErrors
	tooLong := func(field, label, value string, limit int) {
		if n := utf8.RuneCountInString(value); n > limit {
			msg := fmt.Sprintf("can be at most %d characters (now %d).", limit, n)
			errs = append(errs, FieldError{Field: field, Message: label + " " + msg, Short: "At most " + msg[len("can be at most "):]})
		}
	}
	tooLong(ContactFieldName, "Your name for the customer", f.CustomName, MaxContactName)
	if strings.ContainsAny(f.CustomName, "\r\n") {
		errs = append(errs, FieldError{Field: ContactFieldName, Message: "Your name for the customer must fit on one line.", Short: "Must fit on one line."})
	}
	tooLong(ContactFieldNotes, "Notes", f.Notes, MaxContactNotes)
	tooLong(ContactFieldEmail, "Email", f.Email, MaxContactEmail)
	if f.Email != "" && !validEmail(f.Email) {
		errs = append(errs, FieldError{Field: ContactFieldEmail,
			Message: "Email does not look like an email address; write it like name@example.com.",
			Short:   "This does not look like an email address; write it like name@example.com."})
	}
	tooLong(ContactFieldAddress, "Address", f.Address, MaxContactAddress)
	if !f.Birthday.IsZero() {
		y, m, d := f.Birthday.Date()
		f.Birthday = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if y < 1900 || f.Birthday.After(now.UTC()) {
			errs = append(errs, FieldError{Field: ContactFieldBirthday,
				Message: "Birthday must be a day in the past, like 1990-04-23.", Short: "Must be a day in the past, like 1990-04-23."})
		}
	}
	return f, errs
}

// ParseBirthday reads a birthday as the owner typed it (1990-04-23); an
// empty text is no birthday. A text that is not such a date returns a
// FieldError for ContactFieldBirthday.
func ParseBirthday(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(BirthdayLayout, s)
	if err != nil {
		return time.Time{}, FieldError{Field: ContactFieldBirthday,
			Message: "Birthday must be a date written year-month-day, like 1990-04-23.",
			Short:   "Write the date as year-month-day, like 1990-04-23."}
	}
	return t, nil
}

// validEmail reports whether s is one plain address (no display name,
// no angle brackets) with a dot in its domain.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	_, domain, ok := strings.Cut(s, "@")
	return ok && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
