// Package widgets holds Parley's reusable Fyne widgets: the WhatsApp
// template preview, rich text from WhatsApp formatting, and other small
// building blocks the screens share.
package widgets
