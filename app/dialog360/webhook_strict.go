package dialog360

import (
	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// whStrictOptions make jsonv2 match object member names the way
// encoding/json does (case-insensitively, underscores included). Its
// other defaults are stricter than encoding/json: duplicate names,
// invalid UTF-8 and a value of the wrong JSON type are errors.
var whStrictOptions = jsonv2.JoinOptions(
	jsonv2.MatchCaseInsensitiveNames(true),
	jsonv1.MatchCaseSensitiveDelimiter(true),
)

// whDecodeStrict decodes body into p with jsonv2, the prototype of Go's
// encoding/json/v2 by its maintainers. It reads the body once, where
// encoding/json checks it in full before decoding it, and about three
// times as fast. It fails on anything encoding/json would be lenient
// about; when it succeeds, p is what encoding/json would have decoded
// (FuzzStrictDecodeAgrees checks this).
func whDecodeStrict(body []byte, p *whPayload) error {
	return jsonv2.Unmarshal(body, p, whStrictOptions)
}
