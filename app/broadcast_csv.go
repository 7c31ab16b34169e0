package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits of a broadcast's CSV file: a bigger file is refused before it is
// read to the end.
const (
	MaxAudienceFileBytes = 20 << 20 // 20 MB
	MaxAudienceRows      = 100_000  // data rows, the header not counted
	MaxAudienceColumns   = 500
)

// ErrAudienceFile marks a CSV file refused for a broadcast (empty, too
// big, not text, no number column, ...). It comes inside a FieldError on
// FieldBroadcastFile whose Message says why in plain words.
var ErrAudienceFile = errors.New("the file cannot be used for a broadcast")

// fileProblem is the refusal of a file, worded for the owner.
func fileProblem(format string, args ...any) error {
	return ValidationErrors{{Field: FieldBroadcastFile, Message: fmt.Sprintf(format, args...), Kind: ErrAudienceFile}}
}

// csvRecord is one non-blank row of the file.
type csvRecord struct {
	row   int // the row as a spreadsheet numbers it: the file's first row is 1
	cells []string
}

// readAudienceFile reads at most MaxAudienceFileBytes of r; a longer
// file is refused without reading it all (at once when r can tell its
// size, as an open file can).
func readAudienceFile(r io.Reader) ([]byte, error) {
	tooBig := fileProblem("The file is larger than 20 MB, the most Parley reads for one broadcast (up to %s rows). Split it into smaller files.", groupDigits(MaxAudienceRows))
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxAudienceFileBytes {
			return nil, tooBig
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxAudienceFileBytes+1))
	if err != nil {
		return nil, errors.Join(fileProblem("Parley could not read the file. Check that it is still there and open it again."), err)
	}
	if len(data) > MaxAudienceFileBytes {
		return nil, tooBig
	}
	return data, nil
}

// decodeAudienceFile turns the file's bytes into text: UTF-8 with or
// without its byte order mark, UTF-16 (Excel's "Unicode text") with or
// without one, else Windows-1252 (Excel's "CSV" on Western Windows),
// which also reads Latin-1. Spreadsheets, PDFs and other binary files
// are refused.
func decodeAudienceFile(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "", fileProblem("This is a spreadsheet workbook (.xlsx or .ods), not a CSV file. Open it in your spreadsheet program and save it as \"CSV UTF-8\", then choose that file.")
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "", fileProblem("This is an Excel workbook (.xls), not a CSV file. Open it in Excel and save it as \"CSV UTF-8\", then choose that file.")
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "", fileProblem("This is a PDF, not a CSV file. Choose a CSV file saved from a spreadsheet program.")
	}
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text = strings.ToValidUTF8(string(data[3:]), "\uFFFD")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		text = decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		text = decodeUTF16(data[2:], true)
	default:
		if be, ok := looksUTF16(data); ok {
			text = decodeUTF16(data, be)
		} else if utf8.Valid(data) {
			text = string(data)
		} else {
			text = decodeWindows1252(data)
		}
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.TrimSpace(text) == "" {
		return "", fileProblem("The file is empty. Choose a CSV file with one customer's number per row.")
	}
	if !looksLikeText(text) {
		return "", fileProblem("This file is not text, so it cannot be a CSV file. Choose a CSV file saved from a spreadsheet program.")
	}
	return text, nil
}

// looksUTF16 reports whether data without a byte order mark is UTF-16:
// in its first bytes most characters have a zero high byte (Latin text
// and digits), always at the same side. be says which side.
func looksUTF16(data []byte) (be, ok bool) {
	n := min(len(data), 1024) &^ 1
	if n < 4 {
		return false, false
	}
	var evenZeros, oddZeros int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenZeros++
		}
		if data[i+1] == 0 {
			oddZeros++
		}
	}
	pairs := n / 2
	switch {
	case oddZeros*10 >= pairs*7 && evenZeros*10 < pairs:
		return false, true
	case evenZeros*10 >= pairs*7 && oddZeros*10 < pairs:
		return true, true
	}
	return false, false
}

// decodeUTF16 decodes UTF-16 text; an odd last byte and unpaired
// surrogates become U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) string {
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	s := string(utf16.Decode(units))
	if len(data)%2 == 1 {
		s += "\uFFFD"
	}
	return s
}

// windows1252High are the characters of bytes 0x80–0x9F in Windows-1252
// (0 where the code page has none); bytes 0xA0–0xFF are Latin-1's.
var windows1252High = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// decodeWindows1252 decodes Windows-1252 text (Latin-1 too).
func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0 && windows1252High[c-0x80] != 0:
			b.WriteRune(windows1252High[c-0x80])
		case c < 0xA0:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// looksLikeText reports whether text is text rather than a binary file
// read as text: no NUL, and control characters other than tab and line
// breaks in fewer than one character in a hundred of its beginning.
func looksLikeText(text string) bool {
	if strings.IndexByte(text, 0) >= 0 {
		return false
	}
	var n, bad int
	for _, r := range text {
		if n == 64<<10 {
			break
		}
		n++
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r') {
			bad++
		}
	}
	return bad*100 <= n
}

// errUnclosedQuote is a quote that opens a cell and never closes.
type errUnclosedQuote struct{ row int }

func (e errUnclosedQuote) Error() string {
	return fmt.Sprintf("row %d opens a quote that never closes", e.row)
}

// parseCSV splits text into rows of cells separated by delim, with
// quotes as spreadsheets write them ("a ""b""" is a "b"; a quoted cell
// may hold the separator and line breaks). It is lenient: a quote inside
// an unquoted cell is kept, text after a closing quote is kept, and rows
// may have any number of cells. Line breaks are \n, \r\n or \r. Blank
// rows are skipped but counted in the row numbers. It stops after
// maxRecords rows with cells, returning more=true.
func parseCSV(text string, delim byte, maxRecords int) (recs []csvRecord, more bool, err error) {
	i, n, row := 0, len(text), 0
	var cells []string
	var quoted strings.Builder
	for i < n {
		row++
		cells = cells[:0:0]
		for {
			var cell string
			if text[i] == '"' {
				quoted.Reset()
				i++
				for {
					j := strings.IndexByte(text[i:], '"')
					if j < 0 {
						return recs, false, errUnclosedQuote{row: row}
					}
					quoted.WriteString(text[i : i+j])
					i += j + 1
					if i < n && text[i] == '"' {
						quoted.WriteByte('"')
						i++
						continue
					}
					break
				}
				start := i
				i = cellEnd(text, i, delim)
				quoted.WriteString(text[start:i])
				cell = quoted.String()
			} else {
				start := i
				i = cellEnd(text, i, delim)
				cell = text[start:i]
			}
			cells = append(cells, cell)
			if i < n && text[i] == delim {
				i++
				if i < n {
					continue
				}
				cells = append(cells, "")
			}
			break
		}
		if i < n && text[i] == '\r' {
			i++
		}
		if i < n && text[i] == '\n' {
			i++
		}
		if blankRow(cells) {
			continue
		}
		if len(recs) == maxRecords {
			return recs, true, nil
		}
		recs = append(recs, csvRecord{row: row, cells: cells})
	}
	return recs, false, nil
}

// cellEnd is where the cell starting at i ends: at the next delim or line
// break, or the end of text.
func cellEnd(text string, i int, delim byte) int {
	for ; i < len(text); i++ {
		if c := text[i]; c == delim || c == '\n' || c == '\r' {
			return i
		}
	}
	return i
}

// blankRow reports whether every cell is empty or white space.
func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// detectDelimiter picks the separator of the file's cells among comma,
// semicolon (Excel in much of Europe) and tab: the one that splits the
// first rows into the same number of cells, more than one, most often.
// A file of one column is read with commas.
func detectDelimiter(text string) byte {
	sample := text[:min(len(text), 64<<10)]
	if len(sample) < len(text) {
		if cut := strings.LastIndexAny(sample, "\r\n"); cut > 0 {
			sample = sample[:cut]
		}
	}
	best, bestRows, bestCells := byte(','), 0, 0
	for _, d := range []byte{'\t', ';', ','} {
		recs, _, err := parseCSV(sample, d, 50)
		var open errUnclosedQuote
		if errors.As(err, &open) && len(recs) == 0 {
			continue
		}
		counts := map[int]int{}
		for _, r := range recs {
			counts[len(r.cells)]++
		}
		cells, rows := 0, 0
		for c, k := range counts {
			if c > 1 && (k > rows || (k == rows && c > cells)) {
				cells, rows = c, k
			}
		}
		if rows > bestRows || (rows == bestRows && rows > 0 && cells > bestCells) {
			best, bestRows, bestCells = d, rows, cells
		}
	}
	return best
}

// groupDigits writes n with thousands separators: 100,000.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
