package dialog360_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

func TestReadsAreRetriedHonouringRetryAfter(t *testing.T) {
	h := newHarness(t, nil)
	h.em.SetRetryAfter(7 * time.Second)
	h.em.FailNext(emulator.Fault429, 1)
	h.em.FailNext(emulator.Fault502, 1)
	if _, err := h.c.GetProfile(t.Context()); err != nil {
		t.Fatalf("GetProfile after a 429 and a 502: %v", err)
	}
	// 429 → wait what Retry-After says; 502 → second backoff step.
	if got, want := h.slept(), []time.Duration{7 * time.Second, 200 * time.Millisecond}; !slices.Equal(got, want) {
		t.Errorf("waits = %v, want %v", got, want)
	}
	if n := len(h.rec.requests(http.MethodGet, "/whatsapp_business_profile")); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
}

func TestGivingUpReportsTheLastProblem(t *testing.T) {
	h := newHarness(t, nil)
	h.em.FailNext(emulator.Fault500, 3)
	_, err := h.c.ListTemplates(t.Context(), nil)
	pe := providerError(t, err, app.KindUnavailable)
	if pe.HTTPStatus != 500 || !pe.Temporary() {
		t.Errorf("error = %+v", pe)
	}
	if got := h.slept(); !slices.Equal(got, []time.Duration{100 * time.Millisecond, 200 * time.Millisecond}) {
		t.Errorf("backoff = %v", got)
	}
}

func TestLongRetryAfterIsLeftToTheCaller(t *testing.T) {
	h := newHarness(t, nil)
	h.em.SetRetryAfter(2 * time.Minute)
	h.em.FailNext(emulator.Fault429, 1)
	_, err := h.c.GetProfile(t.Context())
	pe := providerError(t, err, app.KindRateLimited)
	if pe.RetryAfter != 2*time.Minute || len(h.slept()) != 0 {
		t.Errorf("RetryAfter = %v, waits %v", pe.RetryAfter, h.slept())
	}
}

func TestSendIsRetriedAfterA429(t *testing.T) {
	h := newHarness(t, nil)
	_, _ = h.em.Inbound(testKey, customer, "Anna", "Hi")
	h.em.FailNext(emulator.Fault429, 1)
	if _, err := h.c.SendText(t.Context(), customer, "Hello", ""); err != nil {
		t.Fatalf("SendText: %v", err)
	}
	if len(h.em.Sent(testKey)) != 1 || len(h.slept()) != 1 {
		t.Errorf("sent %d, waits %v", len(h.em.Sent(testKey)), h.slept())
	}
}

func TestSendIsNeverRetriedWhenItMayHaveArrived(t *testing.T) {
	for name, fault := range map[string]emulator.Fault{"dropped connection": emulator.FaultDrop, "server error": emulator.Fault500} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, nil)
			_, _ = h.em.Inbound(testKey, customer, "Anna", "Hi")
			h.em.FailNext(fault, 1)
			_, err := h.c.SendText(t.Context(), customer, "Your order is ready", "")
			var pe *app.ProviderError
			if !errors.As(err, &pe) || !pe.MaybeSent {
				t.Fatalf("error %v: want MaybeSent", err)
			}
			if n := len(h.rec.requests(http.MethodPost, "/messages")); n != 1 || len(h.slept()) != 0 {
				t.Errorf("the send was tried %d times (waits %v)", n, h.slept())
			}
		})
	}
}

func TestSendIsRetriedWhenTheConnectionWasRefused(t *testing.T) {
	em := emulator.New(emulator.WithManualDelivery())
	t.Cleanup(em.Close)
	em.AddNumber(testKey, testPhone, testName)
	_, _ = em.Inbound(testKey, customer, "Anna", "Hi")
	base, err := em.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	em.SetOffline(true)
	var waits []time.Duration
	c := dialog360.New(testKey, dialog360.WithBaseURL(base), dialog360.WithRetry(3, time.Millisecond),
		dialog360.WithSleeper(func(ctx context.Context, d time.Duration) error {
			waits = append(waits, d)
			em.SetOffline(false) // the network comes back while waiting
			return nil
		}))
	if _, err := c.SendText(t.Context(), customer, "Hello", ""); err != nil {
		t.Fatalf("SendText: %v", err)
	}
	if len(em.Sent(testKey)) != 1 || len(waits) != 1 {
		t.Errorf("sent %d, waits %v", len(em.Sent(testKey)), waits)
	}
}

func TestOfflineAndSlowAnswers(t *testing.T) {
	h := newHarness(t, nil)
	h.em.SetOffline(true)
	_, err := h.c.GetProfile(t.Context())
	if pe := providerError(t, err, app.KindOffline); pe.Plain != "Parley could not reach 360dialog. Check your internet connection." {
		t.Errorf("plain = %q", pe.Plain)
	}
	if len(h.slept()) != 2 {
		t.Errorf("offline read retried %d times, want 2", len(h.slept()))
	}
	h.em.SetOffline(false)

	h.em.SetLatency(time.Second)
	slow := h.client(testKey, dialog360.WithTimeout(30*time.Millisecond), dialog360.WithRetry(1, 0))
	_, err = slow.GetProfile(t.Context())
	providerError(t, err, app.KindUnavailable)
	_, _ = h.em.Inbound(testKey, customer, "Anna", "Hi")
	_, err = slow.SendText(t.Context(), customer, "Hi", "")
	if pe := providerError(t, err, app.KindUnavailable); !pe.MaybeSent {
		t.Error("a send that timed out is not marked MaybeSent")
	}
}

func TestCancelledCallReturnsTheContextError(t *testing.T) {
	h := newHarness(t, nil)
	cctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := h.c.GetProfile(cctx)
	if !errors.Is(err, context.Canceled) || app.KindOf(err) != app.KindUnknown {
		t.Errorf("err = %v", err)
	}
}
