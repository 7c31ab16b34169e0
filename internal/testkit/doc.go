// Package testkit holds the small pieces Parley's tests share across
// packages: a clock the test moves by hand and a log sink that goroutines
// may write to at once. It depends on the standard library only, so any
// package's tests can use it.
package testkit
