package persistence

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// earlyStatusPruneEvery is how often ingest drops expired early
// statuses. A status that arrives again after its copy expired replaces
// that copy, so pruning later than the expiry changes nothing else.
const earlyStatusPruneEvery = time.Minute

// groupCommit is one group commit: the payloads it stores in one write
// transaction, their results, and what it knows on the way. Its steps,
// in the order below: begin (take what earlier groups read, see
// ingestCache), prepare (read the group's rows in one query, prune),
// storeItems (each payload's own rows, see ingest_payload.go), finish
// (what the payloads add up to, see groupTotals), end (keep what it read
// for the next group; count the commit for the checkpointer).
type groupCommit struct {
	s        *Store
	items    []IngestItem
	results  [][]app.Message // results[i] belongs to items[i]
	errs     []error         // errs[i] belongs to items[i]
	isolated bool            // each payload in its own savepoint
	now      time.Time
	prune    bool // drop expired early statuses too

	tx     *rawTx
	cache  cacheState  // what the cached rows are valid for
	rows   groupRows   // what the group knows of the rows it reads
	totals groupTotals // what the stored payloads add up to

	// failed is set when the transaction itself can no longer be used.
	failed error
}

// commitGroup stores items in one write transaction, filling results
// and errs. Unless isolated, the first payload that fails (its error in
// errs) rolls it all back with errPayloadFailed; if isolated, each
// payload is stored in its own savepoint, and one that fails leaves no
// trace. It returns errNothingStored when no payload was stored.
func (s *Store) commitGroup(ctx context.Context, items []IngestItem, results [][]app.Message, errs []error, isolated bool) error {
	now := s.now()
	last := s.prunedAt.Load()
	g := &groupCommit{
		s: s, items: items, results: results, errs: errs, isolated: isolated, now: now,
		prune: last == 0 || now.UnixNano()-last >= int64(earlyStatusPruneEvery) || now.UnixNano() < last,
	}
	err := s.writeRaw(ctx, func(tx *rawTx) error { return g.run(ctx, tx) })
	g.end(err)
	return err
}

// run is the group's transaction tx, step by step.
func (g *groupCommit) run(ctx context.Context, tx *rawTx) error {
	g.tx = tx
	if err := g.begin(ctx); err != nil {
		return err
	}
	if err := g.prepare(ctx); err != nil {
		return err
	}
	if err := g.storeItems(ctx); err != nil {
		return err
	}
	return g.finish(ctx)
}

// begin starts from what earlier groups read, if it is still valid.
func (g *groupCommit) begin(ctx context.Context) error {
	cache, base, err := g.s.ingestCache.open(ctx, g.tx)
	if err != nil {
		return err
	}
	g.cache, g.rows = cache, newGroupRows(base)
	return nil
}

// prepare reads, in one query, which of the channels, contacts and
// conversations the items name exist, and, if prune, drops early
// statuses that expired. Both concern the whole group, not one payload.
func (g *groupCommit) prepare(ctx context.Context) error {
	seen := map[waKey]struct{}{}
	var keys []waKey
	add := func(k waKey) {
		if _, ok := seen[k]; ok {
			return
		}
		seen[k] = struct{}{}
		_, contact := g.rows.contact(k)
		_, conv := g.rows.conv(k)
		if _, channel := g.rows.channel(k.channel); !channel || (k.waID != "" && !(contact && conv)) {
			keys = append(keys, k)
		}
	}
	for _, it := range g.items {
		add(waKey{channel: it.ChannelID}) // the channel itself
		for _, c := range it.Batch.Contacts {
			add(waKey{it.ChannelID, c.WAID})
		}
		for _, m := range it.Batch.Messages {
			add(waKey{it.ChannelID, m.From})
		}
		for _, m := range it.Batch.Echoes {
			if m.To != "" {
				add(waKey{it.ChannelID, m.To})
			}
		}
	}
	if err := g.rows.lookup(ctx, g.tx, keys); err != nil {
		return err
	}
	if !g.prune {
		return nil
	}
	if _, err := g.tx.ExecContext(ctx, `DELETE FROM early_statuses WHERE received_at < ?`,
		g.now.Add(-earlyStatusTTL).UnixNano()); err != nil {
		return fmt.Errorf("prune early statuses: %w", err)
	}
	return nil
}

// storeItems stores each payload (storeItem or, if isolated,
// storeIsolated). Unless isolated, the first payload that fails ends it
// with errPayloadFailed, and the transaction must be rolled back.
func (g *groupCommit) storeItems(ctx context.Context) error {
	stored := 0
	for i, it := range g.items {
		if g.isolated {
			g.results[i], g.errs[i] = g.storeIsolated(ctx, it)
		} else {
			g.results[i], g.errs[i] = g.storeItem(ctx, it)
			if g.errs[i] != nil && !errors.Is(g.errs[i], errNoChannel) {
				g.errs[i] = itemError(it, g.errs[i])
				if g.failed != nil {
					return g.failed
				}
				return errPayloadFailed
			}
			if g.errs[i] == nil {
				g.stored(it, g.results[i])
			} else {
				g.errs[i] = itemError(it, g.errs[i]) // nothing was written
			}
		}
		if g.failed != nil {
			return g.failed // the transaction itself is lost
		}
		if g.errs[i] == nil {
			stored++
		}
	}
	if stored == 0 {
		return errNothingStored
	}
	return nil
}

// storeIsolated stores one payload inside its own savepoint and returns
// the messages it inserted. When it fails, the payload's rows and its
// changes to what the group knows are undone.
func (g *groupCommit) storeIsolated(ctx context.Context, it IngestItem) ([]app.Message, error) {
	if !g.exec(ctx, `SAVEPOINT ingest_batch`) {
		return nil, g.failed
	}
	ms, err := g.storeItem(ctx, it)
	if err != nil {
		g.rows.revert()
		if !g.exec(ctx, `ROLLBACK TO ingest_batch`) {
			return nil, g.failed
		}
	}
	if !g.exec(ctx, `RELEASE ingest_batch`) {
		return nil, g.failed
	}
	if err != nil {
		return nil, itemError(it, err)
	}
	g.stored(it, ms)
	return ms, nil
}

// storeItem writes the rows of one payload (see ingestPayload), unless
// its channel does not exist.
func (g *groupCommit) storeItem(ctx context.Context, it IngestItem) ([]app.Message, error) {
	exists, err := g.channelExists(ctx, it.ChannelID)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, errNoChannel
	}
	return g.ingestPayload(ctx, it.ChannelID, it.Batch)
}

// channelExists reports whether the channel exists.
func (g *groupCommit) channelExists(ctx context.Context, id app.ChannelID) (bool, error) {
	if exists, ok := g.rows.channel(id); ok {
		return exists, nil
	}
	if err := g.rows.lookup(ctx, g.tx, []waKey{{channel: id}}); err != nil {
		g.failed = err
		return false, err
	}
	exists, _ := g.rows.channel(id)
	return exists, nil
}

// stored takes in a payload of it that is stored for good and inserted
// ms.
func (g *groupCommit) stored(it IngestItem, ms []app.Message) {
	g.rows.stored()
	g.totals.keep(it.ChannelID, ms)
}

// finish writes what the stored payloads add up to, once for the group.
func (g *groupCommit) finish(ctx context.Context) error {
	return g.totals.record(ctx, g.tx, &g.rows, g.now)
}

// end follows the transaction, which ended with err: it keeps what the
// group knew for the next group (see ingestCache.keep), and after a
// commit tells the checkpointer and notes when early statuses were
// pruned.
func (g *groupCommit) end(err error) {
	rolledBack := errors.Is(err, errPayloadFailed) || errors.Is(err, errNothingStored)
	if g.rows.known != nil { // the transaction began
		g.s.ingestCache.keep(g.cache, g.rows.base, g.rows.known, err == nil, rolledBack)
	}
	if err != nil {
		return
	}
	g.s.ckpt.committed()
	if g.prune {
		g.s.prunedAt.Store(g.now.UnixNano())
	}
}

// exec runs a statement without arguments that the transaction needs
// (a savepoint); when it fails, it sets g.failed and returns false.
func (g *groupCommit) exec(ctx context.Context, query string) bool {
	if _, err := g.tx.ExecContext(ctx, query); err != nil {
		g.failed = fmt.Errorf("%s: %w", query, err)
		return false
	}
	return true
}

// itemError describes the failure of one payload.
func itemError(it IngestItem, err error) error {
	return fmt.Errorf("store webhook events of channel %d: %w", it.ChannelID, notFoundIfFK(err, "channel"))
}
