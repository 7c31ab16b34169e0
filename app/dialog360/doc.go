// Package dialog360 is the 360dialog WhatsApp Cloud API client and webhook parser.
package dialog360
