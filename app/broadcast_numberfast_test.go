package app

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// Where the quick reading of a number gives a valid number, it is the
// number the library's Parse gives: for every region's example numbers
// of every type, written internationally and nationally with the
// region's own default, and for random digits in the countries of most
// of Parley's owners.
func TestFastNumberAgreesWithParse(t *testing.T) {
	compared := 0
	compare := func(d string, plus bool, region string) {
		t.Helper()
		fast := fastNumber(d, plus, region)
		if fast == nil || !read(fast).valid() {
			return
		}
		compared++
		in := d
		if plus {
			in = "+" + d
		}
		slow, err := phonenumbers.Parse(in, region)
		if err != nil {
			t.Errorf("%q in %s: quick %s, Parse fails: %v", in, region, phonenumbers.Format(fast, phonenumbers.E164), err)
			return
		}
		if f, s := phonenumbers.Format(fast, phonenumbers.E164), phonenumbers.Format(slow, phonenumbers.E164); f != s ||
			phonenumbers.GetNumberType(fast) != phonenumbers.GetNumberType(slow) {
			t.Errorf("%q in %s: quick %s, Parse %s", in, region, f, s)
		}
	}
	checked := 0
	for region := range phonenumbers.GetSupportedRegions() {
		for typ := phonenumbers.FIXED_LINE; typ < phonenumbers.UNKNOWN; typ++ {
			num := phonenumbers.GetExampleNumberForType(region, typ)
			if num == nil {
				continue
			}
			compare(digits(phonenumbers.Format(num, phonenumbers.E164)), true, "")
			compare(digits(phonenumbers.Format(num, phonenumbers.NATIONAL)), false, region)
			checked++
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, region := range []string{"DE", "AT", "CH", "GB", "FR", "NL", "ES", "IT", "PT", "PL", "TR", "US", "IN", "ID", "BR", "MX", "AR", "CO", "NG", "ZA", "JP", "RU", "EG", "PK"} {
		cc := phonenumbers.GetCountryCodeForRegion(region)
		for range 2000 {
			width := 6 + rng.IntN(8)
			n := fmt.Sprintf("%0*d", width, rng.Uint64N(uint64(math.Pow10(width))))
			compare(fmt.Sprint(cc)+n, true, "")
			compare(fmt.Sprint(cc)+n, false, region)
			compare("0"+n, false, region)
			compare(n, false, region)
			checked++
		}
	}
	if checked < 1000 || compared < 2000 {
		t.Fatalf("only %d cases, %d numbers read quickly", checked, compared)
	}
	t.Logf("%d cases, %d numbers read quickly", checked, compared)
}
