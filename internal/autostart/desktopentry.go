//go:build !windows && !darwin

package autostart

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// desktopEntry is the text of e's desktop entry, per the Desktop Entry
// specification (version 1.5). TryExec makes the desktop skip the entry
// once the program is gone (Parley uninstalled without turning this off).
func desktopEntry(e Entry) []byte {
	var b bytes.Buffer
	line := func(key, value string) { fmt.Fprintf(&b, "%s=%s\n", key, escapeValue(value)) }
	b.WriteString("[Desktop Entry]\n")
	line("Type", "Application")
	line("Version", "1.5")
	line("Name", e.Name)
	if e.Comment != "" {
		line("Comment", e.Comment)
	}
	line("Exec", execLine(e.Exec, e.Args))
	line("TryExec", e.Exec)
	if e.Icon != "" {
		line("Icon", e.Icon)
	}
	line("Terminal", "false")
	line("NoDisplay", "false")
	line("X-GNOME-Autostart-enabled", "true")
	return b.Bytes()
}

// execReserved are the characters that oblige an Exec argument to be
// quoted (Desktop Entry specification, "The Exec key").
const execReserved = " \t\n\"'\\><~|&;$*?#()`"

// execLine joins the program and its arguments into an Exec value before
// the string escapes of escapeValue: each argument holding a reserved
// character is put in double quotes, inside which '"', '`', '$' and '\'
// take a backslash; every '%' is doubled, as a single one starts a field
// code (such as %f) even inside quotes.
//
// GLib (GNOME's gio) reads such a line back exactly, checked with
// `gio launch`. Two readers stray from the specification on paths no
// installer uses: GLib and systemd's autostart generator (KDE Plasma)
// look the program up before turning "%%" back into '%', so they skip
// an entry whose program path holds a '%'; the generator also unescapes
// a backslash in an argument twice.
func execLine(program string, args []string) string {
	parts := make([]string, 0, 1+len(args))
	for _, a := range append([]string{program}, args...) {
		a = strings.ReplaceAll(a, "%", "%%")
		if a != "" && !strings.ContainsAny(a, execReserved) {
			parts = append(parts, a)
			continue
		}
		var q strings.Builder
		q.WriteByte('"')
		for _, r := range a {
			if strings.ContainsRune("\"`$\\", r) {
				q.WriteByte('\\')
			}
			q.WriteRune(r)
		}
		q.WriteByte('"')
		parts = append(parts, q.String())
	}
	return strings.Join(parts, " ")
}

// escapeValue applies the escapes of a string value: backslash, line
// breaks and tabs, and a leading space, which readers would trim.
func escapeValue(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == ' ' && i == 0:
			b.WriteString(`\s`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unescapeValue undoes escapeValue. An unknown escape is kept as written.
func unescapeValue(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 's':
			b.WriteByte(' ')
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// splitExec splits an Exec value (after unescapeValue) into the program
// and its arguments, undoing execLine: quotes and their backslashes, and
// "%%". Other field codes (%f, %U, ...) stand for files and URLs, which
// a start at login has none of, so they are dropped.
func splitExec(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inArg, quoted := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quoted && c == '\\' && i+1 < len(s) && strings.IndexByte("\"`$\\", s[i+1]) >= 0:
			i++
			cur.WriteByte(s[i])
		case quoted && c == '"':
			quoted = false
		case quoted:
			cur.WriteByte(c)
		case c == ' ' || c == '\t' || c == '\n':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		case c == '"':
			quoted, inArg = true, true
		default:
			cur.WriteByte(c)
			inArg = true
		}
	}
	if quoted {
		return nil, errors.New("the Exec line has a quote that is not closed")
	}
	if inArg {
		args = append(args, cur.String())
	}
	out := args[:0]
	for _, a := range args {
		if a, ok := expandFieldCodes(a); ok {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("the Exec line names no program")
	}
	return out, nil
}

// expandFieldCodes turns "%%" into '%' and drops other field codes; ok is
// false when the argument was only field codes, which then vanishes.
func expandFieldCodes(a string) (string, bool) {
	if !strings.Contains(a, "%") {
		return a, true
	}
	var b strings.Builder
	for i := 0; i < len(a); i++ {
		switch {
		case a[i] != '%':
			b.WriteByte(a[i])
		case i+1 < len(a) && a[i+1] == '%':
			b.WriteByte('%')
			i++
		default:
			i++ // a field code: %f, %U, ...
		}
	}
	return b.String(), b.Len() > 0
}

// desktopKeys reads the keys of the [Desktop Entry] group, values
// unescaped. Localised keys (Name[fr]) and other groups are left out.
func desktopKeys(data []byte) (map[string]string, error) {
	keys := map[string]string{}
	group := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			group = line[1 : len(line)-1]
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || group != "Desktop Entry" {
			continue
		}
		key = strings.TrimSpace(key)
		if _, seen := keys[key]; !seen {
			keys[key] = unescapeValue(strings.TrimSpace(value))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return keys, nil
}
