package value

import (
	"strings"
	"testing"
)

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Decimal
		ok   bool
	}{
		{"comma", DecimalComma, true},
		{" Comma ", DecimalComma, true},
		{"point", DecimalPoint, true},
		{"POINT", DecimalPoint, true},
		{"", DecimalPoint, false},
		{",", DecimalPoint, false},
		{"dot", DecimalPoint, false},
		{"commas", DecimalPoint, false},
	} {
		got, ok := ParseDecimal(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if ok {
			if back, _ := ParseDecimal(got.String()); back != got {
				t.Errorf("ParseDecimal(%q.String()) = %v", got, back)
			}
		}
	}
}

func TestParseDecimalComma(t *testing.T) {
	comma := Spec{Type: Number, Decimal: DecimalComma}
	runParseCases(t, comma, []parseCase{
		{name: "dot groups", raw: "2.100", want: pt(2100)},
		{name: "both marks", raw: "1.234,5", want: pt(1234.5)},
		{name: "comma decimal", raw: "3,5", want: pt(3.5)},
		{name: "many groups", raw: "1.234.567", want: pt(1234567)},
		{name: "plain", raw: "600000", want: pt(600000)},
		{name: "leading comma", raw: ",5", want: pt(0.5)},
		{name: "comma then three", raw: "2,100", want: pt(2.1)},
		{name: "space groups", raw: "1 234,5", want: pt(1234.5)},
		{name: "about", raw: "about 2.100", want: about(2100, 1995, 2205)},
		{name: "approx fast path", raw: "~850.000", want: about(850000, 807500, 892500)},
		{name: "multiplier", raw: "1,5 million", want: pt(1.5e6)},
		{name: "glued multiplier", raw: "2,5k", want: pt(2500)},
		{name: "unit", raw: "2.100 troops", want: pt(2100)},
		{name: "between", raw: "between 2,5 and 3,5", want: span(2.5, 3.5)},
		{name: "hyphen", raw: "2,5-3,5", want: span(2.5, 3.5)},
		{name: "dash", raw: "2,5–3,5", want: span(2.5, 3.5)},
		{name: "to", raw: "2,5 to 3,5", want: span(2.5, 3.5)},
		{name: "groups range", raw: "1.000-2.000", want: span(1000, 2000)},
		{name: "at least", raw: "at least 2,5", want: atLeastSet(2.5)},
		{name: "plus", raw: "2.500+", want: atLeastSet(2500)},
		{name: "exponent", raw: "1,5e3", want: pt(1500)},

		{name: "point decimal", raw: "2.1", err: "is not a number"},
		{name: "two decimal marks", raw: "2,100.5", err: "is not a number"},
		{name: "short group", raw: "6.00", err: "is not a number"},
		{name: "zero group", raw: "0.600", err: "is not a number"},
		{name: "comma list", raw: "2, 5", err: "is not a number"},
		{name: "mixed groups", raw: "1.000 000", err: "is not a number"},
		{name: "percentage hint", raw: "12,5%", err: "is a percentage, but the topic's type is number"},
		{name: "money hint", raw: "€1,5 mln", err: "is an amount of money, but the topic's type is number"},
	})
	runParseCases(t, Spec{Type: Percent, Decimal: DecimalComma}, []parseCase{
		{name: "percent", raw: "12,5%", want: pt(12.5)},
		{name: "percent range", raw: "12,5-13,5%", want: span(12.5, 13.5)},
		{name: "percent between", raw: "between 12,5% and 13%", want: span(12.5, 13)},
	})
	runParseCases(t, Spec{Type: Money, Unit: "EUR", Decimal: DecimalComma}, []parseCase{
		{name: "euro cents", raw: "€1.500,50", want: pt(1500.5)},
		{name: "euros after", raw: "1.500,50 €", want: pt(1500.5)},
		{name: "mln", raw: "€1,5 mln", want: pt(1.5e6)},
		{name: "code", raw: "EUR 2.100", want: pt(2100)},
		{name: "range", raw: "€2,5-3,5 billion", want: span(2.5e9, 3.5e9)},
		{name: "negative", raw: "-€2,5m", want: pt(-2.5e6)},
	})
	runParseCases(t, Spec{Type: Duration, Decimal: DecimalComma}, []parseCase{
		{name: "years", raw: "1,5 years", want: pt(1.5 * 365.25)},
		{name: "days", raw: "1.000 days", want: pt(1000)},
	})
	// Dates know nothing of decimal marks.
	runParseCases(t, Spec{Type: Date, Decimal: DecimalComma}, []parseCase{
		{name: "date", raw: "2025-11-27", want: pt(20419)},
	})
}

func TestGroupingSeparators(t *testing.T) {
	for _, spec := range []Spec{{Type: Number}, {Type: Number, Decimal: DecimalComma}} {
		runParseCases(t, spec, []parseCase{
			{name: "space", raw: "100 000", want: pt(100000)},
			{name: "spaces", raw: "1 000 000", want: pt(1e6)},
			{name: "no-break space", raw: "100\u00a0000", want: pt(100000)},
			{name: "narrow no-break space", raw: "100\u202f000", want: pt(100000)},
			{name: "thin space", raw: "100\u2009000", want: pt(100000)},
			{name: "apostrophe", raw: "1'000", want: pt(1000)},
			{name: "right quote", raw: "1’000’000", want: pt(1e6)},
			{name: "between", raw: "between 100 000 and 200 000", want: span(1e5, 2e5)},
			{name: "range", raw: "100 000-200 000 troops", want: span(1e5, 2e5)},
			{name: "about", raw: "about 850 000", want: about(850000, 807500, 892500)},
			{name: "bound", raw: "at least 100 000", want: atLeastSet(1e5)},
			{name: "unit", raw: "600 000 troops", want: pt(600000)},

			{name: "two digits", raw: "10 20", err: "is not a number"},
			{name: "four digits", raw: "1 0000", err: "is not a number"},
			{name: "long first group", raw: "1000 000", err: "is not a number"},
			{name: "mixed", raw: "1'000 000", err: "is not a number"},
		})
	}
	runParseCases(t, Spec{Type: Number}, []parseCase{
		{name: "apostrophe and point", raw: "1'234.5", want: pt(1234.5)},
		{name: "space and point", raw: "1 234.5", want: pt(1234.5)},
		{name: "comma and space", raw: "1,000 000", err: "is not a number"},
		{name: "zero group", raw: "0,600", err: "is not a number"},
	})
	runParseCases(t, Spec{Type: Money, Unit: "USD"}, []parseCase{
		{name: "code and spaces", raw: "USD 100 000", want: pt(1e5)},
		{name: "symbol and spaces", raw: "$1 000 000", want: pt(1e6)},
	})
}

// A relative value's factor follows its source's decimal mark too.
func TestRelativeDecimalComma(t *testing.T) {
	comma := Spec{Type: Number, Decimal: DecimalComma}
	ten := mustParse(t, "10", comma)
	for _, tc := range []struct {
		raw  string
		want set
	}{
		{"1,5 times t.a", pt(15)},
		{"up to 2,5 times t.a", atMostSet(25)},
		{"between 1,5 and 2,5 times t.a", span(15, 25)},
		{"1,5-2,5 times t.a", span(15, 25)},
		{"12,5% of t.a", pt(1.25)},
	} {
		v := mustParse(t, tc.raw, comma)
		if ref, ok := IsRelative(tc.raw); !ok || ref != "t.a" || v.Ref != "t.a" {
			t.Errorf("%q: IsRelative %q %v, Ref %q", tc.raw, ref, ok, v.Ref)
			continue
		}
		checkSet(t, Resolve(v, ten, comma), tc.want)
	}
	if v, err := Parse("1,5 times t.a", Spec{Type: Number}); err == nil {
		t.Errorf("a decimal comma read with a point: %v", v)
	}
}

func TestAmbiguousDecimal(t *testing.T) {
	n, usd := Spec{Type: Number}, Spec{Type: Money, Unit: "USD"}
	for _, tc := range []struct {
		name, raw       string
		spec            Spec
		asPoint, asComa string
	}{
		{"three digits", "2.100", n, "2.1", "2100"},
		{"money million", "$1.500 million", usd, "$1.5 million", "$1500 million"},
		{"whole thousand", "1.000", n, "1", "1000"},
		{"inner zero", "2.050", n, "2.05", "2050"},
		{"three before", "123.456", n, "123.456", "123456"},
		{"signed", "-2.100", n, "-2.1", "-2100"},
		{"about", "about 12.345 troops", n, "about 12.345 troops", "about 12345 troops"},
		{"bound", "at least 2.100", n, "at least 2.1", "at least 2100"},
		{"both ends", "between 1.500 and 2.000", n, "between 1.5 and 2", "between 1500 and 2000"},
		{"range", "1.500-2.000", n, "1.5-2", "1500-2000"},
		{"currency code", "USD 2.500", usd, "USD 2.5", "USD 2500"},
		{"factor", "1.500 times t.a", n, "1.5 times t.a", "1500 times t.a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, c, ok := AmbiguousDecimal(tc.raw, tc.spec)
			if !ok || p != tc.asPoint || c != tc.asComa {
				t.Errorf("AmbiguousDecimal(%q) = %q, %q, %v; want %q, %q", tc.raw, p, c, ok, tc.asPoint, tc.asComa)
			}
		})
	}
	for _, tc := range []struct {
		raw  string
		spec Spec
	}{
		{"2.1", n}, {"2.10", n}, {"2,100", n}, {"2.1000", n}, {"1.234.567", n}, {"0.100", n},
		{"1234.567", n}, {"2.100e3", n}, {"2.100 to 2.5", n}, {"2.5 to 2.100", n}, {"1,000.500", n},
		{"1.234,5", n}, {"2.100.", n}, {"600000", n}, {"half of x.100", n}, {"2 times plan.v2.100", n},
		{"2.100", Spec{Type: Number, Decimal: DecimalComma}},
		{"$1.500 million", Spec{Type: Money, Unit: "USD", Decimal: DecimalComma}},
		{"2.100%", Spec{Type: Percent}}, {"2.100 days", Spec{Type: Duration}}, {"2.100", Spec{Type: Text}},
		{"2.100", Spec{Type: Date}}, {"troops 2.100 x", n}, {"", n},
	} {
		if p, c, ok := AmbiguousDecimal(tc.raw, tc.spec); ok {
			t.Errorf("AmbiguousDecimal(%q, %s %s) = %q, %q, true", tc.raw, tc.spec.Type, tc.spec.Decimal, p, c)
		}
	}
}

// FuzzDecimal holds the two decimal marks to being mirror images, and
// the ambiguity warning to readings that parse as it says.
func FuzzDecimal(f *testing.F) {
	for _, s := range []string{"2.100", "1.234,5", "3,5", "1.234.567", "2,5-3,5", "between 2,5 and 3,5",
		"100 000", "1'000", "$1.500 million", "€1.500,50", "at least 2.100", "1,5e3", "2.100e3", ",5", "0.600",
		"1.500 times t.a", "12,5%", "1 234,5", "between 1.500 and 2.000"} {
		f.Add(s)
	}
	specs := []Spec{{Type: Number}, {Type: Percent}, {Type: Money, Unit: "EUR"}, {Type: Duration, Unit: "days"}}
	f.Fuzz(func(t *testing.T, raw string) {
		// Swapping the marks in text without letters reads the same under
		// the other declaration.
		if !strings.ContainsFunc(raw, func(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r > 127 }) {
			swapped := strings.Map(func(r rune) rune {
				switch r {
				case '.':
					return ','
				case ',':
					return '.'
				}
				return r
			}, raw)
			for _, spec := range specs {
				comma := spec
				comma.Decimal = DecimalComma
				a, errA := Parse(raw, comma)
				b, errB := Parse(swapped, spec)
				if (errA == nil) != (errB == nil) || errA == nil && !Same(a, b) {
					t.Fatalf("%q with a decimal comma = %v, %v; %q with a point = %v, %v", raw, a, errA, swapped, b, errB)
				}
			}
		}
		for _, spec := range []Spec{{Type: Number}, {Type: Money, Unit: "USD"}} {
			p, c, ok := AmbiguousDecimal(raw, spec)
			if !ok {
				continue
			}
			comma := spec
			comma.Decimal = DecimalComma
			asWritten, asPoint := mustParse(t, raw, spec), mustParse(t, p, spec)
			commaWritten, asComma := mustParse(t, raw, comma), mustParse(t, c, spec)
			if !Same(asWritten, asPoint) || !Same(commaWritten, asComma) || Same(asPoint, asComma) {
				t.Fatalf("AmbiguousDecimal(%q) = %q, %q: %v/%v and %v/%v", raw, p, c, asWritten, asPoint, commaWritten, asComma)
			}
		}
	})
}
