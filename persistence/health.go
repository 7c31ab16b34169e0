package persistence

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// healthColumns are the channel's account health columns, in the order
// scanHealth and ingestHealth use.
const healthColumns = `health_quality, health_limit, health_restriction, health_blocks, health_violation,
	health_until, health_at`

// ingestHealth applies the health reports of one payload to the
// channel's stored standing, in the ingest transaction.
func ingestHealth(ctx context.Context, tx *rawTx, id app.ChannelID, events []app.AccountHealthEvent) error {
	if len(events) == 0 {
		return nil
	}
	var h app.AccountHealth
	err := tx.query(ctx, `SELECT `+healthColumns+` FROM channels WHERE id = ?`, []any{id}, func(row []driver.Value) error {
		h = healthOf(row)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read health of channel %d: %w", id, err)
	}
	for _, ev := range events {
		h = h.Apply(ev)
	}
	r := h.Restriction
	_, err = tx.ExecContext(ctx, `UPDATE channels SET health_quality = ?, health_limit = ?, health_restriction = ?,
		health_blocks = ?, health_violation = ?, health_until = ?, health_at = ? WHERE id = ?`,
		string(h.Quality), string(h.Limit), string(r.Kind), r.Blocks, r.Violation, timeValue(r.Until),
		timeValue(h.UpdatedAt), id)
	if err != nil {
		return fmt.Errorf("save health of channel %d: %w", id, err)
	}
	return nil
}

// healthOf reads the values of healthColumns.
func healthOf(row []driver.Value) app.AccountHealth {
	str := func(v driver.Value) string {
		switch s := v.(type) {
		case string:
			return s
		case []byte:
			return string(s)
		}
		return ""
	}
	at := func(v driver.Value) time.Time {
		if n, ok := v.(int64); ok {
			return time.Unix(0, n)
		}
		return time.Time{}
	}
	return app.AccountHealth{
		Quality: app.Quality(str(row[0])),
		Limit:   app.MessagingLimit(str(row[1])),
		Restriction: app.Restriction{Kind: app.RestrictionKind(str(row[2])), Blocks: str(row[3]),
			Violation: str(row[4]), Until: at(row[5])},
		UpdatedAt: at(row[6]),
	}
}
