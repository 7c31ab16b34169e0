package demo

import (
	"context"
	"fmt"

	"github.com/parley-app/parley/app"
)

// demoQuickReplies are the bakery's saved answers, so that typing "/" in
// a demo chat shows what quick replies are.
var demoQuickReplies = []app.QuickReply{
	{Title: "Öffnungszeiten", Text: "Hallo {{name}}! Wir haben Mo–Fr 6:30–18:00 und Sa 7:00–13:00 geöffnet."},
	{Title: "Parken", Text: "Parkplätze gibt es direkt hinter der Bäckerei, Einfahrt über die Lindenstraße."},
	{Title: "Bestellung abholbereit", Text: "Hallo {{name}}, Ihre Bestellung liegt ab jetzt zur Abholung bereit. Bis gleich!"},
}

// seedQuickReplies saves the demo's quick replies once, when it has none.
func seedQuickReplies(ctx context.Context, core *app.Core) error {
	have, err := core.QuickReplies(ctx)
	if err != nil {
		return fmt.Errorf("read quick replies: %w", err)
	}
	if len(have) > 0 {
		return nil
	}
	for _, r := range demoQuickReplies {
		if _, err := core.AddQuickReply(ctx, r); err != nil {
			return fmt.Errorf("add quick reply %q: %w", r.Title, err)
		}
	}
	return nil
}
