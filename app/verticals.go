package app

// Vertical is one industry a business profile can name.
type Vertical struct {
	Code string // API code, e.g. "RETAIL"
	Name string // what the owner sees
}

// Verticals are the industries an owner may choose, in the reference's order.
var Verticals = []Vertical{
	{"AUTO", "Automotive"},
	{"BEAUTY", "Beauty, Spa and Salon"},
	{"APPAREL", "Clothing and Apparel"},
	{"EDU", "Education"},
	{"ENTERTAIN", "Entertainment"},
	{"EVENT_PLAN", "Event Planning and Service"},
	{"FINANCE", "Finance and Banking"},
	{"GROCERY", "Food and Grocery"},
	{"GOVT", "Public Service"},
	{"HOTEL", "Hotel and Lodging"},
	{"HEALTH", "Medical and Health"},
	{"NONPROFIT", "Non-profit"},
	{"PROF_SERVICES", "Professional Services"},
	{"RETAIL", "Shopping and Retail"},
	{"TRAVEL", "Travel and Transportation"},
	{"RESTAURANT", "Restaurant"},
	{"OTHER", "Other"},
}

// reportedOnlyVerticals may come from WhatsApp but are never offered.
var reportedOnlyVerticals = map[string]string{
	"UNDEFINED": "Not set (undefined)",
	"NOT_A_BIZ": "Not a business",
}

// VerticalName returns the human name of an API code, or the code itself
// when it is unknown.
func VerticalName(code string) string {
	for _, v := range Verticals {
		if v.Code == code {
			return v.Name
		}
	}
	if n, ok := reportedOnlyVerticals[code]; ok {
		return n
	}
	return code
}

// VerticalCode returns the API code of a human name, or "" if unknown.
func VerticalCode(name string) string {
	for _, v := range Verticals {
		if v.Name == name {
			return v.Code
		}
	}
	return ""
}

func offeredVertical(code string) bool {
	for _, v := range Verticals {
		if v.Code == code {
			return true
		}
	}
	return false
}
