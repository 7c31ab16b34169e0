package waformat

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newParser returns a goldmark parser that knows only WhatsApp's
// formatting. It has no CommonMark block parsers (no headings, lists,
// quotes, code blocks, thematic breaks or HTML), no paragraph transformers
// (no link reference definitions) and none of the default inline parsers
// (no links, autolinks, raw HTML, code spans or CommonMark emphasis).
// The returned parser is safe for concurrent use.
func newParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(lineParser{}, 100)),
		parser.WithInlineParsers(
			util.Prioritized(backslashParser{}, 100),
			util.Prioritized(paramParser{}, 200),
			util.Prioritized(codeParser{}, 300),
			util.Prioritized(emphasisParser{}, 400),
		),
	)
}

var (
	kindLine   = ast.NewNodeKind("WhatsAppLine")
	kindFormat = ast.NewNodeKind("WhatsAppFormat")
	kindCode   = ast.NewNodeKind("WhatsAppCode")
	kindParam  = ast.NewNodeKind("WhatsAppParam")
)

// lineNode is one line of the message. Making every line its own block
// keeps goldmark's delimiter processing, which runs once per block, from
// pairing markers across a line break.
type lineNode struct{ ast.BaseBlock }

func (n *lineNode) Kind() ast.NodeKind { return kindLine }

func (n *lineNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// formatNode is a span formatted by a pair of emphasis markers.
type formatNode struct {
	ast.BaseInline
	char  byte
	style Style
}

func (n *formatNode) Kind() ast.NodeKind { return kindFormat }

func (n *formatNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"style": n.style.String()}, nil)
}

// codeNode is a monospace span. Its children are text and parameters; the
// backtick markers it consumed are recorded in the parse state.
type codeNode struct{ ast.BaseInline }

func (n *codeNode) Kind() ast.NodeKind { return kindCode }

func (n *codeNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// paramNode is a template parameter such as {{1}}.
type paramNode struct {
	ast.BaseInline
	n       int
	segment text.Segment
}

func (n *paramNode) Kind() ast.NodeKind { return kindParam }

func (n *paramNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"param": string(n.segment.Value(src))}, nil)
}

// lineParser opens one block per non-empty line. The block's only segment
// is the line without its line break, so goldmark's hard line break
// handling ("\\\n", two trailing spaces) never removes characters.
type lineParser struct{}

func (lineParser) Trigger() []byte { return nil }

func (lineParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	if n := len(line); n > 0 && line[n-1] == '\n' {
		segment = segment.WithStop(segment.Stop - 1)
	}
	node := &lineNode{}
	if segment.Len() > 0 {
		node.Lines().Append(segment)
	}
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

func (lineParser) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }

func (lineParser) Close(ast.Node, text.Reader, parser.Context) {}

func (lineParser) CanInterruptParagraph() bool { return true }

func (lineParser) CanAcceptIndentedLine() bool { return true }

// consumedKey stores the source offsets of the marker bytes a parse
// consumed (emphasis delimiters and backtick runs), see state.
var consumedKey = parser.NewContextKey()

// state is the per-parse bookkeeping shared by the inline parsers.
type state struct {
	delimiters []*parser.Delimiter // every emphasis delimiter pushed
	markers    []text.Segment      // backtick runs consumed by monospace spans
}

func stateOf(pc parser.Context) *state {
	return pc.ComputeIfAbsent(consumedKey, func() any { return &state{} }).(*state)
}
