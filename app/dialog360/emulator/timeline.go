package emulator

import (
	"sort"
	"time"
)

// event is something that happens at a time on the emulator's clock: a
// template review, a delivery status.
type event struct {
	due time.Time
	seq int64
	run func(now time.Time) // called with Emulator.mu held
}

// scheduleLocked adds an event due at due.
func (e *Emulator) scheduleLocked(due time.Time, run func(now time.Time)) {
	e.eventSeq++
	e.timeline = append(e.timeline, event{due: due, seq: e.eventSeq, run: run})
}

// advanceLocked runs every event that is due, in order of due time. Events
// scheduled by a running event run in the same pass when already due.
func (e *Emulator) advanceLocked() {
	now := e.now()
	for {
		sort.SliceStable(e.timeline, func(i, j int) bool {
			if !e.timeline[i].due.Equal(e.timeline[j].due) {
				return e.timeline[i].due.Before(e.timeline[j].due)
			}
			return e.timeline[i].seq < e.timeline[j].seq
		})
		if len(e.timeline) == 0 || e.timeline[0].due.After(now) {
			return
		}
		ev := e.timeline[0]
		e.timeline = e.timeline[1:]
		ev.run(now)
	}
}
