package value

import "testing"

func TestCanonical(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		spec Spec
		want string
	}{
		{"600,000", Spec{Type: Number}, "600000"},
		{"0.6 million", Spec{Type: Number}, "600000"},
		{"about 19%", Spec{Type: Percent}, "19"},
		{"$1.5 billion", Spec{Type: Money}, "1500000000"},
		{"2 weeks", Spec{Type: Duration}, "14"},
		{"27 November 2025", Spec{Type: Date}, "2025-11-27"},
		{"2011-12-01T14:07:00-05:00", Spec{Type: DateTime}, "2011-12-01T19:07:00Z"},
		{"up to 9,000", Spec{Type: Number}, "<=9000"},
		{"more than 5", Spec{Type: Number}, ">5"},
		{"between 5 and 10", Spec{Type: Number}, "5..10"},
		{"  The  Art of  Computer Programming! ", Spec{Type: Text}, "the art of computer programming"},
		{"True", Spec{Type: Bool}, "yes"},
		{"group of eight", Spec{Type: Choice, Choices: []ChoiceDef{{Name: "G8", Aliases: []string{"Group of Eight"}}}}, "G8"},
	} {
		v, err := Parse(tt.raw, tt.spec)
		if err != nil {
			t.Fatalf("%q: %v", tt.raw, err)
		}
		if got := Canonical(v); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
