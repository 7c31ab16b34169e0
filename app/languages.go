package app

// Language is a language WhatsApp accepts for message templates.
type Language struct {
	Code string // WhatsApp's code, e.g. "en_US"; case-sensitive
	Name string // English name for people, e.g. "English (US)"
}

// Languages lists the template languages WhatsApp supports, sorted by
// Name. Source: Meta's "Supported languages" list for message templates.
var Languages = []Language{
	{"af", "Afrikaans"},
	{"sq", "Albanian"},
	{"ar", "Arabic"},
	{"az", "Azerbaijani"},
	{"bn", "Bengali"},
	{"bg", "Bulgarian"},
	{"ca", "Catalan"},
	{"zh_CN", "Chinese (China)"},
	{"zh_HK", "Chinese (Hong Kong)"},
	{"zh_TW", "Chinese (Taiwan)"},
	{"hr", "Croatian"},
	{"cs", "Czech"},
	{"da", "Danish"},
	{"nl", "Dutch"},
	{"en", "English"},
	{"en_GB", "English (UK)"},
	{"en_US", "English (US)"},
	{"et", "Estonian"},
	{"fil", "Filipino"},
	{"fi", "Finnish"},
	{"fr", "French"},
	{"ka", "Georgian"},
	{"de", "German"},
	{"el", "Greek"},
	{"gu", "Gujarati"},
	{"ha", "Hausa"},
	{"he", "Hebrew"},
	{"hi", "Hindi"},
	{"hu", "Hungarian"},
	{"id", "Indonesian"},
	{"ga", "Irish"},
	{"it", "Italian"},
	{"ja", "Japanese"},
	{"kn", "Kannada"},
	{"kk", "Kazakh"},
	{"rw_RW", "Kinyarwanda"},
	{"ko", "Korean"},
	{"ky_KG", "Kyrgyz"},
	{"lo", "Lao"},
	{"lv", "Latvian"},
	{"lt", "Lithuanian"},
	{"mk", "Macedonian"},
	{"ms", "Malay"},
	{"ml", "Malayalam"},
	{"mr", "Marathi"},
	{"nb", "Norwegian"},
	{"fa", "Persian"},
	{"pl", "Polish"},
	{"pt_BR", "Portuguese (Brazil)"},
	{"pt_PT", "Portuguese (Portugal)"},
	{"pa", "Punjabi"},
	{"ro", "Romanian"},
	{"ru", "Russian"},
	{"sr", "Serbian"},
	{"sk", "Slovak"},
	{"sl", "Slovenian"},
	{"es", "Spanish"},
	{"es_AR", "Spanish (Argentina)"},
	{"es_MX", "Spanish (Mexico)"},
	{"es_ES", "Spanish (Spain)"},
	{"sw", "Swahili"},
	{"sv", "Swedish"},
	{"ta", "Tamil"},
	{"te", "Telugu"},
	{"th", "Thai"},
	{"tr", "Turkish"},
	{"uk", "Ukrainian"},
	{"ur", "Urdu"},
	{"uz", "Uzbek"},
	{"vi", "Vietnamese"},
	{"zu", "Zulu"},
}

var languageNames = func() map[string]string {
	m := make(map[string]string, len(Languages))
	for _, l := range Languages {
		m[l.Code] = l.Name
	}
	return m
}()

// KnownLanguage reports whether code is a template language WhatsApp
// supports. Codes are case-sensitive ("en_US", not "en_us").
func KnownLanguage(code string) bool {
	_, ok := languageNames[code]
	return ok
}

// LanguageName returns the English name of a template language code, or
// the code itself when it is not in Languages (templates synced from
// WhatsApp may use codes added after this list).
func LanguageName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	return code
}

// LanguageLabel returns a language for display with its code, e.g.
// "English (US) · en_US".
func LanguageLabel(code string) string {
	if n, ok := languageNames[code]; ok {
		return n + " · " + code
	}
	return code
}
