// Package one is a feature that imports another feature on purpose:
// depsrule's own tests check that it is caught.
package one

import "github.com/parley-app/parley/internal/depsrule/testdata/features/two"

// Name uses the other feature.
var Name = "one beside " + two.Name
