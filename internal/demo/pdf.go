package demo

import (
	"bytes"
	"fmt"
	"strings"
)

// pdfDocument writes a one-page A4 PDF with a title and lines of text in
// Helvetica: the demo's menus, order lists and invoices. Text is encoded
// as WinAnsi, which covers German umlauts, ß, € and the dashes used here.
func pdfDocument(title string, lines []string) []byte {
	var content strings.Builder
	content.WriteString("BT /F2 20 Tf 56 780 Td (" + pdfText(title) + ") Tj ET\n")
	content.WriteString("BT /F1 12 Tf 16 TL 56 740 Td\n")
	for _, l := range lines {
		content.WriteString("(" + pdfText(l) + ") Tj T*\n")
	}
	content.WriteString("ET\n")
	stream := content.String()

	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " +
			"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// winAnsi maps the non-ASCII characters the demo uses to WinAnsi bytes.
var winAnsi = map[rune]byte{
	'ä': 0xe4, 'ö': 0xf6, 'ü': 0xfc, 'Ä': 0xc4, 'Ö': 0xd6, 'Ü': 0xdc, 'ß': 0xdf,
	'é': 0xe9, '€': 0x80, '–': 0x96, '—': 0x97, '•': 0x95, '×': 0xd7, '·': 0xb7,
}

// pdfText encodes s as a PDF string body: WinAnsi bytes with (, ) and \
// escaped; characters WinAnsi lacks become "?".
func pdfText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case winAnsi[r] != 0:
			b.WriteByte(winAnsi[r])
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// weeklyMenuPDF is the bakery's menu of the week.
func weeklyMenuPDF(english bool) []byte {
	if english {
		return pdfDocument("Bäckerei Sonnenschein – Menu of the week", []string{
			"Breads", "• Sourdough rye, 1 kg – 5.80 €", "• Spelt wholegrain, 750 g – 5.20 €",
			"• Country loaf with walnuts – 6.40 €", "",
			"Cakes", "• Cheesecake with berries – 3.60 € a slice", "• Plum crumble – 3.20 € a slice", "",
			"Lunch (Mon–Fri, 11:30–14:00)", "• Lentil soup with bread – 6.90 €", "• Quiche of the day with salad – 8.50 €",
		})
	}
	return pdfDocument("Bäckerei Sonnenschein – Wochenkarte", []string{
		"Brote", "• Roggen-Sauerteigbrot, 1 kg – 5,80 €", "• Dinkel-Vollkornbrot, 750 g – 5,20 €",
		"• Landbrot mit Walnüssen – 6,40 €", "",
		"Kuchen", "• Käsekuchen mit Beeren – 3,60 € pro Stück", "• Pflaumenstreusel – 3,20 € pro Stück", "",
		"Mittagstisch (Mo–Fr, 11:30–14:00 Uhr)", "• Linsensuppe mit Brot – 6,90 €", "• Quiche des Tages mit Salat – 8,50 €",
	})
}

// invoicePDF is a catering invoice.
func invoicePDF() []byte {
	return pdfDocument("Rechnung 2024-0117", []string{
		"Bäckerei Sonnenschein · Bergmannstraße 42 · 10961 Berlin", "",
		"Catering Büro-Frühstück, 25 Personen", "",
		"25 × Frühstückskorb – 12,50 € = 312,50 €", "2 × Kaffee-Thermoskanne – 9,00 € = 18,00 €",
		"Lieferung – 0,00 €", "", "Summe: 330,50 € (inkl. 7 % MwSt.)", "",
		"Bitte überweisen Sie den Betrag innerhalb von 14 Tagen.",
	})
}

// officeOrderPDF is a customer's office breakfast order.
func officeOrderPDF() []byte {
	return pdfDocument("Bestellung Büro-Frühstück – Freitag", []string{
		"Firma: Schulz & Partner Steuerberatung", "Lieferung: Freitag, bis 8:30 Uhr", "",
		"• 30 belegte Brötchen (gemischt, 10 davon vegetarisch)", "• 25 Croissants",
		"• 2 Obstplatten", "• 1 Blech Streuselkuchen", "", "Ansprechpartnerin: Petra Schulz",
	})
}

// guestListPDF is the final head count for the office breakfast.
func guestListPDF() []byte {
	return pdfDocument("Teilnehmerliste Freitag", []string{
		"Büro-Frühstück Schulz & Partner", "", "Zusagen: 27 Personen", "davon vegetarisch: 11", "davon vegan: 3",
	})
}
