package receiver

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/parley-app/parley/app"
)

// serveWebhook answers POST /webhook/{token}: it checks the address,
// secret and size, waits for room in the body budget, parses the body,
// stores every event and answers 200 only once they are committed. Any
// refusal leaves the server as it was.
func (r *Receiver) serveWebhook(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "webhooks are sent with POST", http.StatusMethodNotAllowed)
		return
	}
	ctx := req.Context()
	token := req.PathValue("token")
	ch, err := r.channel(ctx, token)
	if errors.Is(err, app.ErrNotFound) {
		r.refusals.refuse(slog.LevelInfo, 0, reasonUnknownAddress, "token", maskToken(token))
		http.Error(w, "unknown webhook address", http.StatusNotFound)
		return
	}
	if err != nil {
		r.cfg.Log.Error("webhook refused: channel lookup failed", "error", err)
		http.Error(w, "could not look up the webhook address, try again", http.StatusInternalServerError)
		return
	}
	if ch.WebhookSecret != "" && !sameSecret(req.Header.Get(r.cfg.SecretHeader), ch.WebhookSecret) {
		r.refusals.refuse(slog.LevelWarn, ch.ID, reasonWrongSecret, "header", r.cfg.SecretHeader)
		http.Error(w, "wrong or missing secret", http.StatusUnauthorized)
		return
	}
	if probe := req.Header.Get(app.WebhookProbeHeader); probe != "" {
		r.answerProbe(w, ch.ID, probe)
		return
	}
	if req.ContentLength > r.cfg.MaxBody {
		r.refuseTooLarge(w, ch.ID)
		return
	}
	share := r.bodyShare(req)
	if err := r.budget.acquire(ctx, share, r.cfg.BodyWait); err != nil {
		r.refuseBusy(w, ch.ID, err)
		return
	}
	defer r.budget.release(share)
	buf, err := readBody(w, req, r.cfg.MaxBody)
	if err != nil {
		putBuffer(buf)
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			r.refuseTooLarge(w, ch.ID)
			return
		}
		r.refusals.refuse(slog.LevelWarn, ch.ID, reasonUnreadable, "error", err)
		http.Error(w, "the body could not be read", http.StatusBadRequest)
		return
	}
	batch, err := r.cfg.Parse(buf.Bytes())
	if err != nil {
		r.refusals.refuse(slog.LevelWarn, ch.ID, reasonNotWebhook, "error", err,
			"size", buf.Len(), "excerpt", excerpt(buf.Bytes()))
		putBuffer(buf)
		http.Error(w, "the body is not a WhatsApp webhook", http.StatusBadRequest)
		return
	}
	putBuffer(buf) // the batch holds copies, never the body's bytes
	if _, err := r.writer.ingest(ctx, ch.ID, batch); err != nil {
		r.refuseIngest(w, ch.ID, batch, err)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// channel returns the channel of token.
func (r *Receiver) channel(ctx context.Context, token string) (app.Channel, error) {
	if token == "" {
		return app.Channel{}, app.ErrNotFound
	}
	return r.channels.lookup(ctx, token)
}

// maxProbeLen bounds the value of a test delivery's probe header.
const maxProbeLen = 64

// answerProbe answers Parley's own test delivery (see app.TestWebhook),
// which came through the owner's tunnel to a channel's path with its
// secret, by echoing its value; nothing is stored.
func (r *Receiver) answerProbe(w http.ResponseWriter, id app.ChannelID, probe string) {
	if len(probe) > maxProbeLen || strings.Trim(probe, "0123456789abcdefABCDEF") != "" {
		http.Error(w, "malformed test delivery", http.StatusBadRequest)
		return
	}
	r.cfg.Log.Info("webhook test delivery answered", "channel", id)
	w.Header().Set(app.WebhookProbeHeader, probe)
	w.WriteHeader(http.StatusOK)
}

// refuseTooLarge answers 413.
func (r *Receiver) refuseTooLarge(w http.ResponseWriter, id app.ChannelID) {
	r.refusals.refuse(slog.LevelWarn, id, reasonTooLarge, "max_bytes", r.cfg.MaxBody)
	http.Error(w, "the body is larger than "+strconv.FormatInt(r.cfg.MaxBody, 10)+" bytes", http.StatusRequestEntityTooLarge)
}

// refuseIngest answers a payload that was not stored.
func (r *Receiver) refuseIngest(w http.ResponseWriter, id app.ChannelID, b app.InboundBatch, err error) {
	switch {
	case errors.Is(err, app.ErrNotFound):
		// The channel was removed while the payload waited.
		r.refusals.refuse(slog.LevelInfo, id, reasonRemoved)
		http.Error(w, "unknown webhook address", http.StatusNotFound)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		// The sender hung up; nobody reads this answer, it will retry.
		r.cfg.Log.Debug("webhook abandoned by its sender", "channel", id)
		http.Error(w, "not stored, try again", http.StatusServiceUnavailable)
	case errors.Is(err, errStopped):
		w.Header().Set("Retry-After", "5")
		http.Error(w, "shutting down, try again", http.StatusServiceUnavailable)
	default:
		r.cfg.Log.Error("webhook not stored", "channel", id, "events", b.Len(), "error", err)
		http.Error(w, "the events could not be stored, try again", http.StatusInternalServerError)
	}
}

// serveHealth answers GET /healthz with "ok", for checking a tunnel.
func serveHealth(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "use GET", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok"))
}

// sameSecret compares in constant time, independent of the lengths.
func sameSecret(got, want string) bool {
	g, h := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], h[:]) == 1
}

// excerptBytes is how much of a refused body is logged.
const excerptBytes = 200

// excerpt returns the start of body as printable ASCII, safe for any
// log: quotes, backslashes, control characters, non-ASCII and invalid
// UTF-8 are escaped as in a Go string literal.
func excerpt(body []byte) string {
	cut := len(body) > excerptBytes
	if cut {
		body = body[:excerptBytes]
	}
	q := strconv.QuoteToASCII(string(body))
	q = q[1 : len(q)-1]
	if cut {
		q += "..."
	}
	return q
}

// maskToken shortens a webhook token for logs: the token is a secret
// path, so only its first characters are shown.
func maskToken(token string) string {
	if len(token) <= 4 {
		return "…"
	}
	return token[:4] + "…"
}
