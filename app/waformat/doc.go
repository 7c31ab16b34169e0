// Package waformat parses WhatsApp's message formatting, as used in message
// template bodies, into styled spans a UI can draw.
//
// WhatsApp knows only a handful of markers, all inside one line:
//
//	*bold*  _italic_  ~strikethrough~  ```monospace```  `inline code`
//
// plus template parameters {{1}}, {{2}}, …. Everything else CommonMark
// would interpret (headings, lists, links, HTML, block quotes, indented
// code, ** strong emphasis, backslash escapes) is plain text on WhatsApp and
// therefore plain text here.
//
// The parser is built on github.com/yuin/goldmark: a goldmark parser with a
// single block parser (one block per line, so nothing CommonMark does to
// blocks applies and no formatting crosses a line break) and custom inline
// parsers triggered by '*', '_', '~', '`', '{' and '\'. Emphasis markers use
// goldmark's delimiter machinery with WhatsApp's flanking rules:
//
//   - An opening marker is followed by a non-space character and is not
//     preceded by a letter or digit: "a*b*c", "snake_case_name" and
//     "2*3*4" stay as typed. WhatsApp formats only at word boundaries.
//   - A closing marker is preceded by a non-space character and is not
//     followed by a letter or digit: "*bold *" stays as typed.
//   - A marker right next to the same marker cannot open (when followed by
//     it) or close (when preceded by it), so "**word**" shows as "*word*"
//     with the word in bold, as WhatsApp does.
//   - A closer pairs with the nearest earlier opener of the same marker on
//     the same line; a span never contains a formatted span of its own
//     marker, so "*a *b* c*" gives "*a " + bold "b" + " c*".
//   - Different markers nest: "*bold _both_*". Overlapping pairs do not:
//     in "*a _b* c_" only the bold pair is formatted.
//   - Unclosed markers are shown literally.
//
// Monospace needs no word boundary: ```text``` and `text` are monospace
// when a closing run is found later on the same line and the content is not
// empty; markers inside monospace are literal. A run of exactly two
// backticks is literal. Parameters are recognised everywhere, including
// inside monospace, because WhatsApp substitutes them before formatting.
// A parameter is "{{" + a number from 1 to 999 without leading zeros + "}}".
//
// Line breaks are kept exactly: every "\n" becomes its own Span{Text: "\n"}
// and blank lines produce consecutive newline spans. "\r\n" counts as "\n".
package waformat
