package app_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/parley-app/parley/app"
)

// csvAudience reads csv as the owner's file for the channel.
func csvAudience(t *testing.T, w *world, ch app.Channel, csv string) app.Audience {
	t.Helper()
	a, err := w.core.AudienceFromCSV(w.ctx, ch.ID, strings.NewReader(csv))
	if err != nil {
		t.Fatalf("AudienceFromCSV: %v\nfile:\n%s", err, csv)
	}
	return a
}

// waids are the recipients' WhatsApp ids in order.
func waids(a app.Audience) []string {
	var ids []string
	for _, r := range a.Recipients {
		ids = append(ids, r.WAID)
	}
	return ids
}

// utf16File encodes s as UTF-16 with or without its byte order mark.
func utf16File(s string, bigEndian, bom bool) string {
	var order binary.AppendByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		b = order.AppendUint16(b, u)
	}
	return string(b)
}

// The same list saved by Excel as "CSV UTF-8", plain UTF-8, "Unicode
// text" (UTF-16 with its mark, little or big endian, or without one) and
// Windows "CSV" (Windows-1252) reads the same: names with umlauts intact.
func TestAudienceCSVEncodings(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	text := "Name;Telefon;Straße\r\nJürgen Müller;0170 1234567;Hauptstraße 1\r\nRenée Œdipe;+49 171 7654321;Königsallee 2\r\n"
	latin1 := strings.NewReplacer("ü", "\xfc", "ß", "\xdf", "é", "\xe9", "Œ", "\x8c", "ö", "\xf6").Replace(text)
	files := map[string]string{
		"UTF-8":              text,
		"UTF-8 with BOM":     "\xef\xbb\xbf" + text,
		"UTF-16 LE with BOM": utf16File(strings.ReplaceAll(text, ";", "\t"), false, true),
		"UTF-16 BE with BOM": utf16File(strings.ReplaceAll(text, ";", "\t"), true, true),
		"UTF-16 LE, no BOM":  utf16File(strings.ReplaceAll(text, ";", "\t"), false, false),
		"Windows-1252":       latin1,
	}
	for name, file := range files {
		a := csvAudience(t, w, ch, file)
		if !slices.Equal(waids(a), []string{"491701234567", "491717654321"}) {
			t.Errorf("%s: recipients %v, invalid %+v", name, waids(a), a.Invalid)
			continue
		}
		if !slices.Equal(a.Columns, []string{"Name", "Telefon", "Straße"}) || a.NumberColumn != "Telefon" {
			t.Errorf("%s: columns %q, number column %q", name, a.Columns, a.NumberColumn)
		}
		r := a.Recipients[1]
		if r.Name != "Renée Œdipe" || r.Columns["Straße"] != "Königsallee 2" || r.Row != 2 {
			t.Errorf("%s: second recipient %+v", name, r)
		}
	}
}

// Commas, semicolons (Excel in much of Europe) and tabs are told apart,
// whichever occur inside the cells; quoted cells may hold the separator,
// quotes and line breaks.
func TestAudienceCSVDelimiters(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	cases := map[string]string{
		"comma":     "name,phone,note\n\"Müller, Hans\",0170 1234567,\"says \"\"hi\"\"; twice\"\nEva,0171 7654321,\"two\nlines\"\n",
		"semicolon": "name;phone;note\nMüller, Hans;0170 1234567;\"says \"\"hi\"\"; twice\"\nEva;0171 7654321;\"two\nlines\"\n",
		"tab":       "name\tphone\tnote\nMüller, Hans\t0170 1234567\t\"says \"\"hi\"\"; twice\"\nEva\t0171 7654321\t\"two\nlines\"\n",
		"old Mac":   "name;phone;note\rMüller, Hans;0170 1234567;\"says \"\"hi\"\"; twice\"\rEva;0171 7654321;\"two\nlines\"",
		"sep= line": "sep=|\r\nname|phone|note\r\nMüller, Hans|0170 1234567|\"says \"\"hi\"\"; twice\"\r\nEva|0171 7654321|\"two\nlines\"",
	}
	for name, file := range cases {
		a := csvAudience(t, w, ch, file)
		if len(a.Recipients) != 2 || len(a.Invalid) != 0 || a.Rows != 2 {
			t.Errorf("%s: %d recipients, %d rows, invalid %+v", name, len(a.Recipients), a.Rows, a.Invalid)
			continue
		}
		first, second := a.Recipients[0], a.Recipients[1]
		if first.Name != "Müller, Hans" || first.Columns["note"] != `says "hi"; twice` || second.Columns["note"] != "two\nlines" {
			t.Errorf("%s: cells %+v / %+v", name, first, second)
		}
	}
}

// The number column is found by its name in the owner's language, a
// WhatsApp column before a mobile one before any phone; else by its
// values; a file of bare numbers has no header row.
func TestAudienceCSVNumberColumn(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	cases := []struct {
		name, file, column string
		columns            []string
	}{
		{"English", "Order number,Name,Phone\n10023,Anna,0170 1234567\n", "Phone", nil},
		{"German", "Kundennummer;Name;Telefonnummer\n100234;Anna;0170 1234567\n", "Telefonnummer", nil},
		{"Portuguese", "Nome,Telefone\nAna,0170 1234567\n", "Telefone", nil},
		{"Spanish", "Nombre;Teléfono móvil\nAna;0170 1234567\n", "Teléfono móvil", nil},
		{"Brazilian", "Nome,Celular\nAna,0170 1234567\n", "Celular", nil},
		{"Indonesian", "Nama,Nomor HP\nAni,0170 1234567\n", "Nomor HP", nil},
		{"WhatsApp first", "Phone,WhatsApp\n030 1234567,0170 1234567\n", "WhatsApp", nil},
		{"mobile before phone", "Telefon,Handy\n030 1234567,0170 1234567\n", "Handy", nil},
		{"by values", "Kunde,Kontakt,Stadt\nAnna,0170 1234567,Berlin\n", "Kontakt", nil},
		{"a customer number before the phone", "Kundennr,Kontakt\n1002345,0170 1234567\n1002346,0171 7654321\n", "Kontakt", nil},
		{"no header", "0170 1234567\n+49 171 7654321\n", "Column 1", []string{"Column 1"}},
		{"no header, number second", "Anna,0170 1234567\nBen,0171 7654321,extra\n", "Column 2", []string{"Column 1", "Column 2", "Column 3"}},
		{"repeated and empty names", "Phone,,Phone\n0170 1234567,x,y\n", "Phone", []string{"Phone", "Column 2", "Phone (2)"}},
	}
	for _, tc := range cases {
		a := csvAudience(t, w, ch, tc.file)
		if a.NumberColumn != tc.column || len(a.Recipients) == 0 || a.Recipients[0].WAID != "491701234567" {
			t.Errorf("%s: number column %q, recipients %v, invalid %+v; want %q", tc.name, a.NumberColumn, waids(a), a.Invalid, tc.column)
		}
		if tc.columns != nil && !slices.Equal(a.Columns, tc.columns) {
			t.Errorf("%s: columns %q, want %q", tc.name, a.Columns, tc.columns)
		}
	}
	if a := csvAudience(t, w, ch, "0170 1234567\n"); a.Rows != 1 || a.Recipients[0].Row != 1 {
		t.Errorf("a one-number file: %+v", a)
	}
}

// Numbers without a country code are read as numbers of the channel's
// country: "030 1234567" is Berlin for a German channel and invalid for a
// Brazilian one, where "(11) 98765-4321" is São Paulo.
func TestAudienceCSVDefaultRegion(t *testing.T) {
	w := newWorld(t)
	de := w.addChannel(t)
	w.emu.AddNumber("KEY-BR-0123456789", "+5511912345678", "Loja")
	br, err := w.core.AddChannel(w.ctx, app.NewChannel{Name: "Loja", Number: "+5511912345678", APIKey: "KEY-BR-0123456789"})
	if err != nil {
		t.Fatal(err)
	}
	file := "phone\n030 1234567\n(11) 98765-4321\n+44 7911 123456\n"
	a := csvAudience(t, w, de, file)
	if !slices.Equal(waids(a), []string{"49301234567", "447911123456"}) || len(a.Invalid) != 1 || a.Invalid[0].Row != 2 {
		t.Errorf("German channel: %v, invalid %+v", waids(a), a.Invalid)
	}
	a = csvAudience(t, w, br, file)
	if !slices.Equal(waids(a), []string{"5511987654321", "447911123456"}) ||
		len(a.Invalid) != 1 || a.Invalid[0].Row != 1 || a.Invalid[0].Reason != "not a valid number for Brazil" {
		t.Errorf("Brazilian channel: %v, invalid %+v", waids(a), a.Invalid)
	}
}

// Each invalid row is listed with its row (the first data row is 1, and
// its line as the spreadsheet shows it) and why, in plain words; valid
// rows go on.
func TestAudienceCSVInvalidRows(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	file := strings.Join([]string{
		"Name,Phone",
		"Anna,0170 1234567",
		"Ben,",
		"Cleo,0170 12",
		"",
		"Dora,call me",
		"Emil,4.91701E+11",
		"Fritz,0800 1234567",
		"Gus,+999 1234567",
		"Hanna,+49 170 1234567890123",
		"Ida,=1+1 " + strings.Repeat("9", 50),
		"Jon,0171 7654321",
	}, "\n")
	a := csvAudience(t, w, ch, file)
	if !slices.Equal(waids(a), []string{"491701234567", "491717654321"}) || a.Rows != 10 {
		t.Fatalf("recipients %v, rows %d", waids(a), a.Rows)
	}
	want := []app.InvalidRow{
		{Row: 2, Line: 3, Value: "", Reason: "no number"},
		{Row: 3, Line: 4, Value: "0170 12", Reason: "not a valid number for Germany"},
		{Row: 5, Line: 6, Value: "call me", Reason: "not a phone number (it has letters)"},
		{Row: 6, Line: 7, Value: "4.91701E+11", Reason: "the spreadsheet wrote it as 4.91701E+11 and lost digits: format the column as text and type the numbers again"},
		{Row: 7, Line: 8, Value: "0800 1234567", Reason: "a toll-free number, not a customer's phone"},
		{Row: 8, Line: 9, Value: "+999 1234567", Reason: "unknown country code"},
		{Row: 9, Line: 10, Value: "+49 170 1234567890123", Reason: "too long for a number in Germany"},
		{Row: 10, Line: 11, Value: "=1+1 " + strings.Repeat("9", 34) + "…", Reason: "a formula, not a number"},
	}
	if !slices.Equal(a.Invalid, want) {
		t.Errorf("invalid rows:\n got %+v\nwant %+v", a.Invalid, want)
	}
	if a.Recipients[1].Row != 11 {
		t.Errorf("the last recipient is row %d, want 11 (a blank row counts)", a.Recipients[1].Row)
	}
}

// The same customer written in any format is one recipient, from the
// first row, with what later rows add to its empty cells; each later row
// is counted as a duplicate.
func TestAudienceCSVDuplicates(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	file := strings.Join([]string{
		"name;phone;city",
		"Anna;+49 170 1234567;",
		"Anna B.;0170 1234567;Berlin",
		"x;0049 170 1234567;Hamburg",
		"y;491701234567;",
		"z;+49 (170) 123-4567;",
		"w;=\"0170 1234567\";",
		"v;+49 (0)170 1234567;",
		"u;'0170/1234567;",
		"t;٠١٧٠ ١٢٣٤٥٦٧;",
		"s;０１７０ １２３４５６７;",
		"Ben;0171 7654321;Köln",
	}, "\n")
	a := csvAudience(t, w, ch, file)
	if !slices.Equal(waids(a), []string{"491701234567", "491717654321"}) || a.Duplicates != 9 || a.Rows != 11 {
		t.Fatalf("recipients %v, duplicates %d, rows %d", waids(a), a.Duplicates, a.Rows)
	}
	anna := a.Recipients[0]
	if anna.Name != "Anna" || anna.Row != 1 || anna.Columns["city"] != "Berlin" || anna.Columns["phone"] != "+49 170 1234567" {
		t.Errorf("merged recipient %+v", anna)
	}
}

// A customer who already writes to the channel is taken with the
// conversation and the name Parley knows, even when the file writes
// their number otherwise (a Brazilian id without the ninth digit); one
// who opted out is left out and counted, once however many rows they
// have.
func TestAudienceCSVKnownAndOptedOut(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	anna, err := w.store.ConversationFor(w.ctx, ch.ID, "491701234567", "Anna Profile")
	if err != nil {
		t.Fatal(err)
	}
	stop, err := w.store.ConversationFor(w.ctx, ch.ID, "491717654321", "Stopper")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.core.SetOptedOut(w.ctx, stop.ID, true); err != nil {
		t.Fatal(err)
	}
	old, err := w.store.ConversationFor(w.ctx, ch.ID, "551187654321", "")
	if err != nil {
		t.Fatal(err)
	}
	file := "Name,Phone\nAnnie,0170 1234567\nS,0171 7654321\nS again,+49 171 7654321\nCarla,+55 11 98765-4321\nDirk,0172 1111111\n"
	a := csvAudience(t, w, ch, file)
	if a.OptedOut != 1 || a.Duplicates != 1 || len(a.Recipients) != 3 {
		t.Fatalf("opted out %d, duplicates %d, recipients %v", a.OptedOut, a.Duplicates, waids(a))
	}
	want := []app.Recipient{
		{WAID: "491701234567", Name: "Anna Profile", ConversationID: anna.ID, Row: 1},
		{WAID: "551187654321", Name: "Carla", ConversationID: old.ID, Row: 4},
		{WAID: "491721111111", Name: "Dirk", Row: 5},
	}
	for i, r := range a.Recipients {
		if r.WAID != want[i].WAID || r.Name != want[i].Name || r.ConversationID != want[i].ConversationID || r.Row != want[i].Row {
			t.Errorf("recipient %d = %+v, want %+v", i, r, want[i])
		}
	}
}

// Cells starting with = + - @ are kept as the text they are, never
// evaluated; Excel's ="0170 1234567" around a number is read as the
// number.
func TestAudienceCSVFormulaCellsStayText(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	file := "phone,name,note\n=\"0170 1234567\",=HYPERLINK(\"http://x\"),+SUM(A1:A9)\n0171 7654321,@cmd,-2+3\n"
	a := csvAudience(t, w, ch, file)
	if len(a.Recipients) != 2 {
		t.Fatalf("recipients %v, invalid %+v", waids(a), a.Invalid)
	}
	r0, r1 := a.Recipients[0].Columns, a.Recipients[1].Columns
	if r0["name"] != `=HYPERLINK("http://x")` || r0["note"] != "+SUM(A1:A9)" || r1["name"] != "@cmd" || r1["note"] != "-2+3" {
		t.Errorf("cells changed: %q, %q", r0, r1)
	}
}

// Rows with fewer cells than the header read the missing ones as empty
// (no number is an invalid row); extra cells are left out and counted.
func TestAudienceCSVRaggedRows(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	a := csvAudience(t, w, ch, "name,phone\nAnna\nBen,0170 1234567,extra,cells\nCleo,0171 7654321,,\n")
	if len(a.Recipients) != 2 || a.ExtraCells != 1 || len(a.Invalid) != 1 || a.Invalid[0] != (app.InvalidRow{Row: 1, Line: 2, Reason: "no number"}) {
		t.Errorf("recipients %v, extra %d, invalid %+v", waids(a), a.ExtraCells, a.Invalid)
	}
	if len(a.Recipients[0].Columns) != 2 {
		t.Errorf("columns of a row with extra cells: %q", a.Recipients[0].Columns)
	}
	a = csvAudience(t, w, ch, "\r\n\r\nname,phone\n\nAnna,0170 12\n")
	if len(a.Invalid) != 1 || a.Invalid[0].Row != 2 || a.Invalid[0].Line != 5 {
		t.Errorf("rows counted from a header after blank rows: %+v", a.Invalid)
	}
}

// fileRefusal is the message of a refused file at FieldBroadcastFile.
func fileRefusal(t *testing.T, err error) string {
	t.Helper()
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) || !errors.Is(err, app.ErrAudienceFile) || verrs.For(app.FieldBroadcastFile) == "" {
		t.Fatalf("not a refusal at the file field: %v", err)
	}
	return verrs.For(app.FieldBroadcastFile)
}

// A long file (checked on every processor) keeps the file's order: the
// first row of each customer wins, every row is accounted for.
func TestAudienceCSVLongFile(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	var b strings.Builder
	b.WriteString("phone,n\n")
	for i := range 3000 {
		switch {
		case i%100 == 99:
			b.WriteString("0151 12,bad\n")
		case i%10 == 9:
			fmt.Fprintf(&b, "+49 151 %08d,dup\n", i-5)
		default:
			fmt.Fprintf(&b, "0151 %08d,%d\n", i, i)
		}
	}
	a := csvAudience(t, w, ch, b.String())
	if a.Rows != 3000 || len(a.Invalid) != 30 || a.Duplicates != 270 || len(a.Recipients) != 2700 {
		t.Fatalf("rows %d, invalid %d, duplicates %d, recipients %d", a.Rows, len(a.Invalid), a.Duplicates, len(a.Recipients))
	}
	for k, r := range a.Recipients {
		i := k + k/9
		if r.WAID != fmt.Sprintf("49151%08d", i) || r.Row != i+1 || r.Columns["n"] != fmt.Sprint(i) {
			t.Fatalf("recipient %d = %+v, want row %d", k, r, i+1)
		}
	}
	if a.Invalid[29].Row != 3000 {
		t.Errorf("last invalid row %+v", a.Invalid[29])
	}
}
