// Package app is Parley's core: the domain types, the rules a WhatsApp
// Business owner must follow, and the use cases the screens call.
//
// The core imports no UI toolkit, no SQL driver and no keyring. It declares
// the ports it needs (see ports.go) and the outer packages supply them:
// persistence implements the stores, app/dialog360 implements Provider, and
// main wires everything together. Files, profile photo downloads and the
// webhook probe are ports too, with standard-library defaults
// (mediafiles_os.go, photofetch_http.go, webhookprobe_http.go); no other
// core file touches the OS or the network.
//
// The use cases are grouped by feature in parts on one shared set of
// ports: ChannelUseCases, ProfileUseCases, TemplateUseCases,
// InboxUseCases, IngestUseCases, OutboxUseCases and BackgroundUseCases.
// Core embeds them all, so every use case is a method of Core.
package app
