package value

import "testing"

func TestParseTolerance(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     Tolerance
		err      string
	}{
		{"percent", "1%", Tolerance{Rel: 0.01}, ""},
		{"percent word", "0.5 percent", Tolerance{Rel: 0.005}, ""},
		{"per cent", "2 per cent", Tolerance{Rel: 0.02}, ""},
		{"absolute", "500", Tolerance{Abs: 500}, ""},
		{"multiplier", "10k", Tolerance{Abs: 10000}, ""},
		{"money", "$1m", Tolerance{Abs: 1e6}, ""},
		{"days", "3 days", Tolerance{Abs: 3}, ""},
		{"hours", "12 hours", Tolerance{Abs: 0.5}, ""},
		{"weeks", "2 weeks", Tolerance{Abs: 14}, ""},
		{"percentage points", "1 pp", Tolerance{Abs: 1}, ""},
		{"zero", "0", Tolerance{}, ""},
		{"plus-minus", "±5%", Tolerance{Rel: 0.05}, ""},
		{"both", "500 or 1%", Tolerance{Abs: 500, Rel: 0.01}, ""},
		{"both reversed", "1% or 500", Tolerance{Abs: 500, Rel: 0.01}, ""},

		{"empty", "", Tolerance{}, "it is empty"},
		{"negative", "-1", Tolerance{}, "is negative"},
		{"negative percent", "-1%", Tolerance{}, "is negative"},
		{"words", "a bit", Tolerance{}, `"a bit" is not a tolerance`},
		{"three parts", "1 or 2 or 3%", Tolerance{}, "at most an amount and a percentage"},
		{"percent of", "1% of x", Tolerance{}, "is not a tolerance"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseTolerance(tc.in)
			if tc.err != "" {
				if err == nil || !contains(err.Error(), tc.err) {
					t.Fatalf("ParseTolerance(%q) = %v, %v, want error %q", tc.in, got, err, tc.err)
				}
				checkErrorStyle(t, err)
				return
			}
			if err != nil || !approxEqual(got.Abs, tc.want.Abs) || !approxEqual(got.Rel, tc.want.Rel) {
				t.Fatalf("ParseTolerance(%q) = %+v, %v, want %+v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestToleranceString(t *testing.T) {
	for _, tc := range []struct {
		t    Tolerance
		want string
	}{
		{Tolerance{}, "0"},
		{Tolerance{Rel: 0.01}, "1%"},
		{Tolerance{Rel: 0.07}, "7%"},
		{Tolerance{Rel: 0.005}, "0.5%"},
		{Tolerance{Abs: 500}, "500"},
		{Tolerance{Abs: 1.0 / 12}, "0.08333333333333333"},
		{Tolerance{Abs: 500, Rel: 0.01}, "500 or 1%"},
	} {
		got := tc.t.String()
		if got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.t, got, tc.want)
		}
		back, err := ParseTolerance(got)
		if err != nil || back != tc.t {
			t.Errorf("ParseTolerance(%q) = %+v, %v, want %+v back", got, back, err, tc.t)
		}
	}
}

func TestBadToleranceIsIgnored(t *testing.T) {
	for _, tol := range []Tolerance{{Abs: -5}, {Rel: -1}, {Abs: nan}, {Rel: inf}} {
		v := mustParse(t, "100", Spec{Type: Number, Tolerance: tol})
		checkSet(t, v, pt(100))
	}
}

// Two exact values agree exactly when they differ by at most the
// tolerance: by Abs, or by Rel of their mean. "About" keeps its own 5%.
func TestToleranceMeansWhatItSays(t *testing.T) {
	num := func(tol Tolerance) Spec { return Spec{Type: Number, Tolerance: tol} }
	for _, tc := range []struct {
		name string
		spec Spec
		a, b string
		meet bool
	}{
		{"absolute, at the tolerance", num(Tolerance{Abs: 500}), "1000", "1500", true},
		{"absolute, just beyond", num(Tolerance{Abs: 500}), "1000", "1501", false},
		{"absolute, twice the tolerance", num(Tolerance{Abs: 500}), "1000", "2000", false},
		{"relative, within 1% of the mean", num(Tolerance{Rel: 0.01}), "600,000", "606,000", true},
		{"relative, 2% apart", num(Tolerance{Rel: 0.01}), "600,000", "612,000", false},
		{"no tolerance", num(Tolerance{}), "600,000", "600,001", false},
		{"about keeps 5%", num(Tolerance{}), "about 100", "105", true},
		{"about, beyond 5%", num(Tolerance{}), "about 100", "106", false},
		{"dates, at 3 days", Spec{Type: Date, Tolerance: Tolerance{Abs: 3}}, "2025-11-20", "2025-11-23", true},
		{"dates, 4 days apart", Spec{Type: Date, Tolerance: Tolerance{Abs: 3}}, "2025-11-20", "2025-11-24", false},
		{"times, at 2 hours", Spec{Type: DateTime, Tolerance: Tolerance{Abs: 2.0 / 24}}, "2025-11-20 10:00 UTC", "2025-11-20 12:00 UTC", true},
		{"times, just beyond", Spec{Type: DateTime, Tolerance: Tolerance{Abs: 2.0 / 24}}, "2025-11-20 10:00 UTC", "2025-11-20 12:01 UTC", false},
		{"durations, at 2 days", Spec{Type: Duration, Tolerance: Tolerance{Abs: 2}}, "10 days", "12 days", true},
		{"durations, beyond", Spec{Type: Duration, Tolerance: Tolerance{Abs: 2}}, "10 days", "13 days", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := mustParse(t, tc.a, tc.spec), mustParse(t, tc.b, tc.spec)
			if got := Meets(a, b); got != tc.meet {
				t.Errorf("Meets(%q, %q) = %v, want %v (sets %v and %v)", tc.a, tc.b, got, tc.meet, a, b)
			}
		})
	}
}
