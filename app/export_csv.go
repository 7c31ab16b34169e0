package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
)

// contactColumns are the columns of the contacts export, in order.
var contactColumns = []string{"Channel", "WhatsApp number", "WhatsApp name", "Name on your phone", "Your name",
	"Email", "Birthday", "Address", "Notes", "First contact", "Last contact",
	"Opted out of marketing", "Opted out by", "Opt-out word"}

// ExportContacts writes every customer of every channel as a CSV file
// at path (UTF-8, one row per customer, a header row first), readable by
// spreadsheets. Cells that a spreadsheet would run as a formula are
// defused (see csvCell).
func (c *ExportUseCases) ExportContacts(ctx context.Context, path string) (int, error) {
	cards, err := c.store.ContactCards(ctx)
	if err != nil {
		return 0, fmt.Errorf("export contacts: %w", err)
	}
	chs, err := c.store.Channels(ctx)
	if err != nil {
		return 0, fmt.Errorf("export contacts: %w", err)
	}
	names := map[ChannelID]string{}
	for _, ch := range chs {
		names[ch.ID] = ch.Name
	}
	var b strings.Builder
	b.WriteString("\uFEFF") // a byte order mark: spreadsheets then read UTF-8
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(contactColumns)
	for _, k := range cards {
		_ = w.Write(contactRow(names[k.ChannelID], k))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return 0, fmt.Errorf("export contacts: %w", err)
	}
	f, err := c.exports.Create(path)
	if err != nil {
		return 0, fmt.Errorf("export contacts: %w", err)
	}
	if _, err := f.Write([]byte(b.String())); err != nil {
		f.Abort()
		return 0, fmt.Errorf("export contacts: %w", err)
	}
	if err := f.Commit(); err != nil {
		return 0, fmt.Errorf("export contacts: %w", err)
	}
	return len(cards), nil
}

// contactRow is one customer's cells, each defused.
func contactRow(channel string, k ContactCard) []string {
	birthday := ""
	if !k.Birthday.IsZero() {
		birthday = k.Birthday.Format(BirthdayLayout)
	}
	cells := []string{channel, numberOf(k.WAID), k.ProfileName, k.PhoneName, k.CustomName,
		k.Email, birthday, k.Address, k.Notes, exportTime(k.FirstContact), exportTime(k.LastContact),
		exportTime(k.OptOut.At), optOutByText(k.OptOut), k.OptOut.Word}
	for i, s := range cells {
		cells[i] = csvCell(s)
	}
	return cells
}

// phoneCell is a number as numberOf writes it: a plus, digits and
// spaces, which no spreadsheet can run as anything but arithmetic.
var phoneCell = regexp.MustCompile(`^\+[0-9 ]+$`)

// csvCell defuses a cell a spreadsheet would read as a formula (CSV
// injection): one starting with = + - @, a tab or a carriage return gets
// a leading apostrophe, so it shows as text. A phone number is left as
// it is.
func csvCell(s string) string {
	if s == "" || phoneCell.MatchString(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// optOutByText says in the contacts export who opted the customer out of
// marketing: the customer (by writing a stop word) or the owner.
func optOutByText(o OptOut) string {
	switch {
	case !o.Active():
		return ""
	case o.By == OptedOutByOwner:
		return "you"
	default:
		return "the customer"
	}
}
