package app

import (
	"bufio"
	"fmt"
	"html/template"
	"strings"
	"time"
)

// exportDoc is one conversation as its export shows it.
type exportDoc struct {
	Customer, Number, Channel string
	Exported                  time.Time
	Rows                      []exportRow
}

// exportRow is one message of an export. Every text in it came from
// outside Parley (customers write what they like): html/template escapes
// it wherever it goes.
type exportRow struct {
	Time, Who string
	Out       bool   // written by the business
	Text      string // the message text or caption, else Summary
	Summary   string // what kind of message it is, in words
	File      string // link to the copied attachment, relative to the page
	Photo     bool   // File is a picture, shown in the page
	Missing   string // why an attachment is not beside the page
}

// exportIndex is the page listing every exported conversation.
type exportIndex struct {
	Exported time.Time
	Channels int
	Rows     []exportIndexRow
}

type exportIndexRow struct {
	Name, Number, Link, Last string
	Messages                 int
}

const exportStyle = `<style>
body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em;color:#111b21;background:#efeae2}
h1{font-size:1.4em;margin-bottom:0}.sub{color:#667781;margin-top:.2em}
.m{background:#fff;border-radius:8px;padding:.5em .8em;margin:.5em 4em .5em 0;box-shadow:0 1px .5px rgba(0,0,0,.13)}
.m.out{background:#d9fdd3;margin:.5em 0 .5em 4em}
.who{font-weight:600;font-size:.9em}.t{color:#667781;font-size:.8em;float:right}
.x{white-space:pre-wrap;overflow-wrap:anywhere}img{max-width:100%;border-radius:6px}
table{border-collapse:collapse;background:#fff}td,th{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:left}
</style>`

var conversationHTML = template.Must(template.New("conversation").Funcs(template.FuncMap{"when": exportTime}).Parse(
	`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{.Customer}} – Parley</title>` + exportStyle + `</head><body>
<h1>{{.Customer}}</h1>
<p class="sub">{{.Number}}{{if .Channel}} · with {{.Channel}}{{end}} · exported from Parley on {{when .Exported}}</p>
{{range .Rows}}<div class="m{{if .Out}} out{{end}}"><span class="t">{{.Time}}</span><div class="who">{{.Who}}</div>
{{if .Photo}}<a href="{{.File}}"><img src="{{.File}}" alt="{{.Summary}}"></a>{{else if .File}}<div><a href="{{.File}}">{{.Summary}}</a></div>{{else if .Missing}}<div><i>{{.Summary}} ({{.Missing}})</i></div>{{end}}
{{if .Text}}<div class="x">{{.Text}}</div>{{end}}</div>
{{else}}<p>No messages.</p>{{end}}
</body></html>
`))

var indexHTML = template.Must(template.New("index").Funcs(template.FuncMap{"when": exportTime}).Parse(
	`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Conversations – Parley</title>` + exportStyle + `</head><body>
<h1>Conversations</h1>
<p class="sub">{{len .Rows}} conversations · exported from Parley on {{when .Exported}}</p>
<table><tr><th>Customer</th><th>Number</th><th>Messages</th><th>Last message</th></tr>
{{range .Rows}}<tr><td><a href="{{.Link}}">{{.Name}}</a></td><td>{{.Number}}</td><td>{{.Messages}}</td><td>{{.Last}}</td></tr>
{{end}}</table>
</body></html>
`))

// writeTemplate renders t with data into the new file at path.
func (c *ports) writeTemplate(path string, t *template.Template, data any) error {
	f, err := c.exports.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := t.Execute(w, data); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Commit()
}

// writeText writes the conversation as plain text: one message a
// paragraph, "[time] who: text", attachments as their path.
func (c *ports) writeText(path string, d exportDoc) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s", d.Customer, d.Number)
	if d.Channel != "" {
		fmt.Fprintf(&b, " · with %s", d.Channel)
	}
	fmt.Fprintf(&b, "\nExported from Parley on %s\n\n", exportTime(d.Exported))
	for _, r := range d.Rows {
		fmt.Fprintf(&b, "[%s] %s: ", r.Time, r.Who)
		switch {
		case r.File != "":
			fmt.Fprintf(&b, "<%s: %s> ", r.Summary, r.File)
		case r.Missing != "":
			fmt.Fprintf(&b, "<%s: %s> ", r.Summary, r.Missing)
		}
		// Each continuation line is indented, so no line a customer
		// wrote can pass for a message of its own.
		b.WriteString(strings.ReplaceAll(r.Text, "\n", "\n    "))
		b.WriteString("\n\n")
	}
	f, err := c.exports.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write([]byte(b.String())); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Commit()
}
