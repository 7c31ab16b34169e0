package dialog360_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

func TestTheKeyNeverReachesLogsOrErrors(t *testing.T) {
	h := newHarness(t, nil)
	_, _ = h.em.Inbound(testKey, customer, "Anna", "Hi")
	h.em.FailNext(emulator.Fault500, 1)
	var errs []error
	_, err := h.c.VerifyKey(t.Context())
	errs = append(errs, err)
	_, err = h.c.SendText(t.Context(), customer, "Hello", "")
	errs = append(errs, err)
	_, err = h.c.SendText(t.Context(), customer, "Hello again", "")
	errs = append(errs, err)
	_, err = h.c.MediaInfo(t.Context(), "42")
	errs = append(errs, err)
	h.em.SetOffline(true)
	_, err = h.c.GetProfile(t.Context())
	errs = append(errs, err)

	logs := h.logs.String()
	for _, want := range []string{"path=/messages", "status=500", "path=/health_status", "duration="} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, testKey) || strings.Contains(logs, "Hello") {
		t.Errorf("logs reveal the key or a message:\n%s", logs)
	}
	for _, err := range errs {
		if err == nil {
			continue
		}
		pe := err.(*app.ProviderError)
		if strings.Contains(err.Error()+pe.Details+pe.Plain+fmt.Sprint(pe.Err), testKey) {
			t.Errorf("error reveals the key: %+v", pe)
		}
	}
}

func TestClientPrintsWithoutItsKey(t *testing.T) {
	h := newHarness(t, nil)
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("client", "c", h.c)
	printed := fmt.Sprintf("%v %+v %#v %s", h.c, h.c, h.c, h.c) + h.c.String() + h.c.GoString() + buf.String()
	if strings.Contains(printed, testKey) || strings.Contains(printed, "SECRET") {
		t.Errorf("printed client reveals the key: %s", printed)
	}
	if !strings.Contains(printed, "redacted") {
		t.Errorf("printed client = %s", printed)
	}
}
