package inbox

// ClosePanel closes the contact panel beside the open conversation and
// reports whether one was open; the shell calls it for Esc (and may try
// other panels when it returns false).
func (s *Page) ClosePanel() bool {
	if s.inbox == nil || s.inbox.conv == nil {
		return false
	}
	return s.inbox.conv.side.hide()
}
