// Package stress holds Parley's proof under stress (issue 11, see
// RELIABILITY.md): tests that run the real binary and kill it, load it
// and feed it bad input. They run in a short form with `make test` and in
// full with `make stress` (PARLEY_STRESS=full).
package stress
