// Package persistence keeps Parley's data: a SQLite database for channels,
// profiles, templates, conversations, messages and the outbox, and the OS
// keyring for API keys.
//
// The database lives in one file, DIR/parley.db, opened by Open. It runs in
// WAL mode with foreign keys on and a busy timeout. All writes go through a
// single connection (BEGIN IMMEDIATE), all reads through a separate
// read-only pool, so reads never wait for a writer and writers never
// deadlock each other. Every write transaction begins in one place
// (write.go), which numbers it; ingest trusts what it read in its last
// group only while no other write came between.
//
// Durability: every connection that commits uses synchronous=FULL, so a
// committed transaction is on the disk before Commit returns and survives
// a power cut or an operating-system crash, not only a kill of Parley
// (which synchronous=NORMAL would survive too). A webhook is answered only
// after its transaction has committed; group commit spreads the cost of
// the flush over the webhooks that arrive together.
//
// Privacy: the data folder is readable by its owner only (0700) and so are
// the database's files (0600), created so and tightened when an older
// Parley left them open; see PrivateDataFolder.
//
// The schema is created and upgraded by the numbered .sql files in
// migrations/, embedded in the binary and tracked in PRAGMA user_version.
// A database written by a newer Parley is refused with ErrSchemaTooNew.
//
// Outbound messages and the outbox share one table: an outbound message is
// a row of messages whose state is queued, sending, sent, ... The outbox is
// simply the rows in state queued (waiting) and sending (in flight).
//
// API keys are never written to the database; KeyringSecrets keeps them in
// the system keyring and refuses to work without one.
package persistence
