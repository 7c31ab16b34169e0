package inbox

import (
	"bytes"
	"log/slog"

	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// emojiFontDraws returns a test of whether Fyne's bundled emoji font
// draws an emoji as one picture. The font (EmojiOne) predates the newest
// emoji: without the test the picker showed "�" for 🥰 or 🫠 and two
// pictures for a sequence it cannot join (😮‍💨 as 😮 💨). The emoji is
// shaped as Fyne shapes text (HarfBuzz, through go-text); it passes when
// every glyph is in the font and one of them is drawn. Without a font
// that parses every emoji passes.
func emojiFontDraws() func(char string) bool {
	face, err := font.ParseTTF(bytes.NewReader(theme.DefaultEmojiFont().Content()))
	if err != nil {
		slog.Warn("emoji font", "err", err)
		return func(string) bool { return true }
	}
	var shaper shaping.HarfbuzzShaper
	return func(char string) bool {
		rs := []rune(char)
		out := shaper.Shape(shaping.Input{
			Text: rs, RunEnd: len(rs), Direction: di.DirectionLTR, Face: face,
			Size: fixed.I(emojiGlyphSize), Script: language.Common, Language: language.NewLanguage("en"),
		})
		drawn := 0
		for _, g := range out.Glyphs {
			if g.GlyphID == 0 {
				return false
			}
			if g.XAdvance > 0 {
				drawn++
			}
		}
		return drawn == 1
	}
}
