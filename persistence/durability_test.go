package persistence

import (
	"context"
	"database/sql"
	"testing"
)

// synchronousFull is PRAGMA synchronous's value for FULL.
const synchronousFull = 2

// TestCommitsReachTheDiskBeforeTheyAreAcknowledged checks that the
// connections that commit (webhooks, outgoing messages, every edit) flush
// the write-ahead log to the disk at each commit: with WAL and
// synchronous=NORMAL, a webhook already answered 200 could roll back
// after a power cut, and 360dialog would not deliver it again. A kill of
// Parley cannot show the difference (the operating system keeps what
// was written); this is the setting that does.
func TestCommitsReachTheDiskBeforeTheyAreAcknowledged(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	for name, db := range map[string]*sql.DB{"write connection": s.rw, "checkpointer": s.ckpt.db} {
		var level int
		if err := db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&level); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if level != synchronousFull {
			t.Errorf("%s: PRAGMA synchronous = %d, want %d (FULL): an acknowledged webhook could be lost in a power cut", name, level, synchronousFull)
		}
	}
}
