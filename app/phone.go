package app

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// NormalizePhone turns what an owner typed into an E.164 number
// ("+4930123456"). The number must be in international format; a leading
// "00" is accepted in place of "+", and a missing "+" is assumed.
func NormalizePhone(input string) (string, error) {
	s := strings.TrimSpace(input)
	if s == "" {
		return "", FieldError{Field: "number", Message: "Enter the WhatsApp number, starting with the country code (for example +49 30 1234567)."}
	}
	if strings.HasPrefix(s, "00") {
		s = "+" + s[2:]
	}
	if !strings.HasPrefix(s, "+") {
		s = "+" + s
	}
	num, err := phonenumbers.Parse(s, "")
	if err != nil || !phonenumbers.IsPossibleNumber(num) || !phonenumbers.IsValidNumber(num) {
		return "", FieldError{Field: "number", Message: "This is not a valid phone number. Use international format with the country code, for example +49 30 1234567."}
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
}

// FormatPhone renders an E.164 number for people ("+49 30 1234567").
func FormatPhone(e164 string) string {
	num, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return e164
	}
	return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
}

// WAIDFromPhone returns the digits-only form WhatsApp uses as "to" and wa_id.
func WAIDFromPhone(e164 string) string {
	return strings.TrimPrefix(e164, "+")
}

// SamePhone reports whether two numbers in any common notation are the same.
func SamePhone(a, b string) bool {
	na, errA := NormalizePhone(a)
	nb, errB := NormalizePhone(b)
	if errA != nil || errB != nil {
		return digits(a) == digits(b)
	}
	return na == nb
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
