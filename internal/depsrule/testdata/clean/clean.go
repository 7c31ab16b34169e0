// Package clean uses only the standard library and a small pure library.
package clean

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Region returns the region of a number.
func Region(n string) string {
	num, err := phonenumbers.Parse(strings.TrimSpace(n), "")
	if err != nil {
		return ""
	}
	return phonenumbers.GetRegionCodeForNumber(num)
}
