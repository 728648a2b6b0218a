package value

import (
	"math"
	"strconv"
	"testing"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// generalParse is parse without the plain-number shortcut.
func generalParse(raw string, spec Spec) (Value, bool, error) {
	c := newCtx(spec)
	v, err := c.parse(raw, lex.Clean(raw))
	return v, c.marked, err
}

func TestPlainNumber(t *testing.T) {
	tests := []struct {
		raw  string
		want float64
		ok   bool
	}{
		{"600000", 600000, true},
		{"600,000", 600000, true},
		{"1,234,567", 1234567, true},
		{"0", 0, true},
		{"999", 999, true},
		{"123456789012345", 123456789012345, true},
		{"1234567890123456", 0, false}, // more digits than a float64 keeps exactly
		{"007", 0, false},
		{"0,600", 0, false},
		{"6,00", 0, false},
		{"6,0000", 0, false},
		{"1234,567", 0, false},
		{",600", 0, false},
		{"600,", 0, false},
		{"600,,000", 0, false},
		{"600 000", 0, false},
		{"600.5", 0, false},
		{"-5", 0, false},
		{"+5", 0, false},
		{" 600", 0, false},
		{"600k", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := plainNumber(tt.raw, DecimalPoint)
		if ok != tt.ok || got != tt.want {
			t.Errorf("plainNumber(%q) = %v, %v; want %v, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		raw        string
		want       float64
		approx, ok bool
	}{
		{"about 850,000", 850000, true, true},
		{"~850000", 850000, true, true},
		{"around 5", 5, true, true},
		{"approximately 12", 12, true, true},
		{"5", 5, false, true},
		{"about  5", 0, true, false},
		{"About 5", 0, false, false},
		{"about 5k", 0, true, false},
		{"abut 5", 0, false, false},
	} {
		got, approx, ok := plainNumberAbout(tt.raw, DecimalPoint)
		if ok != tt.ok || ok && (got != tt.want || approx != tt.approx) {
			t.Errorf("plainNumberAbout(%q) = %v, %v, %v; want %v, %v, %v", tt.raw, got, approx, ok, tt.want, tt.approx, tt.ok)
		}
	}
}

// Every number the shortcut reads, approximate or not, must come out
// exactly as the general parser makes it, whatever the tolerance.
func FuzzPlainNumber(f *testing.F) {
	for _, s := range []string{"600000", "600,000", "1,234,567", "0", "123456789012345", "6,00", "0,600",
		"about 850,000", "around 5", "approximately 12", "~850000", "about  5", "about", "~", "about -5",
		"600.000", "1.234.567", "about 850.000", "6.00", "0.600", "100 000"} {
		f.Add(s)
	}
	for i := range 200 {
		f.Add(strconv.Itoa(i * 7919))
	}
	specs := []Spec{
		{Type: Number},
		{Type: Number, Unit: "personnel", Tolerance: Tolerance{Rel: 0.01}},
		{Type: Number, Tolerance: Tolerance{Abs: 5}},
		{Type: Number, Tolerance: Tolerance{Rel: 1e300}},
		{Type: Number, Decimal: DecimalComma},
		{Type: Number, Decimal: DecimalComma, Tolerance: Tolerance{Rel: 0.01}},
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, spec := range specs {
			if _, _, ok := plainNumberAbout(raw, spec.Decimal); !ok {
				continue
			}
			fast, fastMarked, _, fastErr := parse(raw, spec)
			slow, slowMarked, slowErr := generalParse(raw, spec)
			if fastErr != nil || slowErr != nil || fastMarked != slowMarked || !sameValue(fast, slow) {
				t.Fatalf("%q with %+v:\nshortcut %+v %v %v\ngeneral  %+v %v %v", raw, spec, fast, fastMarked, fastErr, slow, slowMarked, slowErr)
			}
		}
	})
}

// sameValue is == with NaN equal to itself.
func sameValue(a, b Value) bool {
	if math.IsNaN(a.Nominal) && math.IsNaN(b.Nominal) {
		a.Nominal, b.Nominal = 0, 0
	}
	if math.IsNaN(a.Factor) && math.IsNaN(b.Factor) {
		a.Factor, b.Factor = 0, 0
	}
	return a == b
}
