// Package app is Parley's core: the domain types, the rules a WhatsApp
// Business owner must follow, and the use cases the screens call.
//
// The core imports no UI toolkit, no SQL driver and no keyring. It declares
// the ports it needs (see ports.go) and the outer packages supply them:
// persistence implements the stores, app/dialog360 implements Provider, and
// main wires everything together.
package app
