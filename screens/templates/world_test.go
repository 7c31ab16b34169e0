package templates

import (
	"testing"

	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/screentest"
)

// coreWorld is screentest's world, with this package's pages built on
// its core.
type coreWorld struct {
	*screentest.World
	run kit.Runner // runs the pages' slow work; screentest.RunNow unless a test holds it
}

func newCoreWorld(t *testing.T) *coreWorld {
	return &coreWorld{World: screentest.NewWorld(t), run: screentest.RunNow}
}

// env is what this package's pages are built with in the world.
func (cw *coreWorld) env() env {
	k := cw.Env()
	k.Run = func(work func()) { cw.run(work) }
	return env{Env: k, core: cw.Core}
}
