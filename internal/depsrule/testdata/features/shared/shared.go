// Package shared is a kit that wrongly imports a feature, so whoever
// uses the kit reaches that feature too.
package shared

import "github.com/parley-app/parley/internal/depsrule/testdata/features/two"

// Name passes the feature's name on.
const Name = two.Name
