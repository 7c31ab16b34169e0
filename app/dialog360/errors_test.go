package dialog360

import (
	"errors"
	"net"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

func TestErrorBodiesInEveryShape(t *testing.T) {
	for name, tc := range map[string]struct {
		status  int
		body    string
		kind    app.ErrorKind
		code    int
		details string
	}{
		"graph object": {400, `{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
			"error_data":{"messaging_product":"whatsapp","details":"More than 24 hours have passed"},"fbtrace_id":"A"}}`,
			app.KindOutsideWindow, 131047, "More than 24 hours have passed"},
		"360 string":       {401, `{"error":"Invalid api key"}`, app.KindBadKey, 0, "Invalid api key"},
		"mm-lite detail":   {400, `{"detail":{"error":{"code":"131026","message":"Message undeliverable"}}}`, app.KindUndeliverable, 131026, "Message undeliverable"},
		"detail string":    {404, `{"detail":"Not Found"}`, app.KindNotFound, 0, "Not Found"},
		"legacy meta":      {400, `{"meta":{"success":false,"http_code":400,"developer_message":"Endpoint rate limit exceeded"}}`, app.KindRateLimited, 0, "rate limit"},
		"legacy errors":    {400, `{"errors":[{"code":470,"title":"Message failed to send because more than 24 hours","details":"re-engagement"}]}`, app.KindOutsideWindow, 470, "re-engagement"},
		"code in message":  {400, `{"error":{"message":"(#132000) Number of parameters does not match"}}`, app.KindParamMismatch, 132000, "Number of parameters"},
		"html gateway":     {502, `<html><body>Bad Gateway</body></html>`, app.KindUnavailable, 0, "Bad Gateway"},
		"empty 403":        {403, ``, app.KindForbidden, 0, ""},
		"string code":      {400, `{"error":{"code":"132001","message":"Template name does not exist"}}`, app.KindTemplateNotFound, 132001, "does not exist"},
		"object missing":   {400, `{"error":{"code":100,"error_subcode":33,"message":"Object does not exist"}}`, app.KindNotFound, 100, ""},
		"unpaid invoice":   {400, `{"error":"Unpaid invoices, API disabled"}`, app.KindForbidden, 0, "Unpaid"},
		"validation list":  {422, `{"detail":[{"loc":["body","url"],"msg":"field required"}]}`, app.KindInvalid, 0, "field required"},
		"unknown 2xx-ish":  {418, `{}`, app.KindInvalid, 0, ""},
		"template subcode": {400, `{"error":{"code":100,"error_subcode":2388040,"message":"Invalid parameter"}}`, app.KindTemplateProblem, 100, ""},
	} {
		t.Run(name, func(t *testing.T) {
			pe := parseError(tc.status, []byte(tc.body), http.Header{})
			if pe.Kind != tc.kind || pe.Code != tc.code || pe.HTTPStatus != tc.status {
				t.Errorf("got kind %d code %d status %d, want %d %d %d (%+v)", pe.Kind, pe.Code, pe.HTTPStatus, tc.kind, tc.code, tc.status, pe)
			}
			if !strings.Contains(pe.Details, tc.details) || pe.Plain == "" {
				t.Errorf("details %q lacks %q (plain %q)", pe.Details, tc.details, pe.Plain)
			}
		})
	}
}

func TestEveryKnownCodeHasItsKind(t *testing.T) {
	for _, tc := range []struct {
		status, code int
		kind         app.ErrorKind
	}{
		{400, 131047, app.KindOutsideWindow}, {400, 470, app.KindOutsideWindow},
		{400, 131026, app.KindUndeliverable},
		{400, 132000, app.KindParamMismatch},
		{400, 132001, app.KindTemplateNotFound}, {404, 132001, app.KindTemplateNotFound},
		{400, 132005, app.KindTemplateProblem}, {400, 132007, app.KindTemplateProblem}, {400, 132012, app.KindTemplateProblem},
		{400, 132015, app.KindTemplateProblem}, {400, 132016, app.KindTemplateProblem}, {400, 2388040, app.KindTemplateProblem},
		{400, 130429, app.KindRateLimited}, {400, 131056, app.KindRateLimited}, {400, 131048, app.KindRateLimited},
		{429, 0, app.KindRateLimited},
		{500, 0, app.KindUnavailable}, {502, 0, app.KindUnavailable}, {503, 0, app.KindUnavailable}, {500, 131000, app.KindUnavailable},
		{403, 0, app.KindForbidden}, {403, 368, app.KindForbidden}, {400, 368, app.KindForbidden},
		{404, 0, app.KindNotFound},
		{401, 0, app.KindBadKey}, {401, 190, app.KindBadKey},
		{400, 100, app.KindInvalid}, {400, 131008, app.KindInvalid},
	} {
		if got := classify(tc.status, tc.code, 0, ""); got != tc.kind {
			t.Errorf("classify(%d, %d) = %d, want %d", tc.status, tc.code, got, tc.kind)
		}
		if p := plainFor(tc.kind, tc.status, tc.code, 0, ""); p == "" || strings.Contains(p, "unexpected") {
			t.Errorf("code %d has no plain words: %q", tc.code, p)
		}
	}
	if got := classify(400, 0, 0, "Endpoint rate limit exceeded"); got != app.KindRateLimited {
		t.Errorf("400 rate limit = %d", got)
	}
}

func TestPlainWordsForTheOwner(t *testing.T) {
	for kind, want := range map[app.ErrorKind]string{
		app.KindBadKey:        "Copy it again from the 360dialog hub",
		app.KindOffline:       "Check your internet connection",
		app.KindOutsideWindow: "24 hours",
		app.KindRateLimited:   "try again",
	} {
		if got := plainFor(kind, 0, 0, 0, ""); !strings.Contains(got, want) {
			t.Errorf("kind %d: %q lacks %q", kind, got, want)
		}
	}
}

func TestRetryAfterHeader(t *testing.T) {
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"":                              0,
		"5":                             5 * time.Second,
		"-3":                            0,
		"soon":                          0,
		"Wed, 01 Jan 2025 12:00:30 GMT": 30 * time.Second,
	} {
		h := http.Header{}
		h.Set("Retry-After", v)
		if got := retryAfter(h, now); got != want {
			t.Errorf("Retry-After %q = %v, want %v", v, got, want)
		}
	}
}

func TestTransportErrors(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	dns := &net.DNSError{Err: "no such host", Name: "waba-v2.360dialog.io", IsNotFound: true}
	timeout := &net.OpError{Op: "read", Err: os.ErrDeadlineExceeded}
	cert := errors.New("tls: failed to verify certificate: x509: certificate signed by unknown authority")
	for name, tc := range map[string]struct {
		err       error
		connected bool
		kind      app.ErrorKind
		plain     string
	}{
		"refused":          {refused, false, app.KindOffline, plainOffline},
		"dns":              {dns, false, app.KindOffline, plainOffline},
		"dial timeout":     {timeout, false, app.KindOffline, plainOffline},
		"answer too slow":  {timeout, true, app.KindUnavailable, plainSlow},
		"captive portal":   {cert, true, app.KindOffline, plainTLS},
		"connection reset": {syscall.ECONNRESET, true, app.KindOffline, plainOffline},
	} {
		pe := transportError("op", tc.err, tc.connected)
		if pe.Kind != tc.kind || pe.Plain != tc.plain || !errors.Is(pe, tc.err) {
			t.Errorf("%s: %+v", name, pe)
		}
	}
}

func TestTemplateStatusesAndReasons(t *testing.T) {
	for in, want := range map[string]app.TemplateStatus{
		"submitted": app.TemplateSubmitted, "PENDING": app.TemplateSubmitted, "In_Appeal": app.TemplateSubmitted,
		"approved": app.TemplateApproved, "APPROVED": app.TemplateApproved, "REINSTATED": app.TemplateApproved,
		"rejected": app.TemplateRejected, "PAUSED": app.TemplatePaused, "disabled": app.TemplateDisabled,
		"PENDING_DELETION": app.TemplateDisabled, "deleted": app.TemplateDisabled,
		"FLAGGED": app.TemplateUnknown, "": app.TemplateUnknown, "brand_new": app.TemplateUnknown,
	} {
		if got := templateStatus(in); got != want {
			t.Errorf("templateStatus(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"NONE": "", "": "", "none": "",
		"INVALID_FORMAT":     rejectionReasons["INVALID_FORMAT"],
		"scam":               rejectionReasons["SCAM"],
		"PROMOTIONAL":        "The template is promotional; submit it in the Marketing category.",
		"INCORRECT_CATEGORY": "The chosen category does not fit the content.",
		"ABUSIVE_CONTENT":    rejectionReasons["ABUSIVE_CONTENT"],
		"NEW_REASON_CODE":    "New reason code.",
		"Too many emojis.":   "Too many emojis.",
	} {
		if got := rejectedReason(in); got != want {
			t.Errorf("rejectedReason(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumbersAndLinks(t *testing.T) {
	for in, want := range map[string]string{"+1 631-555-5555": "+16315555555", "4930123456": "+4930123456", "0049 30 1": "+49301", "": ""} {
		if got := toE164(in); got != want {
			t.Errorf("toE164(%q) = %q", in, got)
		}
	}
	p, err := downloadPath(`https:\/\/lookaside.fbsbx.com\/whatsapp_business\/attachments\/?mid=1&ext=2&hash=x`)
	if err != nil || p != "whatsapp_business/attachments/?mid=1&ext=2&hash=x" {
		t.Errorf("downloadPath = %q, %v", p, err)
	}
	if got := urlParamFromExample("https://x.io/t/{{1}}", "https://x.io/t/123"); got != "123" {
		t.Errorf("urlParamFromExample = %q", got)
	}
	if got := urlExample("https://x.io/t/{{1}}", "123"); got != "https://x.io/t/123" {
		t.Errorf("urlExample = %q", got)
	}
}
