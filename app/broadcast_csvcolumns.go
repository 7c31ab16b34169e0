package app

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// numberHeaders are the names people give a column of phone numbers, in
// the languages of Parley's owners, best first: a column named for
// WhatsApp wins over one for mobiles, which wins over any phone. Words
// marked exact must be the whole header ("Number" is the phone, "Order
// number" is not); the others may be part of it ("Telefonnummer",
// "Mobile phone").
var numberHeaders = []headerGroup{
	{words: []string{"whatsapp", "zap", "wpp"}},
	{words: []string{"wa", "waid", "wa id", "wa number", "whats"}, exact: true},
	{words: []string{"mobile", "mobil", "handy", "cell", "celular", "cellulare", "movil", "móvil", "mobiel", "gsm",
		"nomor hp", "no hp", "nohp", "msisdn", "мобильный", "мобильный телефон", "جوال", "موبايل", "मोबाइल", "cep"}},
	{words: []string{"hp", "ponsel", "handphone"}, exact: true},
	{words: []string{"phone", "telefon", "telefone", "teléfono", "telefono", "téléphone", "telephone", "telefoon",
		"rufnummer", "telepon", "fone", "телефон", "هاتف", "फ़ोन", "फोन", "điện thoại", "so dien thoai", "tel.", "tlf"}},
	{words: []string{"tel", "number", "numero", "número", "numéro", "nummer", "nomor", "numer", "numara", "номер",
		"رقم", "नंबर", "sdt", "contact number"}, exact: true},
}

// headerGroup is a group of header names of the same rank.
type headerGroup struct {
	words []string
	exact bool // a header must be one of the words, not only contain it
}

// nameHeaders are the names people give a column of customers' names.
var nameHeaders = []string{"name", "full name", "customer", "customer name", "contact", "contact name", "client",
	"nombre", "nome", "nama", "nom", "naam", "imie", "imię", "isim", "ad soyad", "kunde", "kundenname",
	"vorname", "first name", "cliente", "имя", "الاسم", "नाम", "tên", "ten", "ho ten"}

// headerKey is a header as it is compared: FoldText without spaces,
// punctuation and symbols.
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, FoldText(s))
}

// numberHeaderRank is how well the header names a column of numbers: 0
// is best, -1 is not at all.
func numberHeaderRank(header string) int {
	key := headerKey(header)
	if key == "" {
		return -1
	}
	for rank, group := range headerKeys().number {
		for _, wk := range group.words {
			if key == wk || (!group.exact && strings.Contains(key, wk)) {
				return rank
			}
		}
	}
	return -1
}

// isNameHeader reports whether the header names a column of names.
func isNameHeader(header string) bool {
	key := headerKey(header)
	return key != "" && slices.Contains(headerKeys().name, key)
}

// headerKeys are numberHeaders and nameHeaders as headerKey makes them,
// made once.
var headerKeys = sync.OnceValue(func() (k struct {
	number []headerGroup
	name   []string
}) {
	for _, g := range numberHeaders {
		keys := make([]string, len(g.words))
		for i, w := range g.words {
			keys[i] = headerKey(w)
		}
		k.number = append(k.number, headerGroup{words: keys, exact: g.exact})
	}
	for _, w := range nameHeaders {
		k.name = append(k.name, headerKey(w))
	}
	return k
})

// looksLikeNumber reports whether a cell looks like a phone number: at
// least six digits, and nothing but digits, spaces and the signs numbers
// are written with (or a number Excel wrote as 4.91701E+11).
func looksLikeNumber(cell string) bool {
	s := unwrapNumberCell(cell)
	if scientific(s) {
		return true
	}
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n++
		case strings.ContainsRune(" +-()./\u00a0", r):
		default:
			return false
		}
	}
	return n >= 6
}

// hasHeader reports whether the first row names the columns: a header
// names the number column, or has no cell that looks like a number.
func hasHeader(first []string) bool {
	for _, c := range first {
		if numberHeaderRank(c) >= 0 {
			return true
		}
	}
	for _, c := range first {
		if looksLikeNumber(c) {
			return false
		}
	}
	return true
}

// columnNames are the header's cells ready to show and to map template
// variables to: cleaned by DisplayName, "Column 3" for an empty one,
// "Phone (2)" for a repeated one. A file without a header gets "Column
// 1", "Column 2", ...; width is the number of columns.
func columnNames(header []string, width int) []string {
	names := make([]string, width)
	seen := map[string]int{}
	for i := range names {
		name := ""
		if i < len(header) {
			name = DisplayName(header[i])
		}
		if name == "" {
			name = fmt.Sprintf("Column %d", i+1)
		}
		if k := seen[strings.ToLower(name)]; k > 0 {
			seen[strings.ToLower(name)]++
			name = fmt.Sprintf("%s (%d)", name, k+1)
		} else {
			seen[strings.ToLower(name)] = 1
		}
		names[i] = name
	}
	return names
}

// findNumberColumn picks the column, of the first width, the numbers are
// read from: the one whose header names numbers best, else the one where
// the most of the first rows hold a valid number for the channel's
// country, else the first where most cells look like numbers. It
// returns -1 when none does.
func findNumberColumn(header []string, recs []csvRecord, width int, check numberCheck) int {
	best, bestRank := -1, len(numberHeaders)
	for i, h := range header {
		if r := numberHeaderRank(h); r >= 0 && r < bestRank {
			best, bestRank = i, r
		}
	}
	if best >= 0 {
		return best
	}
	sample := recs[:min(len(recs), 200)]
	valid := make([]int, width)
	alike := make([]int, width)
	filled := make([]int, width)
	for _, r := range sample {
		for i, c := range r.cells[:min(len(r.cells), width)] {
			if strings.TrimSpace(c) == "" {
				continue
			}
			filled[i]++
			if looksLikeNumber(c) {
				alike[i]++
				if _, reason := check.check(c); reason == "" {
					valid[i]++
				}
			}
		}
	}
	best, most := -1, 0
	for i, v := range valid {
		if v > most {
			best, most = i, v
		}
	}
	if best >= 0 {
		return best
	}
	for i := range alike {
		if alike[i] > 0 && alike[i]*2 >= filled[i] {
			return i
		}
	}
	return -1
}

// findNameColumn is the first column whose header names names, or -1.
func findNameColumn(header []string) int {
	for i, h := range header {
		if isNameHeader(h) {
			return i
		}
	}
	return -1
}
