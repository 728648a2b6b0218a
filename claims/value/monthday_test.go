package value

import "testing"

func TestMonthDay(t *testing.T) {
	tests := []struct {
		raw  string
		m, d int
		ok   bool
	}{
		{"September 10th", 9, 10, true},
		{"Sept. 10", 9, 10, true},
		{"10 September", 9, 10, true},
		{"Thursday, 10 Sept", 9, 10, true},
		{"sep 1st", 9, 1, true},
		{"September 10, 2023", 0, 0, false}, // has a year: Parse reads it
		{"September", 0, 0, false},
		{"10 11", 0, 0, false},
		{"Smarch 10", 0, 0, false},
		{"September 32", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		m, d, ok := MonthDay(tt.raw)
		if m != tt.m || d != tt.d || ok != tt.ok {
			t.Errorf("MonthDay(%q) = %d, %d, %v; want %d, %d, %v", tt.raw, m, d, ok, tt.m, tt.d, tt.ok)
		}
	}
}

func TestYears(t *testing.T) {
	for _, tt := range []struct {
		raw      string
		from, to int
		ok       bool
	}{
		{"2023-09-10", 2023, 2023, true},
		{"2023", 2023, 2023, true},
		{"between 2023-12-30 and 2024-01-02", 2023, 2024, true},
		{"after 2023-01-01", 0, 0, false},
	} {
		v, err := Parse(tt.raw, Spec{Type: Date})
		if err != nil {
			t.Fatalf("%q: %v", tt.raw, err)
		}
		from, to, ok := Years(v)
		if from != tt.from || to != tt.to || ok != tt.ok {
			t.Errorf("Years(%q) = %d, %d, %v; want %d, %d, %v", tt.raw, from, to, ok, tt.from, tt.to, tt.ok)
		}
	}
}
