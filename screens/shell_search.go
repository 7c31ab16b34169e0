package screens

// focusSearch shows the Space and puts the cursor in its search.
func (s *shell) focusSearch() {
	s.show(pageSpace)
	s.space.FocusSearch()
}
