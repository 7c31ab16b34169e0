package persistence

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// walSize returns the size of the store's write-ahead log file.
func walSize(t *testing.T, s *Store) int64 {
	t.Helper()
	fi, err := os.Stat(s.Path() + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// awaitCheckpoint waits until the background checkpointer has run.
func awaitCheckpoint(t *testing.T, s *Store) {
	t.Helper()
	select {
	case <-s.ckpt.done:
	case <-time.After(10 * time.Second):
		t.Fatal("no checkpoint after enough commits")
	}
}

func TestIngestCheckpointsInTheBackground(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ingest := func(round int) {
		for i := range checkpointEveryCommits {
			waID := "49170" + strconv.Itoa(i%10)
			mustIngest(t, s, c.ID, textBatch(waID, "C", "r"+strconv.Itoa(round)+"-"+strconv.Itoa(i), 1))
		}
	}
	ingest(0)
	awaitCheckpoint(t, s)
	first := walSize(t, s)
	// Once the log is copied into the database file, the writer starts
	// it over instead of letting it grow.
	for round := 1; round <= 3; round++ {
		ingest(round)
		awaitCheckpoint(t, s)
	}
	if size := walSize(t, s); size > first*3/2 {
		t.Errorf("log grew from %d to %d bytes over four checkpoints", first, size)
	}
	if n := countRows(t, s, "messages"); n != 4*checkpointEveryCommits {
		t.Errorf("%d messages, want %d", n, 4*checkpointEveryCommits)
	}
}
