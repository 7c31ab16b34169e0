package broadcasts

import (
	"fyne.io/fyne/v2"
)

// prefTestNumber is the owner's own number for test sends, kept for the
// next broadcast.
const prefTestNumber = "broadcasts.testNumber"

// testNumberPref is the number the owner last sent a test to, or "".
func testNumberPref() string {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences().String(prefTestNumber)
	}
	return ""
}

// setTestNumberPref remembers the owner's own number.
func setTestNumberPref(number string) {
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetString(prefTestNumber, number)
	}
}
