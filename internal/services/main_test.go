package services

import (
	"os"
	"testing"

	"github.com/parley-app/parley/internal/testkit"
)

func TestMain(m *testing.M) {
	testkit.NoBusAutolaunch()
	os.Exit(m.Run())
}
