// Package violator breaks the dependency rule on purpose: depsrule's own
// tests check that it is caught.
package violator

import (
	"database/sql"

	"github.com/parley-app/parley/internal/depsrule/testdata/violator/indirect"
	_ "github.com/zalando/go-keyring"
)

// Use keeps the imports.
var Use = indirect.Name + sql.LevelDefault.String()
