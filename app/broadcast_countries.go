package app

import "strings"

// countryNames are the English names of the countries phone numbers
// belong to, by ISO 3166 code, as the reasons of invalid numbers say
// them ("not a valid number for Germany"). A country missing here is
// named by its calling code ("a +84 number").
var countryNames = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(countryList, "\n") {
		if code, name, ok := strings.Cut(strings.TrimSpace(line), " "); ok {
			m[code] = name
		}
	}
	return m
}()

const countryList = `AD Andorra
AE the United Arab Emirates
AF Afghanistan
AL Albania
AM Armenia
AO Angola
AR Argentina
AT Austria
AU Australia
AZ Azerbaijan
BA Bosnia and Herzegovina
BD Bangladesh
BE Belgium
BF Burkina Faso
BG Bulgaria
BH Bahrain
BJ Benin
BO Bolivia
BR Brazil
BY Belarus
CA Canada
CD the Democratic Republic of the Congo
CH Switzerland
CI Côte d'Ivoire
CL Chile
CM Cameroon
CN China
CO Colombia
CR Costa Rica
CU Cuba
CY Cyprus
CZ the Czech Republic
DE Germany
DK Denmark
DO the Dominican Republic
DZ Algeria
EC Ecuador
EE Estonia
EG Egypt
ES Spain
ET Ethiopia
FI Finland
FR France
GB the United Kingdom
GE Georgia
GH Ghana
GR Greece
GT Guatemala
HK Hong Kong
HN Honduras
HR Croatia
HU Hungary
ID Indonesia
IE Ireland
IL Israel
IN India
IQ Iraq
IR Iran
IS Iceland
IT Italy
JM Jamaica
JO Jordan
JP Japan
KE Kenya
KG Kyrgyzstan
KH Cambodia
KR South Korea
KW Kuwait
KZ Kazakhstan
LA Laos
LB Lebanon
LK Sri Lanka
LT Lithuania
LU Luxembourg
LV Latvia
LY Libya
MA Morocco
MD Moldova
ME Montenegro
MG Madagascar
MK North Macedonia
ML Mali
MM Myanmar
MT Malta
MU Mauritius
MX Mexico
MY Malaysia
MZ Mozambique
NG Nigeria
NI Nicaragua
NL the Netherlands
NO Norway
NP Nepal
NZ New Zealand
OM Oman
PA Panama
PE Peru
PH the Philippines
PK Pakistan
PL Poland
PR Puerto Rico
PT Portugal
PY Paraguay
QA Qatar
RO Romania
RS Serbia
RU Russia
RW Rwanda
SA Saudi Arabia
SD Sudan
SE Sweden
SG Singapore
SI Slovenia
SK Slovakia
SN Senegal
SV El Salvador
SY Syria
TH Thailand
TN Tunisia
TR Turkey
TW Taiwan
TZ Tanzania
UA Ukraine
UG Uganda
US the US or Canada
UY Uruguay
UZ Uzbekistan
VE Venezuela
VN Vietnam
YE Yemen
ZA South Africa
ZM Zambia
ZW Zimbabwe`
