package broadcasts

import "github.com/parley-app/parley/app"

// textContinueDraft is New broadcast's label while one is half done.
const textContinueDraft = "Continue new broadcast"

// Drafts keeps each channel's unfinished new broadcast while the owner
// looks elsewhere (the Space, another channel, the list of broadcasts):
// coming back to New broadcast shows it as they left it, on the same
// step. It lives as long as the window; a broadcast started or
// discarded leaves it. Only the UI goroutine uses it.
type Drafts struct {
	open map[app.ChannelID]*wizard
}

// NewDrafts returns an empty set of drafts, one per window.
func NewDrafts() *Drafts { return &Drafts{open: map[app.ChannelID]*wizard{}} }

// of returns the channel's unfinished broadcast, or nil. A nil Drafts
// keeps nothing.
func (d *Drafts) of(id app.ChannelID) *wizard {
	if d == nil {
		return nil
	}
	return d.open[id]
}

// keep remembers w as the channel's unfinished broadcast.
func (d *Drafts) keep(id app.ChannelID, w *wizard) {
	if d != nil {
		d.open[id] = w
	}
}

// drop forgets the channel's unfinished broadcast.
func (d *Drafts) drop(id app.ChannelID) {
	if d != nil {
		delete(d.open, id)
	}
}
