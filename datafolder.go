package main

import (
	"github.com/parley-app/parley/internal/logfile"
	"github.com/parley-app/parley/persistence"
)

// openDataFolder makes the data folder dir private to this user (creating
// it if needed, tightening one an older Parley left open) and opens its
// log, before anything else is written there.
func openDataFolder(dir string) (*logfile.File, error) {
	if err := persistence.PrivateDataFolder(dir); err != nil {
		return nil, err
	}
	return logfile.Open(dir, logfile.DefaultMaxSize)
}
