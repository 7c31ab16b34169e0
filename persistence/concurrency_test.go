package persistence

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentWritersAndReaders ingests from several goroutines while
// others read, as the webhook receiver, the outbox worker and the UI do.
func TestConcurrentWritersAndReaders(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	const writers, batches, perBatch = 4, 25, 4
	var wg sync.WaitGroup
	errs := make(chan error, writers*batches+writers*batches)
	for w := range writers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for b := range batches {
				batch := textBatch(fmt.Sprintf("49%d", w), "", fmt.Sprintf("w%d-b%d", w, b), perBatch)
				if _, err := s.IngestBatch(ctx, c.ID, batch); err != nil {
					errs <- err
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range batches {
				if _, err := s.Conversations(ctx, c.ID); err != nil {
					errs <- err
				}
				if _, err := s.NextQueued(ctx, 5); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := countRows(t, s, "messages"); n != writers*batches*perBatch {
		t.Errorf("%d messages stored, want %d", n, writers*batches*perBatch)
	}
	convs, _ := s.Conversations(ctx, c.ID)
	for _, cv := range convs {
		if cv.Unread != batches*perBatch {
			t.Errorf("conversation %s: unread %d, want %d", cv.WAID, cv.Unread, batches*perBatch)
		}
	}
}
