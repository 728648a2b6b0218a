package value

import "testing"

func TestInfer(t *testing.T) {
	for _, tc := range []struct {
		name string
		raws []string
		want Type
	}{
		{"numbers", []string{"600,000", "600k", "~850,000", "at least 5", "5-10", "600,000 troops"}, Number},
		{"yaml ints", []string{"600000", "425000"}, Number},
		{"bare years", []string{"2025", "2026"}, Number},
		{"bools", []string{"yes", "No", "true", "FALSE"}, Bool},
		{"percentages", []string{"19%", "about 20 percent"}, Percent},
		{"some bare percentages", []string{"19%", "20"}, Text},
		{"money", []string{"$5bn", "€3 million"}, Money},
		{"some bare money", []string{"$5bn", "3 million"}, Text},
		{"durations", []string{"10 years", "a decade", "at least 6 months"}, Duration},
		{"dates", []string{"2025-11-27", "Nov 28, 2025", "2025-11"}, Date},
		{"dates and a datetime", []string{"2025-11-27", "2025-11-20T14:40:00Z"}, Date},
		{"datetimes", []string{"2025-11-20T14:40:00Z", "2025-11-20 15:00 UTC"}, DateTime},
		{"choices", []string{"G7", "G8"}, Text},
		{"mixed", []string{"600,000", "lots"}, Text},
		{"relative skipped", []string{"half of x", "600,000"}, Number},
		{"only relative", []string{"half of x"}, Number},
		{"none", nil, Text},
		{"blank", []string{" "}, Text},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Infer(tc.raws); got != tc.want {
				t.Errorf("Infer(%q) = %q, want %q", tc.raws, got, tc.want)
			}
		})
	}
}

func TestInferDecimal(t *testing.T) {
	comma, point := DecimalComma, DecimalPoint
	for _, tc := range []struct {
		name string
		raws []string
		decs []Decimal
		want Type
	}{
		{"comma source", []string{"2,5", "3,5"}, []Decimal{comma, comma}, Number},
		{"mixed sources", []string{"2,5", "2.5", "1.000"}, []Decimal{comma, point, comma}, Number},
		{"comma read with a point", []string{"2,5", "3,5"}, nil, Text},
		{"comma money", []string{"€1.500,50", "€2,5 mln"}, []Decimal{comma, comma}, Money},
		{"comma percent", []string{"12,5%"}, []Decimal{comma}, Percent},
		{"short list", []string{"2,5", "3"}, []Decimal{comma}, Number},
		{"relative skipped", []string{"half of x", "2,5"}, []Decimal{point, comma}, Number},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := InferDecimal(tc.raws, tc.decs); got != tc.want {
				t.Errorf("InferDecimal(%q, %v) = %q, want %q", tc.raws, tc.decs, got, tc.want)
			}
		})
	}
}
