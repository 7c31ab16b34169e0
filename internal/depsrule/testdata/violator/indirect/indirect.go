// Package indirect reaches a SQL driver, so whoever imports it does too.
package indirect

import _ "github.com/mattn/go-sqlite3"

// Name is anything to import.
const Name = "indirect"
