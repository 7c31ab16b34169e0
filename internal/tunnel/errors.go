package tunnel

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"regexp"
	"strings"
	"time"

	"golang.ngrok.com/muxado/v2"
	"golang.ngrok.com/ngrok/v2"

	"github.com/parley-app/parley/app"
)

// tokenPlace is where the owner finds their ngrok token.
const tokenPlace = "dashboard.ngrok.com → Your Authtoken"

var (
	errNoToken = newError("Parley has no ngrok token yet: paste yours from "+tokenPlace, true, nil)
	// errStoppedByNgrok is why a tunnel stops that ngrok took offline
	// (from its dashboard or API, or for a limit of the plan).
	errStoppedByNgrok = newError("ngrok took the public address offline: turn receiving through ngrok "+
		"on again, and if it stops again check dashboard.ngrok.com → Endpoints", false, nil)
)

// newError is a failure in words for the owner (app.TunnelError): refused
// when trying again will not help; cause is the SDK's error for logs
// (never a context error, which app.Explain would word for itself, and
// never text that holds the token). msg ends with a full stop.
func newError(msg string, refused bool, cause error) *app.TunnelError {
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return &app.TunnelError{Plain: msg, Refused: refused, Err: cause}
}

// codePattern finds ngrok's error code in its text: the SDK returns
// ngrok.Error (with Code) from Connect and Forward, but hands the event
// handler the raw error, and a refusal of a bind on a reconnect is only
// text.
var codePattern = regexp.MustCompile(`ERR_NGROK_\d+`)

func ngrokCode(err error) string {
	var ne ngrok.Error
	if errors.As(err, &ne) && ne.Code() != "" {
		return ne.Code()
	}
	return codePattern.FindString(err.Error())
}

// explain words err, a failure of the agent, for the owner.
func explain(err error, cfg app.TunnelConfig) *app.TunnelError {
	cause := err
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		cause = nil
	} else if cfg.Token != "" && strings.Contains(err.Error(), cfg.Token) {
		cause = errors.New(redact(err.Error(), cfg.Token))
	}
	plain := func(format string, args ...any) *app.TunnelError {
		return newError(fmt.Sprintf(format, args...), false, cause)
	}
	refuse := func(format string, args ...any) *app.TunnelError {
		return newError(fmt.Sprintf(format, args...), true, cause)
	}
	domain := "the domain"
	if cfg.Domain != "" {
		domain = cfg.Domain
	}

	code := ngrokCode(err)
	switch code {
	case "":
	case "ERR_NGROK_105", "ERR_NGROK_106", "ERR_NGROK_107", "ERR_NGROK_300", "ERR_NGROK_4018":
		return refuse("ngrok did not accept your token: copy it again from %s", tokenPlace)
	case "ERR_NGROK_108":
		return refuse("Your ngrok account already runs as many agents as its plan allows " +
			"(ngrok in a terminal, or Parley on another computer): stop one, then try again")
	case "ERR_NGROK_120", "ERR_NGROK_121":
		return refuse("ngrok no longer accepts this version of Parley: update Parley")
	case "ERR_NGROK_319", "ERR_NGROK_7117", "ERR_NGROK_7118":
		return refuse("ngrok says %s is not one of your domains: copy it from dashboard.ngrok.com → Domains, "+
			"on the account of your token", domain)
	case "ERR_NGROK_320":
		return refuse("%s belongs to another ngrok account: paste the token of the account that has it (%s)", domain, tokenPlace)
	case "ERR_NGROK_334":
		return refuse("%s is already online through another ngrok agent (ngrok in a terminal, or Parley on another "+
			"computer): stop that one, then try again", domain)
	case "ERR_NGROK_9037":
		return refuse("%s is not a domain ngrok accepts: copy it from dashboard.ngrok.com → Domains, such as bakery.ngrok.app", domain)
	default:
		return plain("ngrok did not open the public address. ngrok says: %s", ngrokWords(err, cfg.Token))
	}

	if msg := connectionTrouble(err); msg != "" {
		return plain("%s", msg)
	}
	return plain("Parley could not open the ngrok tunnel: %s", ngrokWords(err, cfg.Token))
}

// The owner's words for the three ways a connection to ngrok fails.
const (
	msgUnreachable = "Parley could not reach ngrok: check this computer's internet connection"
	msgInsecure    = "Parley could not open a secure connection to ngrok: a firewall, proxy or antivirus " +
		"on this network may be in the way"
	msgBrokeOff = "The connection to ngrok broke off before ngrok answered: check this computer's internet " +
		"connection, then try again"
)

// connectionTrouble words err when it is a failed connection, and returns
// "" for anything else.
func connectionTrouble(err error) string {
	var certErr *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var recordErr tls.RecordHeaderError
	var alert tls.AlertError
	var opErr *net.OpError
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &certErr), errors.As(err, &unknownCA), errors.As(err, &hostErr),
		errors.As(err, &recordErr), errors.As(err, &alert):
		return msgInsecure
	case errors.As(err, &dnsErr), errors.As(err, &opErr), errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, os.ErrDeadlineExceeded):
		return msgUnreachable
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed),
		brokeOff(err):
		return msgBrokeOff
	}
	return ""
}

// diagnose words failure, a failed first connection without an ngrok error
// code, after probing ngrok's address step by step with the SDK's
// Diagnoser (TCP, then TLS, then ngrok's protocol, without the token). The
// failure itself does not say reliably which step failed: when TLS fails,
// the SDK may report only that its session closed.
func diagnose(ctx context.Context, agent ngrok.Agent, failure error, cfg app.TunnelConfig) error {
	words := explain(failure, cfg)
	d, ok := agent.(ngrok.Diagnoser)
	if !ok {
		return words
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, err := d.Diagnose(ctx, "")
	switch {
	case err == nil:
		// ngrok answers now: the first failure was brief.
	case ngrok.IsTCPDiagnoseFailure(err):
		words.Plain = msgUnreachable + "."
	case ngrok.IsTLSDiagnoseFailure(err):
		words.Plain = msgInsecure + "."
	case ngrok.IsMuxadoDiagnoseFailure(err):
		words.Plain = msgBrokeOff + "."
	}
	return words
}

// ngrokWords is ngrok's own text on one line, without the token it may
// quote back and without the link to its error page.
func ngrokWords(err error, token string) string {
	var lines []string
	for _, line := range strings.Split(redact(err.Error(), token), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "https://ngrok.com/docs/errors") {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, " ")
}

// redact hides the token in text meant for logs or the owner.
func redact(text, token string) string {
	if token == "" {
		return text
	}
	return strings.ReplaceAll(text, token, "[token]")
}

// brokeOff tells whether err is muxado's (the SDK's multiplexer) word for a
// connection that ended: the server hung up or went away.
func brokeOff(err error) bool {
	if err == nil {
		return false
	}
	switch code, _ := muxado.GetError(err); code {
	case muxado.SessionClosed, muxado.RemoteGoneAway, muxado.PeerEOF, muxado.StreamClosed, muxado.WriteTimeout:
		return true
	}
	switch e := err.(type) {
	case interface{ Unwrap() error }:
		return brokeOff(e.Unwrap())
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			if brokeOff(inner) {
				return true
			}
		}
	}
	return false
}
