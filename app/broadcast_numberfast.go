package app

import (
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// parseNumber reads the digits d of a number, international when plus,
// else of region, and takes its reading. The common numbers (+49 151
// 12345678, or 0151 12345678 in a German file) are read without the
// library's Parse, whose regular expressions are most of the time a
// long file takes (see fastNumber); the others, and any that does not
// come out valid that way, go through Parse.
func parseNumber(d string, plus bool, region string) (*phonenumbers.PhoneNumber, reading, error) {
	if num := fastNumber(d, plus, region); num != nil {
		if r := read(num); r.valid() {
			return num, r, nil
		}
	}
	in := d
	if plus {
		in = "+" + d
	}
	num, err := phonenumbers.Parse(in, region)
	if err != nil {
		return nil, reading{kind: phonenumbers.UNKNOWN}, err
	}
	return num, read(num), nil
}

// fastNumber builds the number Parse would for digits d, when that is
// plain: an international number whose country's national prefix is
// plain digits it does not start with, or a national number of a region
// whose national and international prefixes are plain digits, not
// starting with the international prefix (with or without the national
// one: Excel drops the 0 of 0170 1234567). Any other returns nil. It is
// only trusted when its number is valid: Parse keeps a national prefix,
// or reads a leading country code, only where the number read so would
// not be valid (TestFastNumberAgreesWithParse compares the two).
func fastNumber(d string, plus bool, region string) *phonenumbers.PhoneNumber {
	rules := regionPrefixes()
	var cc int
	var nsn string
	if plus {
		if d == "" || d[0] == '0' {
			return nil
		}
		for n := 1; n <= 3 && n < len(d); n++ {
			c, _ := strconv.Atoi(d[:n])
			if r := phonenumbers.GetRegionCodeForCountryCode(c); r != "ZZ" {
				p, ok := rules[r]
				if !ok || !p.plain || (p.national != "" && strings.HasPrefix(d[n:], p.national)) {
					return nil
				}
				cc, nsn = c, d[n:]
				break
			}
		}
	} else {
		p, ok := rules[region]
		if !ok || !p.plain || strings.HasPrefix(d, p.international) {
			return nil
		}
		cc, nsn = phonenumbers.GetCountryCodeForRegion(region), strings.TrimPrefix(d, p.national)
	}
	if cc == 0 || len(nsn) < phonenumbers.MIN_LENGTH_FOR_NSN || len(nsn) > phonenumbers.MAX_LENGTH_FOR_NSN || nsn[0] == '0' {
		return nil
	}
	nn, err := strconv.ParseUint(nsn, 10, 64)
	if err != nil {
		return nil
	}
	code := int32(cc)
	return &phonenumbers.PhoneNumber{CountryCode: &code, NationalNumber: &nn}
}

// prefixRule is how a region's numbers are written with their prefixes.
type prefixRule struct {
	national      string // the national prefix for parsing ("0"), or ""
	international string // the international prefix ("00")
	// plain is whether both are plain digits and the national prefix
	// has no transform rule, as fastNumber needs.
	plain bool
}

// regionPrefixes are the prefix rules of every region, read once from
// the library's metadata.
var regionPrefixes = sync.OnceValue(func() map[string]prefixRule {
	rules := map[string]prefixRule{}
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return rules
	}
	for _, m := range coll.GetMetadata() {
		p := prefixRule{national: m.GetNationalPrefixForParsing(), international: m.GetInternationalPrefix()}
		p.plain = p.international != "" && digits(p.international) == p.international &&
			digits(p.national) == p.national && m.GetNationalPrefixTransformRule() == ""
		rules[m.GetId()] = p
	}
	return rules
})
