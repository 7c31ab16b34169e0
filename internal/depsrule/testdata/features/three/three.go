// Package three is a feature that reaches another feature through the
// kit it imports.
package three

import "github.com/parley-app/parley/internal/depsrule/testdata/features/shared"

// Name uses the kit.
var Name = "three with " + shared.Name
