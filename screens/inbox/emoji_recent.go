package inbox

import (
	"slices"

	"fyne.io/fyne/v2"
)

// prefRecentEmoji keeps the emoji the owner picked last, newest first.
const prefRecentEmoji = "composer.emoji.recent"

// maxRecentEmoji is how many recently used emoji the picker shows first.
const maxRecentEmoji = 24

// recentEmoji is the typed view of the recently used emoji in Fyne's
// preferences (a small UI setting, like the window's size).
type recentEmoji struct{ p fyne.Preferences }

// list returns the recently used emoji, newest first.
func (r recentEmoji) list() []string {
	if r.p == nil {
		return nil
	}
	return r.p.StringList(prefRecentEmoji)
}

// add puts char first, once, and forgets the oldest beyond the most kept.
func (r recentEmoji) add(char string) {
	if r.p == nil {
		return
	}
	list := slices.DeleteFunc(r.list(), func(s string) bool { return s == char })
	list = append([]string{char}, list...)
	r.p.SetStringList(prefRecentEmoji, list[:min(len(list), maxRecentEmoji)])
}
