package dialog360

import (
	"net/http"
	"strings"

	"github.com/parley-app/parley/app"
)

// Error codes of WhatsApp (Graph) and 360dialog that Parley tells apart.
// Sources: 360dialog-api.md §6 (Meta's error-code list, 360dialog's API
// error list).
const (
	codeInvalidParam     = 100
	codeObjectMissing    = 33 // error_subcode of 100: object does not exist
	codeTokenInvalid     = 190
	codePolicyBlock      = 368
	codeLegacyWindow     = 470
	codeThroughput       = 130429
	codeCountryBlocked   = 130497
	codeGeneric          = 131000
	codeRequiredParam    = 131008
	codeParamValue       = 131009
	codeUndeliverable    = 131026
	codeRecipientBlocked = 131030
	codeAccountLocked    = 131031
	codePaymentIssue     = 131042
	codeWindowClosed     = 131047
	codeSpamLimit        = 131048
	codeMarketingLimit   = 131049
	codeMediaUpload      = 131053
	codePairRate         = 131056
	codeParamMismatch    = 132000
	codeTemplateMissing  = 132001
	codeTextTooLong      = 132005
	codeFormatPolicy     = 132007
	codeParamFormat      = 132012
	codeTemplatePaused   = 132015
	codeTemplateDisabled = 132016
	codeNameDeleted      = 2388023
	codeTemplateExists   = 2388024
	codeFieldTooLong     = 2388040
	codeExamplesMissing  = 2388043
)

// classify maps an HTTP status, error code and message to an ErrorKind.
// Known WhatsApp codes win over the HTTP status.
func classify(status, code, subcode int, msg string) app.ErrorKind {
	if subcode >= 2388000 && subcode < 2389000 {
		return app.KindTemplateProblem
	}
	switch code {
	case codeWindowClosed, codeLegacyWindow:
		return app.KindOutsideWindow
	case codeUndeliverable, codeRecipientBlocked, codeMarketingLimit:
		return app.KindUndeliverable
	case codeParamMismatch:
		return app.KindParamMismatch
	case codeTemplateMissing:
		return app.KindTemplateNotFound
	case codeTextTooLong, codeFormatPolicy, codeParamFormat, codeTemplatePaused, codeTemplateDisabled:
		return app.KindTemplateProblem
	case codeThroughput, codePairRate, codeSpamLimit, 4, 80007, 133016:
		return app.KindRateLimited
	case codePolicyBlock, codeCountryBlocked, codeAccountLocked, codePaymentIssue:
		return app.KindForbidden
	case codeTokenInvalid:
		return app.KindBadKey
	case codeGeneric, 1, 2, 131016:
		return app.KindUnavailable
	}
	if code >= 2388000 && code < 2389000 {
		return app.KindTemplateProblem
	}
	if code == codeInvalidParam && subcode == codeObjectMissing {
		return app.KindNotFound
	}
	lower := strings.ToLower(msg)
	switch {
	case status == http.StatusUnauthorized:
		return app.KindBadKey
	case status == http.StatusTooManyRequests, strings.Contains(lower, "rate limit"):
		return app.KindRateLimited
	case status == http.StatusForbidden:
		return app.KindForbidden
	case status == http.StatusBadRequest && (strings.Contains(lower, "invoice") || strings.Contains(lower, "api disabled") || strings.Contains(lower, "unpaid")):
		return app.KindForbidden
	case status == http.StatusNotFound:
		return app.KindNotFound
	case status == http.StatusRequestTimeout, status >= 500:
		return app.KindUnavailable
	case status >= 400 || code != 0:
		return app.KindInvalid
	}
	return app.KindUnknown
}

// Plain words shared by several places.
const (
	plainBadKey = "360dialog did not accept this API key. Copy it again from the 360dialog hub " +
		"(hub.360dialog.com → your number → API key) and paste it without spaces."
	plainOffline   = "Parley could not reach 360dialog. Check your internet connection."
	plainTLS       = "Parley could not open a secure connection to 360dialog. If you use a hotel or public Wi-Fi, log in to it in your browser first."
	plainSlow      = "360dialog did not answer in time. Parley will try again later."
	plainMaybeSent = "The connection to 360dialog broke while this message was being sent, so it may or may not " +
		"have arrived. Check with the customer before sending it again."
)

// plainFor explains a failure in words a shop owner understands.
func plainFor(kind app.ErrorKind, status, code, subcode int, msg string) string {
	if p := plainForCode(code, subcode); p != "" {
		return p
	}
	switch kind {
	case app.KindBadKey:
		return plainBadKey
	case app.KindOffline:
		return plainOffline
	case app.KindUnavailable:
		if status == http.StatusBadGateway {
			return "WhatsApp cannot be reached through 360dialog right now. Parley will try again later."
		}
		return "360dialog or WhatsApp is not available right now. Parley will try again later."
	case app.KindRateLimited:
		return "WhatsApp is limiting how fast this number can send. Parley will try again in a moment."
	case app.KindOutsideWindow:
		return "More than 24 hours have passed since this customer last wrote. Until they reply, you can only send an approved template."
	case app.KindUndeliverable:
		return "WhatsApp could not deliver this message. The number may not use WhatsApp, or the customer's app may be out of date."
	case app.KindParamMismatch:
		return "The template's fields do not match the approved template. Fill in every parameter, no more and no fewer."
	case app.KindTemplateNotFound:
		return "WhatsApp does not know this template in this language, or it is not approved yet. Sync the templates and pick an approved one."
	case app.KindTemplateProblem:
		return withDetails("WhatsApp did not accept the template", msg)
	case app.KindForbidden:
		if status == http.StatusBadRequest {
			return "360dialog has switched off the API for this number, for example because of an unpaid invoice. Check the 360dialog hub."
		}
		return "360dialog refused this request for your number. Check the number's status in the 360dialog hub."
	case app.KindNotFound:
		return "360dialog could not find this item. It may have been deleted."
	case app.KindInvalid:
		return withDetails("360dialog did not accept the request", msg)
	}
	return withDetails("360dialog reported an unexpected problem", msg)
}

// plainForCode has the words for codes that deserve their own.
func plainForCode(code, subcode int) string {
	switch subcode {
	case codeTemplateExists:
		return "A template with this name and language already exists. Pick another name or language."
	case codeNameDeleted:
		return "This name belonged to a template that was deleted recently, and WhatsApp blocks it for four weeks. Pick another name."
	case codeFieldTooLong:
		return "A part of the template is longer than WhatsApp allows. Shorten it and submit again."
	case codeExamplesMissing:
		return "Add a sample value for every parameter, and a sample file for a media header."
	}
	switch code {
	case codePairRate:
		return "You are sending messages to this customer too quickly. Wait a few seconds before the next one."
	case codeSpamLimit:
		return "WhatsApp has limited this number because recent messages were blocked or reported. Send fewer messages for a while."
	case codeMarketingLimit:
		return "WhatsApp held back this marketing message because the customer recently received many. Try again in a day or two."
	case codeRecipientBlocked:
		return "This test number may only message the numbers allowed in its settings."
	case codeTextTooLong:
		return "The template's text is too long once the parameters are filled in. Use shorter values."
	case codeFormatPolicy:
		return "The template's text breaks WhatsApp's formatting rules for this language."
	case codeParamFormat:
		return "A parameter has the wrong kind of value for this template, for example text where an image is expected."
	case codeTemplatePaused:
		return "WhatsApp has paused this template because customers reacted badly to it. Use another template for now."
	case codeTemplateDisabled:
		return "WhatsApp has disabled this template. It can no longer be sent."
	case codePolicyBlock:
		return "WhatsApp has temporarily blocked this number for breaking its policies. Check WhatsApp Manager for details."
	case codeCountryBlocked:
		return "WhatsApp does not allow this number to message customers in that country."
	case codeAccountLocked:
		return "WhatsApp has locked this business account. Check WhatsApp Manager for details."
	case codePaymentIssue:
		return "WhatsApp could not charge this account. Check the payment method in the 360dialog hub."
	case codeMediaUpload:
		return "WhatsApp could not accept this file. Check its type and size."
	}
	return ""
}

// withDetails appends the provider's own words, when there are any.
func withDetails(lead, msg string) string {
	if msg == "" {
		return lead + "."
	}
	return lead + ": " + strings.TrimSuffix(msg, ".") + "."
}
