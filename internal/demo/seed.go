package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

// seedEmulator gives the emulator the demo number, its profile and its
// templates. Templates decided earlier are dated back by their age;
// those waiting for review are decided by the emulator after their delay.
func seedEmulator(emu *emulator.Emulator, clock *replayClock, templates []seedTemplate) error {
	emu.AddNumber(APIKey, BusinessNumber, BusinessName)
	emu.SetProfile(APIKey, businessProfile())
	emu.SetReviewOutcome(reviewOutcome(templates))
	emu.SetStatusDelay(3 * time.Second)
	now := clock.Now()
	for _, t := range templates {
		var err error
		if t.review > 0 {
			emu.SetReviewDelay(t.review)
			err = emu.AddTemplate(APIKey, t.Template)
		} else {
			clock.during(now.Add(-t.age), func() { err = emu.AddTemplate(APIKey, t.Template) })
		}
		if err != nil {
			return fmt.Errorf("seed templates: %w", err)
		}
	}
	return nil
}

// replayWindows opens, on the emulator's side, the 24-hour window of every
// conversation in the store whose customer wrote less than a day ago, at
// the time they wrote. It runs before the webhook is registered, so these
// replayed messages are not delivered again.
func replayWindows(ctx context.Context, st Store, emu *emulator.Emulator, clock *replayClock, channel app.ChannelID) error {
	convs, err := st.Conversations(ctx, channel)
	if err != nil {
		return fmt.Errorf("read conversations: %w", err)
	}
	now := clock.Now()
	for _, cv := range convs {
		if open, _ := cv.WindowOpen(now); !open {
			continue
		}
		clock.during(cv.LastInboundAt, func() {
			_, err = emu.Inbound(APIKey, "+"+cv.WAID, cv.ContactName, "(earlier message)")
		})
		if err != nil {
			return fmt.Errorf("replay the window of %s: %w", cv.ContactName, err)
		}
	}
	return nil
}

// setProfilePhoto gives the number the bakery's logo as profile photo,
// the way Parley sets one: resumable upload, then the handle in a profile
// update.
func setProfilePhoto(ctx context.Context, core *app.Core, channel app.ChannelID, jpeg []byte) error {
	p, err := core.ChannelProvider(ctx, channel)
	if err != nil {
		return fmt.Errorf("set profile photo: %w", err)
	}
	handle, err := p.UploadForHandle(ctx, "baeckerei-sonnenschein.jpg", "image/jpeg", jpeg)
	if err != nil {
		return fmt.Errorf("set profile photo: %w", err)
	}
	if err := p.UpdateProfile(ctx, app.ProfileUpdate{PhotoHandle: handle}); err != nil {
		return fmt.Errorf("set profile photo: %w", err)
	}
	return nil
}
