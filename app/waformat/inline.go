package waformat

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// emphasisProcessor pairs one kind of emphasis marker.
type emphasisProcessor struct {
	char  byte
	style Style
}

var processors = map[byte]*emphasisProcessor{
	'*': {'*', Bold},
	'_': {'_', Italic},
	'~': {'~', Strike},
}

func (p *emphasisProcessor) IsDelimiter(b byte) bool { return b == p.char }

// CanOpenCloser pairs markers of the same kind, unless the text between
// them already holds a span formatted with that marker.
func (p *emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	if opener.Char != closer.Char {
		return false
	}
	for n := opener.NextSibling(); n != nil && n != ast.Node(closer); n = n.NextSibling() {
		if containsFormat(n, p.char) {
			return false
		}
	}
	return true
}

func (p *emphasisProcessor) OnMatch(int) ast.Node {
	return &formatNode{char: p.char, style: p.style}
}

// containsFormat reports whether n is or contains a span formatted with char.
func containsFormat(n ast.Node, char byte) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := c.(*formatNode); ok && entering && f.char == char {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// emphasisParser turns '*', '_' and '~' into delimiters following
// WhatsApp's word-boundary rules (see the package comment).
type emphasisParser struct{}

func (emphasisParser) Trigger() []byte { return []byte{'*', '_', '~'} }

func (emphasisParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	c := line[0]
	proc := processors[c]
	if proc == nil {
		return nil
	}
	before := block.PrecendingCharacter()
	after := '\n'
	if len(line) > 1 {
		after, _ = utf8.DecodeRune(line[1:])
	}
	marker := rune(c)
	canOpen := !unicode.IsSpace(after) && !isWordRune(before) && after != marker
	canClose := !unicode.IsSpace(before) && !isWordRune(after) && before != marker
	if !canOpen && !canClose {
		return nil
	}
	d := parser.NewDelimiter(canOpen, canClose, 1, c, proc)
	d.Segment = segment.WithStop(segment.Start + 1)
	block.Advance(1)
	pc.PushDelimiter(d)
	st := stateOf(pc)
	st.delimiters = append(st.delimiters, d)
	return d
}

// isWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// codeParser parses ```monospace``` and `inline code` within one line.
type codeParser struct{}

func (codeParser) Trigger() []byte { return []byte{'`'} }

func (codeParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	run := 0
	for run < len(line) && line[run] == '`' {
		run++
	}
	literal := func() ast.Node {
		block.Advance(run)
		return ast.NewTextSegment(segment.WithStop(segment.Start + run))
	}
	var marker []byte
	switch {
	case run == 1:
		marker = []byte{'`'}
	case run >= 3:
		marker = []byte("```")
	default:
		return literal()
	}
	open := len(marker)
	closeAt := bytes.Index(line[open:], marker)
	if closeAt <= 0 { // no closer, or nothing between the markers
		return literal()
	}
	start := segment.Start + open
	stop := start + closeAt
	node := &codeNode{}
	appendTextAndParams(node, block.Source(), start, stop)
	st := stateOf(pc)
	st.markers = append(st.markers,
		text.NewSegment(segment.Start, start),
		text.NewSegment(stop, stop+open))
	block.Advance(open + closeAt + open)
	return node
}

// appendTextAndParams appends source[start:stop] to parent as text nodes
// and parameter nodes.
func appendTextAndParams(parent ast.Node, source []byte, start, stop int) {
	textStart := start
	for i := start; i < stop; i++ {
		if source[i] != '{' {
			continue
		}
		n, l := scanParam(source[i:stop])
		if l == 0 {
			continue
		}
		if i > textStart {
			parent.AppendChild(parent, ast.NewTextSegment(text.NewSegment(textStart, i)))
		}
		parent.AppendChild(parent, &paramNode{n: n, segment: text.NewSegment(i, i+l)})
		i += l - 1
		textStart = i + 1
	}
	if stop > textStart {
		parent.AppendChild(parent, ast.NewTextSegment(text.NewSegment(textStart, stop)))
	}
}

// paramParser parses template parameters {{1}} … {{999}}.
type paramParser struct{}

func (paramParser) Trigger() []byte { return []byte{'{'} }

func (paramParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, segment := block.PeekLine()
	n, l := scanParam(line)
	if l == 0 {
		return nil
	}
	block.Advance(l)
	return &paramNode{n: n, segment: segment.WithStop(segment.Start + l)}
}

// scanParam reads a parameter at the start of b and returns its number and
// length in bytes, or 0, 0 when b does not start with one.
func scanParam(b []byte) (n, length int) {
	if len(b) < 5 || b[0] != '{' || b[1] != '{' || b[2] < '1' || b[2] > '9' {
		return 0, 0
	}
	i := 2
	for i < len(b) && i < 5 && b[i] >= '0' && b[i] <= '9' {
		n = n*10 + int(b[i]-'0')
		i++
	}
	if i+1 >= len(b) || b[i] != '}' || b[i+1] != '}' {
		return 0, 0
	}
	return n, i + 2
}

// backslashParser makes a backslash an ordinary character. WhatsApp has no
// backslash escapes, but goldmark's inline scanner would treat "\*" as an
// escaped marker; taking the backslash as text first prevents that.
type backslashParser struct{}

func (backslashParser) Trigger() []byte { return []byte{'\\'} }

func (backslashParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	_, segment := block.PeekLine()
	block.Advance(1)
	return ast.NewTextSegment(segment.WithStop(segment.Start + 1))
}
