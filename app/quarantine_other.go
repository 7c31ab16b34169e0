//go:build !darwin && !windows

package app

// markFromInternet does nothing: Linux desktops have no common mark for
// downloaded files. Parley's own refusal to open programs is what
// protects there.
func markFromInternet(string) error { return nil }
