// Package kit is what the feature pages of Parley's window share: the
// page frame and empty states, the navigation they reach other pages
// through, background-work timing, colours, icons, file dialogs and
// decoded form pictures. It imports no feature package.
package kit
