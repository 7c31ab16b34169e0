package autostart

import (
	"fmt"
	"testing"
	"time"

	"golang.org/x/sys/windows/registry"
)

// testBase is a key of the test's own under HKEY_CURRENT_USER, removed at
// the end, standing in for Software\Microsoft\Windows\CurrentVersion.
func testBase(t *testing.T) string {
	base := fmt.Sprintf(`Software\ParleyAutostartTest\%d`, time.Now().UnixNano())
	t.Cleanup(func() {
		for _, k := range []string{`\Explorer\StartupApproved\Run`, `\Explorer\StartupApproved`, `\Explorer`, `\Run`, ``} {
			_ = registry.DeleteKey(registry.CURRENT_USER, base+k)
		}
		_ = registry.DeleteKey(registry.CURRENT_USER, `Software\ParleyAutostartTest`)
	})
	return base
}

// TestRunValue: Enable writes the Run value with the path in quotes and
// the arguments quoted as Windows reads them; Enabled follows Enable,
// Disable and Task Manager's switch.
func TestRunValue(t *testing.T) {
	base := testBase(t)
	e := Entry{ID: "app.parley.desktop", Name: "Parley", Exec: `C:\Program Files\Parley\parley.exe`, Args: []string{"--tray", "a b"}, Dir: base}
	assertRunEnabled(t, e, false)
	for range 2 {
		if err := Enable(e); err != nil {
			t.Fatal(err)
		}
	}
	k, err := registry.OpenKey(registry.CURRENT_USER, base+`\Run`, registry.QUERY_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := k.GetStringValue("Parley")
	k.Close()
	if want := `"C:\Program Files\Parley\parley.exe" --tray "a b"`; err != nil || got != want {
		t.Errorf("the Run value is %q (%v), want %q", got, err, want)
	}
	assertRunEnabled(t, e, true)

	// Task Manager turns it off; Enable turns it on again.
	a, _, err := registry.CreateKey(registry.CURRENT_USER, base+`\Explorer\StartupApproved\Run`, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	err = a.SetBinaryValue("Parley", []byte{3, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8})
	a.Close()
	if err != nil {
		t.Fatal(err)
	}
	assertRunEnabled(t, e, false)
	if err := Enable(e); err != nil {
		t.Fatal(err)
	}
	assertRunEnabled(t, e, true)

	other := e
	other.Exec = `D:\Old\parley.exe`
	assertRunEnabled(t, other, false)

	for range 2 {
		if err := Disable(e); err != nil {
			t.Fatal(err)
		}
		assertRunEnabled(t, e, false)
	}
}

// assertRunEnabled checks what Enabled reports for e.
func assertRunEnabled(t *testing.T, e Entry, want bool) {
	t.Helper()
	got, err := Enabled(e)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Enabled(%s) = %v, want %v", e.Exec, got, want)
	}
}
