package profile

import (
	"testing"

	"github.com/parley-app/parley/screens/screentest"
)

// coreWorld is screentest's world, with this package's pages built on
// its core.
type coreWorld struct{ *screentest.World }

func newCoreWorld(t *testing.T) *coreWorld { return &coreWorld{screentest.NewWorld(t)} }

// env is what this package's pages are built with in the world.
func (cw *coreWorld) env() env { return env{Env: cw.Env(), core: cw.Core} }
