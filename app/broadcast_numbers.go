package app

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// numberCheck checks the numbers of a broadcast's file, reading numbers
// written without a country code as numbers of the channel's country
// (region): "030 1234567" in a German channel's file is +49 30 1234567.
type numberCheck struct {
	region string // ISO 3166 code of the channel's number, "" if unknown
}

// newNumberCheck checks numbers for the channel whose own number is
// channelNumber (E.164).
func newNumberCheck(channelNumber string) numberCheck {
	num, err := phonenumbers.Parse(channelNumber, "")
	if err != nil {
		return numberCheck{}
	}
	region := phonenumbers.GetRegionCodeForNumber(num)
	if region == "ZZ" || region == "001" {
		region = ""
	}
	return numberCheck{region: region}
}

// check reads one cell of the number column. It returns the customer's
// WhatsApp id (digits of the international number, no "+"), or why the
// cell is not a number WhatsApp can reach, in plain words.
func (nc numberCheck) check(cell string) (waID, reason string) {
	s := unwrapNumberCell(cell)
	switch {
	case s == "":
		return "", "no number"
	case scientific(s):
		return "", fmt.Sprintf("the spreadsheet wrote it as %s and lost digits: format the column as text and type the numbers again", s)
	case s[0] == '=' || s[0] == '@':
		return "", "a formula, not a number"
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return "", "not a phone number (it has letters)"
		}
	}
	d := digits(strings.Replace(s, "(0)", "", 1))
	if d == "" {
		return "", "not a phone number"
	}
	plus := strings.HasPrefix(strings.TrimLeft(s, " ("), "+")
	if !plus && strings.HasPrefix(d, "00") {
		d, plus = d[2:], true
	}
	num, r, err := parseNumber(d, plus, nc.region)
	// A WhatsApp id or an international number without its "+"
	// (491701234567) is read so when it is not a number of the channel's
	// country, or only a landline there while a mobile abroad.
	if !plus && len(d) >= 8 && d[0] != '0' && (!r.valid() || !r.mobile()) {
		if _, ar, err := parseNumber(d, true, ""); err == nil && ar.valid() && (!r.valid() || ar.mobile()) {
			return ar.reachable()
		}
	}
	if r.valid() {
		return r.reachable()
	}
	return "", nc.whyInvalid(num, err, plus)
}

// reading is a parsed number's WhatsApp id and type; UNKNOWN is not a
// valid number.
type reading struct {
	waID string
	kind phonenumbers.PhoneNumberType
}

// read takes the number's WhatsApp id and type, trying the forms
// WhatsApp ids of Brazil and Mexico take when it is not valid as written
// (see canonicalWAID). Its type says whether it is valid: the library's
// IsValidNumber is its type not being UNKNOWN, and the type is the
// slowest part of checking a number, so it is taken once.
func read(num *phonenumbers.PhoneNumber) reading {
	e164 := phonenumbers.Format(num, phonenumbers.E164)
	r := reading{waID: canonicalWAID(e164[1:]), kind: phonenumbers.GetNumberType(num)}
	if r.kind != phonenumbers.UNKNOWN || r.waID == e164[1:] {
		return r
	}
	if alt, err := phonenumbers.Parse("+"+r.waID, ""); err == nil {
		r.kind = phonenumbers.GetNumberType(alt)
	}
	return r
}

func (r reading) valid() bool { return r.kind != phonenumbers.UNKNOWN }

// mobile reports whether the number may be a mobile phone's.
func (r reading) mobile() bool {
	return r.kind == phonenumbers.MOBILE || r.kind == phonenumbers.FIXED_LINE_OR_MOBILE
}

// reachable refuses valid numbers no customer's phone has.
func (r reading) reachable() (string, string) {
	switch r.kind {
	case phonenumbers.TOLL_FREE:
		return "", "a toll-free number, not a customer's phone"
	case phonenumbers.PREMIUM_RATE:
		return "", "a premium-rate number, not a customer's phone"
	case phonenumbers.SHARED_COST:
		return "", "a shared-cost service number, not a customer's phone"
	case phonenumbers.PAGER:
		return "", "a pager number, not a customer's phone"
	case phonenumbers.VOICEMAIL:
		return "", "a voicemail access number, not a customer's phone"
	case phonenumbers.UAN:
		return "", "a company's service number, not a customer's phone"
	}
	return r.waID, ""
}

// whyInvalid words why a number did not pass.
func (nc numberCheck) whyInvalid(num *phonenumbers.PhoneNumber, err error, plus bool) string {
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode) && !plus && nc.region == "":
		return "no country code: write it with + and the country code"
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return "unknown country code"
	case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
		return "too short"
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return "too long"
	case err != nil:
		return "not a phone number"
	}
	code := int(num.GetCountryCode())
	name, known := countryNames[phonenumbers.GetRegionCodeForCountryCode(code)]
	in := fmt.Sprintf("a +%d number", code)
	if known {
		in = "a number in " + name
	}
	switch phonenumbers.IsPossibleNumberWithReason(num) {
	case phonenumbers.TOO_SHORT:
		return "too short for " + in
	case phonenumbers.TOO_LONG:
		return "too long for " + in
	case phonenumbers.INVALID_LENGTH:
		return "the wrong number of digits for " + in
	case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		return "too short for " + in + " (is the area code missing?)"
	case phonenumbers.INVALID_COUNTRY_CODE:
		return "unknown country code"
	}
	if known {
		return "not a valid number for " + name
	}
	return fmt.Sprintf("not a valid +%d number", code)
}

// unwrapNumberCell is a number cell without what spreadsheets and other
// programs put around numbers: spaces (no-break ones too), invisible
// characters, the apostrophe that keeps a number as text, Excel's
// ="0170 1234567" and a "tel:" or "whatsapp:" prefix.
func unwrapNumberCell(cell string) string {
	s := strings.TrimFunc(cell, func(r rune) bool { return unicode.IsSpace(r) || invisible(r) })
	s = strings.TrimPrefix(s, "'")
	if len(s) >= 3 && strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) {
		s = s[2 : len(s)-1]
	}
	lower := strings.ToLower(s)
	for _, p := range []string{"tel:", "whatsapp:", "wa:"} {
		if strings.HasPrefix(lower, p) {
			s = s[len(p):]
			break
		}
	}
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || invisible(r) })
	return latinDigits(s)
}

// latinDigits writes the digits of other scripts in s (Arabic-Indic
// ٠١٧٠, Persian, Devanagari, full-width ０１７０, ...) as 0-9. A digit's
// value is its place in its script's run of ten.
func latinDigits(s string) string {
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsDigit(r) {
			return strings.Map(func(r rune) rune {
				if r <= unicode.MaxASCII || !unicode.IsDigit(r) {
					return r
				}
				n := 0
				for unicode.IsDigit(r - rune(n) - 1) {
					n++
				}
				return '0' + rune(n%10)
			}, s)
		}
	}
	return s
}

// scientific reports whether s is a number in a spreadsheet's scientific
// notation, 4.91701E+11: a long number whose last digits are lost.
func scientific(s string) bool {
	mant, exp, ok := strings.Cut(strings.ToUpper(s), "E+")
	if !ok || mant == "" || exp == "" || digits(exp) != exp {
		return false
	}
	mant = strings.Replace(mant, ",", ".", 1)
	intPart, frac, _ := strings.Cut(mant, ".")
	return intPart != "" && digits(intPart) == intPart && digits(frac) == frac
}

// canonicalWAID is the one form of a WhatsApp id that two ways of
// writing the same customer share: a Brazilian mobile written the old
// way, without the 9 before its eight digits (55 11 8765 4321), gets it
// (55 11 98765 4321); a Mexican mobile with the 1 after 52, dropped in
// 2019, loses it.
func canonicalWAID(id string) string {
	switch {
	case len(id) == 12 && strings.HasPrefix(id, "55") && id[4] >= '6' && id[4] <= '9':
		return id[:4] + "9" + id[4:]
	case len(id) == 13 && strings.HasPrefix(id, "521"):
		return "52" + id[3:]
	}
	return id
}
