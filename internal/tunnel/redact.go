package tunnel

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// redactingHandler hides the token in every log line. ngrok quotes the
// token back when it refuses it ("Your authtoken: …"), and the SDK logs
// that refusal, so without it the token would reach Parley's log file.
type redactingHandler struct {
	inner slog.Handler
	token string
}

func withoutToken(l *slog.Logger, token string) *slog.Logger {
	if token == "" {
		return l
	}
	return slog.New(redactingHandler{inner: l.Handler(), token: token})
}

func (h redactingHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.inner.Enabled(ctx, level)
}

func (h redactingHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, redact(r.Message, h.token), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.inner.Handle(ctx, out)
}

func (h redactingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.attr(a)
	}
	return redactingHandler{inner: h.inner.WithAttrs(clean), token: h.token}
}

func (h redactingHandler) WithGroup(name string) slog.Handler {
	return redactingHandler{inner: h.inner.WithGroup(name), token: h.token}
}

func (h redactingHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, redact(v.String(), h.token))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]any, len(group))
		for i, g := range group {
			clean[i] = h.attr(g)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		if text := fmt.Sprintf("%+v", v.Any()); strings.Contains(text, h.token) {
			return slog.String(a.Key, redact(text, h.token))
		}
		if err, ok := v.Any().(error); ok && strings.Contains(err.Error(), h.token) {
			return slog.String(a.Key, redact(err.Error(), h.token))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}
