package persistence

import (
	"context"
	"testing"

	"github.com/parley-app/parley/app"
)

func TestDisconnectedChannelKeepsItsData(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Bakery")
	mustIngest(t, s, c.ID, textBatch("4917012345678", "Anna", "hello", 2))
	if c.Disconnected {
		t.Fatal("a new channel is marked disconnected")
	}

	c.Disconnected = true
	if err := s.UpdateChannel(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Channel(ctx, c.ID)
	if err != nil || !got.Disconnected {
		t.Fatalf("after disconnecting: %+v, %v", got, err)
	}
	if n := countRows(t, s, "messages"); n != 2 {
		t.Errorf("disconnecting left %d messages, want the 2 kept", n)
	}

	got.Disconnected = false
	if err := s.UpdateChannel(ctx, got); err != nil {
		t.Fatal(err)
	}
	list, err := s.Channels(ctx)
	if err != nil || len(list) != 1 || list[0].Disconnected {
		t.Errorf("after reconnecting Channels = %+v, %v", list, err)
	}

	created, err := s.CreateChannel(ctx, app.Channel{Name: "Archive", PhoneNumber: "+4930999999", Disconnected: true})
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Channel(ctx, created.ID); !again.Disconnected {
		t.Error("CreateChannel dropped Disconnected")
	}
}
