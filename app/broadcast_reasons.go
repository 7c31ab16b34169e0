package app

// failureReason is a broadcast recipient's failure in plain words, by
// WhatsApp's error code, and whether sending again may pass: a number
// that is not on WhatsApp or is invalid fails again, a limit or a
// passing problem may not.
func failureReason(code int, stored string) (reason string, retryable bool) {
	switch code {
	case 131026:
		return "This number is not on WhatsApp, or the customer's app is too old to receive it.", false
	case 131049:
		return "WhatsApp did not deliver it to keep this customer from getting too many marketing messages. Try again in a day or two.", true
	case 131050:
		return "The customer stopped marketing messages from your business in WhatsApp.", false
	case 131047, 470:
		return "More than 24 hours passed since the customer last wrote, and the message was not a template.", false
	case 131056, 130429, 131048, 4, 80007:
		return "WhatsApp limited how fast this number may send. Try again later.", true
	case 130472:
		return "WhatsApp held it back while it tests how customers react to marketing messages (an experiment). Try again later.", true
	case 131030, 131021:
		return "WhatsApp does not allow messages to this number.", false
	case 1013, 100, 131009:
		return "The number is not a valid WhatsApp number.", false
	case 132000, 131008, 132012:
		return "The template's values did not match the approved template.", false
	case 132001:
		return "WhatsApp does not know this template in this language any more.", false
	case 132015, 132016:
		return "WhatsApp paused or disabled the template for low quality.", false
	case 131042, 131031, 368:
		return "WhatsApp refused to send for this number's account (payment or policy). Check the 360dialog hub.", true
	case 131000, 1, 2, 131016, 131053:
		return "WhatsApp had a passing problem. Try again.", true
	case 0:
		if stored != "" {
			return stored, false // Parley's own reason (an opt-out), already in plain words
		}
		return "The message could not be sent.", true
	}
	if stored != "" {
		return stored, true
	}
	return "WhatsApp could not deliver this message.", true
}
