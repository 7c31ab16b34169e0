package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Sizes of the search benchmarks (issue 21): 200,000 messages in 2,000
// conversations.
const (
	searchBenchMessages = 200_000
	searchBenchConvs    = 2_000
)

// searchBenchWords are the words the seeded messages are made of: what a
// shop's customers write, accents included.
var searchBenchWords = []string{"olá", "bom", "dia", "boa", "tarde", "quero", "comprar", "o", "vestido", "azul",
	"tamanho", "M", "qual", "preço", "tem", "promoção", "de", "sábado", "quando", "chega", "a", "entrega",
	"meu", "pedido", "obrigado", "pix", "boleto", "cartão", "endereço", "frete", "grátis", "para", "São",
	"Paulo", "amanhã", "horário", "loja", "aberta", "desconto", "cupom", "troca", "devolução", "foto",
	"catálogo", "novo", "modelo", "preto", "branco", "sandália", "bolsa", "brinco", "colar", "anel", "prata"}

// seedSearchBench fills a database at schema version (every migration
// when version is 0) with the benchmark's conversations and messages:
// each message eight words of searchBenchWords and an order number.
func seedSearchBench(b *testing.B, db *sql.DB) {
	b.Helper()
	var words strings.Builder
	for i, w := range searchBenchWords {
		if i > 0 {
			words.WriteString(",")
		}
		fmt.Fprintf(&words, "(%d, '%s')", i, w)
	}
	pick := func(mul, add int) string {
		return fmt.Sprintf("(SELECT w FROM bench_words WHERE n = (i * %d + %d + i / 7) %% %d)", mul, add, len(searchBenchWords))
	}
	var text []string
	for k, mul := range []int{7, 13, 17, 19, 23, 29, 31, 37} {
		text = append(text, pick(mul, k*3))
	}
	steps := []string{
		`CREATE TEMP TABLE bench_words (n INTEGER PRIMARY KEY, w TEXT)`,
		`INSERT INTO bench_words VALUES ` + words.String(),
		`INSERT INTO channels (id, name, webhook_token, created_at) VALUES (1, 'Shop', 'tok', 1)`,
		fmt.Sprintf(`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < %d)
			INSERT INTO contacts (channel_id, wa_id, name) SELECT 1, '55119' || (10000000 + i),
				(SELECT w FROM bench_words WHERE n = i %% %d) || ' ' || (SELECT w FROM bench_words WHERE n = (i * 7) %% %d) FROM seq`,
			searchBenchConvs, len(searchBenchWords), len(searchBenchWords)),
		fmt.Sprintf(`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < %d)
			INSERT INTO conversations (id, channel_id, wa_id, last_message_at) SELECT i + 1, 1, '55119' || (10000000 + i), i FROM seq`,
			searchBenchConvs),
		fmt.Sprintf(`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < %d)
			INSERT INTO messages (id, channel_id, conversation_id, wa_message_id, direction, type, text, timestamp, state)
			SELECT i + 1, 1, i %% %d + 1, 'w' || i, 'in', 'text', %s || ' #' || (i %% 50000), i, 'received' FROM seq`,
			searchBenchMessages, searchBenchConvs, strings.Join(text, " || ' ' || ")),
		`DROP TABLE bench_words`,
	}
	for _, q := range steps {
		if _, err := db.Exec(q); err != nil {
			b.Fatalf("seed: %v\n%s", err, q)
		}
	}
}

// BenchmarkSearchIndexBuild builds the search index for 200,000 messages
// stored before it existed, as migration 0014 does when Parley opens a
// data folder of an older version (with progress), and compares it with
// copying the same text into a plain table (the baseline: writing the
// text once, without indexing it). It reports s/build, raw-s and x-raw.
func BenchmarkSearchIndexBuild(b *testing.B) {
	ctx := context.Background()
	seed := filepath.Join(b.TempDir(), "seed")
	if err := os.Mkdir(seed, 0o700); err != nil {
		b.Fatal(err)
	}
	db, err := sql.Open("sqlite3", filepath.Join(seed, DBFileName)+"?_journal_mode=WAL")
	if err != nil {
		b.Fatal(err)
	}
	ms, err := loadMigrations(migrationFS, "migrations")
	if err != nil {
		b.Fatal(err)
	}
	for _, m := range ms[:13] {
		if _, err := db.Exec(m.sql); err != nil {
			b.Fatalf("%s: %v", m.name, err)
		}
	}
	if _, err := db.Exec(`PRAGMA user_version = 13`); err != nil {
		b.Fatal(err)
	}
	seedSearchBench(b, db)
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	// The baseline: the same text written once into a plain table.
	start := time.Now()
	if _, err := db.Exec(`CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, body TEXT);
		INSERT INTO bench_raw SELECT id, trim(text || char(10) || COALESCE(json_extract(media, '$.caption'), '')
			|| char(10) || COALESCE(json_extract(media, '$.filename'), ''), char(10)) FROM messages`); err != nil {
		b.Fatal(err)
	}
	raw := time.Since(start)
	if _, err := db.Exec(`DROP TABLE bench_raw; PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	seedBytes, err := os.ReadFile(filepath.Join(seed, DBFileName))
	if err != nil {
		b.Fatal(err)
	}

	var build time.Duration
	for i := range b.N {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), fmt.Sprint(i))
		if err := os.Mkdir(dir, 0o700); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, DBFileName), seedBytes, 0o600); err != nil {
			b.Fatal(err)
		}
		last := 0
		b.StartTimer()
		start := time.Now()
		s, err := Open(ctx, dir, WithProgress(func(done, total int) { last = done }))
		build += time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if last != searchBenchMessages {
			b.Fatalf("progress ended at %d, want %d", last, searchBenchMessages)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	build /= time.Duration(b.N)
	b.ReportMetric(build.Seconds(), "s/build")
	b.ReportMetric(raw.Seconds(), "raw-s")
	b.ReportMetric(float64(build)/float64(raw), "x-raw")
}

// searchBenchKeystrokes are what the owner types, one keystroke at a
// time: a word common in the messages, a rare order number, a customer's
// name and number.
var searchBenchKeystrokes = []string{"p", "pr", "pro", "prom", "promo", "promoca",
	"#4", "#42", "#421", "#4217",
	"bols", "bolsa a", "bolsa az", "5511910001"}

// BenchmarkSearchKeystroke searches 200,000 messages in 2,000
// conversations for each keystroke of searchBenchKeystrokes (the first
// results the Space shows: 50 conversations, 3 messages each, with their
// snippets), against a bare FTS5 query of the newest 50 matching message
// ids on the same read pool (the baseline). It reports ms/keystroke (the
// mean), max-ms (the mean of the slowest keystroke), raw-ms and x-raw.
func BenchmarkSearchKeystroke(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	seedSearchBench(b, s.rw)
	if _, err := s.rw.Exec(`ANALYZE`); err != nil {
		b.Fatal(err)
	}
	each := make([]time.Duration, len(searchBenchKeystrokes)) // summed over the runs
	for b.Loop() {
		for i, q := range searchBenchKeystrokes {
			start := time.Now()
			hits, err := s.Search(ctx, q, 50, 3)
			if err != nil || len(hits) == 0 {
				b.Fatalf("Search(%q) = %d hits, %v", q, len(hits), err)
			}
			each[i] += time.Since(start)
		}
	}
	per := b.Elapsed() / time.Duration(b.N*len(searchBenchKeystrokes))

	start := time.Now()
	for range b.N {
		for _, q := range searchBenchKeystrokes {
			rows, err := s.ro.Query(`SELECT rowid FROM message_search WHERE message_search MATCH ? ORDER BY rowid DESC LIMIT 50`,
				matchExpression(q, true))
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
			}
			rows.Close()
		}
	}
	raw := time.Since(start) / time.Duration(b.N*len(searchBenchKeystrokes))
	worst, at := time.Duration(0), ""
	for i, d := range each {
		if d /= time.Duration(b.N); d > worst {
			worst, at = d, searchBenchKeystrokes[i]
		}
	}
	b.Logf("slowest keystroke: %q, %.1f ms", at, float64(worst.Microseconds())/1e3)
	b.ReportMetric(float64(per.Microseconds())/1e3, "ms/keystroke")
	b.ReportMetric(float64(worst.Microseconds())/1e3, "max-ms")
	b.ReportMetric(float64(raw.Microseconds())/1e3, "raw-ms")
	b.ReportMetric(float64(per)/float64(raw), "x-raw")
}
