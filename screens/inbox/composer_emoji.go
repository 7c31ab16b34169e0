package inbox

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newEmojiButton is the composer's button beside the field that opens
// the emoji picker.
func (c *composer) newEmojiButton() *widget.Button {
	return &widget.Button{Text: "🙂", Importance: widget.LowImportance, OnTapped: c.showEmoji}
}

// showEmoji opens the emoji picker over the emoji button; it is built on
// first use.
func (c *composer) showEmoji() {
	if c.emojiPicker == nil {
		c.emojiPicker = newEmojiPicker(recentEmoji{p: fyne.CurrentApp().Preferences()}, c.insertEmoji)
	}
	c.emojiPicker.show(c.emoji, true)
}

// insertEmoji puts char into the field at the cursor, in place of a
// selection, as if typed, and gives the field the focus back.
func (c *composer) insertEmoji(char string) {
	for _, r := range char {
		c.entry.TypedRune(r)
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.entry); cv != nil {
		cv.Focus(c.entry)
	}
}
