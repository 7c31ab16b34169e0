// Package testkit holds the small pieces Parley's tests share across
// packages: a clock the test moves by hand, a log sink that goroutines
// may write to at once, a TLS tunnel in front of a local server, and the
// process's CPU time for benchmarks. It depends on the standard library
// only, so any package's tests can use it.
package testkit
