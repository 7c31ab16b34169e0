package emulator_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

// TestConcurrentUse drives every part at once; run with -race.
func TestConcurrentUse(t *testing.T) {
	e := liveEnv(t, emulator.WithDeliveryRetry(3, time.Millisecond, time.Millisecond))
	r := newReceiver(t, 0)
	e.register(t, r)
	_ = e.em.AddTemplate(key, app.Template{Name: "hello", Language: "en", Category: "UTILITY", Body: "Hi {{1}}", BodyExamples: []string{"A"}})
	e.em.SetFaultRate(0.2, emulator.Fault500)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from := fmt.Sprintf("4917000000%02d", i)
			for j := range 10 {
				_, _ = e.em.Inbound(key, from, "C", "hi")
				e.call(t, key, "POST", "/messages", text(from, "reply"))
				e.call(t, key, "POST", "/messages", templateSend("hello", "en", bodyParams(fmt.Sprint(j))))
				e.call(t, key, "GET", "/v1/configs/templates", nil)
				e.em.Tick()
				_ = e.em.Sent(key)
				_ = e.em.Templates(key)
			}
		}()
	}
	wg.Wait()
	e.em.SetFaultRate(0)
	if len(e.em.Sent(key)) == 0 {
		t.Error("nothing was sent")
	}
}
