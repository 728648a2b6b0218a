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
