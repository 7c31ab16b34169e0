package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
)

// AudienceFromCSV reads a CSV file of numbers (plus optional columns for
// the template's variables) for a broadcast from the channel.
//
// The file may be UTF-8 (with or without a byte order mark), UTF-16 with
// a byte order mark (Excel's "Unicode text") or Windows-1252, its cells
// separated by commas, semicolons or tabs; the first row may name the
// columns. The numbers are read from the column named for them (Phone,
// WhatsApp, Telefon, Celular, Nomor HP, ...), else from the column that
// holds numbers. Numbers written without a country code are read as
// numbers of the channel's country. Every row's values are kept as text
// (a cell starting with = is never a formula). A row whose number is not
// valid is listed with its row and why; a customer on several rows is
// taken once, from the first, and counted; a customer who opted out is
// left out and counted. A customer who already has a conversation gets
// it and the name Parley knows, else the file's name column.
//
// A file that cannot be used (empty, larger than MaxAudienceFileBytes or
// MaxAudienceRows, not text, no number column) is refused with a
// FieldError on FieldBroadcastFile in plain words, of kind
// ErrAudienceFile.
func (c *BroadcastUseCases) AudienceFromCSV(ctx context.Context, id ChannelID, r io.Reader) (Audience, error) {
	ch, err := c.store.Channel(ctx, id)
	if err != nil {
		return Audience{}, fmt.Errorf("read channel %d: %w", id, err)
	}
	data, err := readAudienceFile(r)
	if err != nil {
		return Audience{}, err
	}
	t, err := readAudienceTable(data, newNumberCheck(ch.PhoneNumber))
	if err != nil {
		return Audience{}, err
	}
	cvs, err := c.store.Conversations(ctx, id)
	if err != nil {
		return Audience{}, fmt.Errorf("read the customers of channel %d: %w", id, err)
	}
	return t.audience(ctx, cvs)
}

// audienceTable is a CSV file read and understood: its columns, which
// of them holds the numbers and which the names, and its data rows.
type audienceTable struct {
	check     numberCheck
	header    bool
	headerRow int // the header's row in the file (after blank rows), or 0
	columns   []string
	numberCol int
	nameCol   int // -1 when there is none
	recs      []csvRecord
}

// readAudienceTable decodes, splits and understands the file.
func readAudienceTable(data []byte, check numberCheck) (audienceTable, error) {
	text, err := decodeAudienceFile(data)
	if err != nil {
		return audienceTable{}, err
	}
	delim, text := excelSeparator(text)
	if delim == 0 {
		delim = detectDelimiter(text)
	}
	recs, more, err := parseCSV(text, delim, MaxAudienceRows+1)
	var open errUnclosedQuote
	if errors.As(err, &open) {
		return audienceTable{}, fileProblem("Row %d opens a quote (\") that never closes, so Parley cannot tell where the next rows begin. Check that row in your spreadsheet program and save the file again.", open.row)
	}
	if len(recs) == 0 {
		return audienceTable{}, fileProblem("The file is empty. Choose a CSV file with one customer's number per row.")
	}
	t := audienceTable{check: check, header: hasHeader(recs[0].cells), nameCol: -1}
	var header []string
	if t.header {
		header, t.headerRow, recs = recs[0].cells, recs[0].row, recs[1:]
	}
	if more || len(recs) > MaxAudienceRows {
		return audienceTable{}, fileProblem("The file has more than %s rows, the most Parley takes for one broadcast. Split it into smaller files.", groupDigits(MaxAudienceRows))
	}
	if len(recs) == 0 {
		return audienceTable{}, fileProblem("The file has a row of column names but no customers under it.")
	}
	width := len(header)
	if !t.header {
		for _, r := range recs {
			width = max(width, len(r.cells))
		}
	}
	if width > MaxAudienceColumns {
		return audienceTable{}, fileProblem("The file has more than %d columns, the most Parley reads. Keep the numbers and the columns the message needs, and save it again.", MaxAudienceColumns)
	}
	t.columns = columnNames(header, width)
	t.numberCol = findNumberColumn(header, recs, width, check)
	if t.numberCol < 0 {
		return audienceTable{}, fileProblem("Parley found no column of phone numbers in the file. Put the numbers in a column named \"Phone\" in the first row, or in the first column.")
	}
	t.nameCol = findNameColumn(header)
	t.recs = recs
	return t, nil
}

// audience checks every row's number against the channel's
// conversations cvs: invalid numbers, duplicates and opt-outs.
func (t audienceTable) audience(ctx context.Context, cvs []Conversation) (Audience, error) {
	known := make(map[string]int, len(cvs))
	for i, cv := range cvs {
		known[canonicalWAID(cv.WAID)] = i
	}
	a := Audience{Source: AudienceCSV, Columns: t.columns, NumberColumn: t.columns[t.numberCol], Rows: len(t.recs)}
	// seen is where each customer already is: an index in a.Recipients,
	// or -1 when they opted out.
	seen := make(map[string]int, len(t.recs))
	checked, err := t.checkNumbers(ctx)
	if err != nil {
		return Audience{}, err
	}
	for n, rec := range t.recs {
		row := rec.row - t.headerRow
		id, reason := checked[n].waID, checked[n].reason
		if reason != "" {
			cell := ""
			if t.numberCol < len(rec.cells) {
				cell = rec.cells[t.numberCol]
			}
			a.Invalid = append(a.Invalid, InvalidRow{Row: row, Line: rec.row, Value: shortValue(cell), Reason: reason})
			continue
		}
		if len(rec.cells) > len(t.columns) && !blankRow(rec.cells[len(t.columns):]) {
			a.ExtraCells++
		}
		if i, dup := seen[id]; dup {
			a.Duplicates++
			if i >= 0 {
				t.merge(&a.Recipients[i], rec.cells)
			}
			continue
		}
		ci, has := known[id]
		if has && cvs[ci].OptOut.Active() {
			seen[id] = -1
			a.OptedOut++
			continue
		}
		seen[id] = len(a.Recipients)
		rc := Recipient{WAID: id, Row: row, Columns: make(map[string]string, len(t.columns))}
		t.merge(&rc, rec.cells)
		if has {
			rc.WAID, rc.ConversationID, rc.Name = cvs[ci].WAID, cvs[ci].ID, recipientName(cvs[ci])
		}
		if rc.Name == "" && t.nameCol >= 0 {
			rc.Name = DisplayName(rc.Columns[t.columns[t.nameCol]])
		}
		a.Recipients = append(a.Recipients, rc)
	}
	return a, nil
}

// checkedNumber is one row's number checked: the WhatsApp id or why not.
type checkedNumber struct{ waID, reason string }

// checkNumbers checks every row's number, on every processor for a long
// file: the number library's checks are most of the time a file takes.
func (t audienceTable) checkNumbers(ctx context.Context) ([]checkedNumber, error) {
	out := make([]checkedNumber, len(t.recs))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(t.recs)/256))
	chunk := (len(t.recs) + workers - 1) / workers
	var wg sync.WaitGroup
	for start := 0; start < len(t.recs); start += chunk {
		wg.Go(func() {
			for i := start; i < min(start+chunk, len(t.recs)); i++ {
				if i%1024 == 0 && ctx.Err() != nil {
					return
				}
				cell := ""
				if cells := t.recs[i].cells; t.numberCol < len(cells) {
					cell = cells[t.numberCol]
				}
				out[i].waID, out[i].reason = t.check.check(cell)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("check the file's numbers: %w", err)
	}
	return out, nil
}

// merge fills the recipient's empty columns with the row's cells: the
// first row of a customer keeps its values, a later row adds what it
// lacked.
func (t audienceTable) merge(r *Recipient, cells []string) {
	for i, name := range t.columns {
		if i < len(cells) && strings.TrimSpace(r.Columns[name]) == "" {
			r.Columns[name] = cells[i]
		}
	}
}

// shortValue is a cell as an invalid row shows it: trimmed, cleaned by
// DisplayName and cut to 40 characters.
func shortValue(cell string) string {
	v := []rune(DisplayName(cell))
	if len(v) > 40 {
		return string(v[:39]) + "…"
	}
	return string(v)
}

// excelSeparator reads the line "sep=;" Excel puts before a CSV file's
// rows to name its separator (and hides when it opens the file): it
// returns the separator and the text after that line, or 0 and the text.
func excelSeparator(text string) (byte, string) {
	line, rest, _ := strings.Cut(text, "\n")
	line = strings.TrimSuffix(line, "\r")
	if len(line) == 5 && strings.EqualFold(line[:4], "sep=") && strings.IndexByte(",;\t|", line[4]) >= 0 {
		return line[4], rest
	}
	return 0, text
}
