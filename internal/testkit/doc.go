// Package testkit holds the small pieces Parley's tests share across
// packages: a clock the test moves by hand, a log sink that goroutines
// may write to at once, a TLS tunnel in front of a local server, the
// process's CPU time for benchmarks, and picture bombs (tiny files whose
// headers claim gigapixels) with a count of the bytes a call allocates.
// It depends on the standard library only, so any package's tests can
// use it.
package testkit
