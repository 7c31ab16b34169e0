package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// graphErr is an error in Meta's Graph format, which 360dialog passes on.
type graphErr struct {
	code    int
	subcode int
	message string // short title, e.g. "Re-engagement message"
	details string // error_data.details
	title   string // error_user_title
	userMsg string // error_user_msg
}

// writeGraphError answers {"error":{...}} with status.
func writeGraphError(w http.ResponseWriter, status int, g graphErr) {
	body := map[string]any{
		"message":    fmt.Sprintf("(#%d) %s", g.code, g.message),
		"type":       "OAuthException",
		"code":       g.code,
		"fbtrace_id": "AEmulatorTrace",
	}
	if g.subcode != 0 {
		body["error_subcode"] = g.subcode
	}
	if g.details != "" {
		body["error_data"] = map[string]string{"messaging_product": "whatsapp", "details": g.details}
	}
	if g.title != "" {
		body["error_user_title"] = g.title
	}
	if g.userMsg != "" {
		body["error_user_msg"] = g.userMsg
	}
	writeJSON(w, status, map[string]any{"error": body})
}

// invalidParam is Graph's generic validation error (code 100).
func invalidParam(details string) graphErr {
	return graphErr{code: 100, message: "Invalid parameter", details: details}
}

// writeJSON answers v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// decodeBody reads a JSON request body into v, answering 400 when it is
// not JSON. It reports whether decoding worked.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<20))
	if err := dec.Decode(v); err != nil {
		writeGraphError(w, http.StatusBadRequest, graphErr{code: 100, message: "Invalid parameter",
			details: "The request body is not valid JSON: " + err.Error()})
		return false
	}
	return true
}
