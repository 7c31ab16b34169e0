package dialog360

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/parley-app/parley/app"
)

// apiError is one error object in any of the shapes 360dialog answers
// with: Graph ({"error":{...}}), the legacy On-Premise errors[] list, or a
// status error inside a webhook.
type apiError struct {
	Message   string          `json:"message"`
	Type      string          `json:"type"`
	Code      flexInt         `json:"code"`
	Subcode   flexInt         `json:"error_subcode"`
	UserTitle string          `json:"error_user_title"`
	UserMsg   string          `json:"error_user_msg"`
	Data      json.RawMessage `json:"error_data"`
	Title     string          `json:"title"`
	Details   string          `json:"details"`
}

// errorEnvelope is every top-level shape an error answer may take.
type errorEnvelope struct {
	Error   json.RawMessage `json:"error"`
	Detail  json.RawMessage `json:"detail"`
	Meta    *legacyMeta     `json:"meta"`
	Errors  []apiError      `json:"errors"`
	Message string          `json:"message"`
}

// legacyMeta is the On-Premise "meta" block.
type legacyMeta struct {
	DeveloperMessage string  `json:"developer_message"`
	HTTPCode         flexInt `json:"http_code"`
}

// flexInt decodes a number given as a JSON number or a numeric string.
type flexInt int

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*f = 0
		return nil
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil {
		*f = 0 // a non-numeric code is ignored, not fatal
		return nil
	}
	*f = flexInt(n)
	return nil
}

// errorFacts is what could be learned from an error answer.
type errorFacts struct {
	code, subcode int
	message       string // the provider's words
}

var codeInMessage = regexp.MustCompile(`\(#(\d+)\)`)

// parseError turns a non-2xx answer into a ProviderError with a Kind and
// a plain explanation.
func parseError(status int, body []byte, hdr http.Header) *app.ProviderError {
	f := readErrorBody(body)
	if f.code == 0 {
		if m := codeInMessage.FindStringSubmatch(f.message); m != nil {
			f.code, _ = strconv.Atoi(m[1])
		}
	}
	kind := classify(status, f.code, f.subcode, f.message)
	details := fmt.Sprintf("HTTP %d", status)
	if f.message != "" {
		details += ": " + f.message
	}
	pe := errorFor(kind, status, f.code, details)
	pe.Plain = plainFor(kind, status, f.code, f.subcode, f.message)
	pe.RetryAfter = retryAfter(hdr, time.Now())
	return pe
}

// readErrorBody extracts code, subcode and message from any known shape.
func readErrorBody(body []byte) errorFacts {
	body = bytes.TrimSpace(body)
	var env errorEnvelope
	if len(body) == 0 || body[0] != '{' || json.Unmarshal(body, &env) != nil {
		return errorFacts{message: shorten(string(body))}
	}
	var f errorFacts
	if len(env.Error) > 0 {
		f = factsFromRaw(env.Error)
	}
	if f.code == 0 && f.message == "" && len(env.Detail) > 0 {
		f = factsFromDetail(env.Detail)
	}
	if f.code == 0 && f.message == "" && len(env.Errors) > 0 {
		f = factsFromAPIError(env.Errors[0])
	}
	if f.message == "" && env.Meta != nil {
		f.message = env.Meta.DeveloperMessage
	}
	if f.message == "" {
		f.message = env.Message
	}
	f.message = shorten(f.message)
	return f
}

// factsFromRaw reads an "error" value that is an object or a string.
func factsFromRaw(raw json.RawMessage) errorFacts {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return errorFacts{message: s}
	}
	var e apiError
	if json.Unmarshal(raw, &e) == nil {
		return factsFromAPIError(e)
	}
	return errorFacts{}
}

// factsFromDetail reads MM-Lite's {"detail":{"error":{...}}}, a plain
// detail string, or a list of validation problems.
func factsFromDetail(raw json.RawMessage) errorFacts {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return errorFacts{message: s}
	}
	var wrapped struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(raw, &wrapped) == nil && len(wrapped.Error) > 0 {
		return factsFromRaw(wrapped.Error)
	}
	var list []struct {
		Msg string `json:"msg"`
	}
	if json.Unmarshal(raw, &list) == nil {
		var msgs []string
		for _, l := range list {
			if l.Msg != "" {
				msgs = append(msgs, l.Msg)
			}
		}
		return errorFacts{message: strings.Join(msgs, "; ")}
	}
	return factsFromRaw(raw)
}

// factsFromAPIError picks the most useful words of one error object.
func factsFromAPIError(e apiError) errorFacts {
	f := errorFacts{code: int(e.Code), subcode: int(e.Subcode)}
	parts := []string{}
	for _, s := range []string{e.Message, e.Title, e.UserTitle, e.UserMsg, e.Details, dataDetails(e.Data)} {
		if s != "" && !containsFold(parts, s) {
			parts = append(parts, s)
		}
	}
	f.message = strings.Join(parts, " — ")
	return f
}

// dataDetails reads error_data, an object with "details" or a string.
func dataDetails(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var d struct {
		Details string `json:"details"`
	}
	_ = json.Unmarshal(raw, &d)
	return d.Details
}

func containsFold(list []string, s string) bool {
	for _, l := range list {
		if strings.EqualFold(l, s) {
			return true
		}
	}
	return false
}

// shorten keeps provider words readable in a dialog and a log line.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 400 {
		s = string(r[:400]) + "…"
	}
	return s
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// errorFor builds a ProviderError with the default plain words of kind.
func errorFor(kind app.ErrorKind, status, code int, details string) *app.ProviderError {
	return &app.ProviderError{
		Kind:       kind,
		HTTPStatus: status,
		Code:       code,
		Details:    details,
		Plain:      plainFor(kind, status, code, 0, ""),
	}
}

// transportError classifies a failure that produced no HTTP answer.
// connected reports whether a connection to 360dialog was established.
func transportError(op string, err error, connected bool) *app.ProviderError {
	pe := errorFor(app.KindOffline, 0, 0, op+": "+err.Error())
	pe.Err = err
	switch {
	case errIsTimeout(err) && connected:
		pe.Kind = app.KindUnavailable
		pe.Plain = plainSlow
	case isTLSError(err):
		pe.Plain = plainTLS
	}
	return pe
}

// isTLSError reports certificate and handshake failures, which on a
// laptop usually mean a Wi-Fi login page or an intercepting proxy.
func isTLSError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "x509:") || strings.Contains(msg, "tls:")
}
