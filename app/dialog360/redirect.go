package dialog360

import (
	"errors"
	"fmt"

	"github.com/parley-app/parley/app"
)

// plainRedirect explains a refused redirect; %s is the other server.
const plainRedirect = "The answer from 360dialog pointed Parley to another server (%s). Parley did not go there, " +
	"so your API key stayed private. Try again later; if this keeps happening, something on this network " +
	"(a proxy or filter) may be redirecting traffic."

// redirectRefused returns the ProviderError for a request that stopped
// at a redirect to another server (see app.SameServerRedirects), or nil
// when err is something else. The redirect is an answer, so the request
// was not carried out: it is neither retried nor "maybe sent".
func redirectRefused(op string, err error) *app.ProviderError {
	var re *app.RedirectError
	if !errors.As(err, &re) {
		return nil
	}
	pe := errorFor(app.KindUnknown, re.Status, 0, op+": "+re.Error())
	pe.Plain = fmt.Sprintf(plainRedirect, re.ToHost())
	pe.Err = err
	return pe
}
