package value

import (
	"math"
	"strings"
	"testing"
	"time"
)

var (
	inf = math.Inf(1)
	nan = math.NaN()
)

// set is the expected set of a numeric value. Open lists the open ends:
// "(" for Lo, ")" for Hi; infinite ends are always open.
type set struct {
	lo, hi  float64
	open    string
	nominal float64
	approx  bool
}

func pt(n float64) set              { return set{lo: n, hi: n, nominal: n} }
func about(n, lo, hi float64) set   { return set{lo: lo, hi: hi, nominal: n, approx: true} }
func span(lo, hi float64) set       { return set{lo: lo, hi: hi, nominal: nan} }
func atLeastSet(n float64) set      { return set{lo: n, hi: inf, open: ")", nominal: nan} }
func moreThanSet(n float64) set     { return set{lo: n, hi: inf, open: "()", nominal: nan} }
func atMostSet(n float64) set       { return set{lo: -inf, hi: n, open: "(", nominal: nan} }
func lessThanSet(n float64) set     { return set{lo: -inf, hi: n, open: "()", nominal: nan} }
func widened(n, lo, hi float64) set { return set{lo: lo, hi: hi, nominal: n} }

func sameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return approxEqual(a, b)
}

func checkSet(t *testing.T, v Value, want set) {
	t.Helper()
	if !sameFloat(v.Lo, want.lo) || !sameFloat(v.Hi, want.hi) {
		t.Errorf("%q: set [%v, %v], want [%v, %v]", v.Raw, v.Lo, v.Hi, want.lo, want.hi)
	}
	loOpen := strings.Contains(want.open, "(")
	hiOpen := strings.Contains(want.open, ")")
	if v.LoOpen != loOpen || v.HiOpen != hiOpen {
		t.Errorf("%q: open (%v, %v), want (%v, %v)", v.Raw, v.LoOpen, v.HiOpen, loOpen, hiOpen)
	}
	if !sameFloat(v.Nominal, want.nominal) {
		t.Errorf("%q: nominal %v, want %v", v.Raw, v.Nominal, want.nominal)
	}
	if v.Approx != want.approx {
		t.Errorf("%q: approx %v, want %v", v.Raw, v.Approx, want.approx)
	}
}

// parseCase is a row of the table-driven parse tests: either a set or,
// with err set, a substring of the expected error.
type parseCase struct {
	name string
	raw  string
	want set
	err  string
}

func runParseCases(t *testing.T, spec Spec, cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Parse(tc.raw, spec)
			if tc.err != "" {
				if err == nil {
					t.Fatalf("Parse(%q) = %v, want error containing %q", tc.raw, v, tc.err)
				}
				if !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("Parse(%q) error %q, want it to contain %q", tc.raw, err, tc.err)
				}
				checkErrorStyle(t, err)
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.raw, err)
			}
			if v.Raw != tc.raw || v.Type != spec.Type {
				t.Errorf("Raw %q Type %q, want %q %q", v.Raw, v.Type, tc.raw, spec.Type)
			}
			checkSet(t, v, tc.want)
		})
	}
}

// checkErrorStyle holds errors to the project's style: lower case at the
// start (unless a quoted value), no trailing period.
func checkErrorStyle(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if msg == "" || strings.HasSuffix(msg, ".") || msg[0] >= 'A' && msg[0] <= 'Z' {
		t.Errorf("error %q breaks the style: lower case, no trailing period", msg)
	}
}

func mustParse(t testing.TB, raw string, spec Spec) Value {
	t.Helper()
	v, err := Parse(raw, spec)
	if err != nil {
		t.Fatalf("Parse(%q, %v): %v", raw, spec.Type, err)
	}
	return v
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// dayNumber is the days from 1970-01-01 to y-m-d.
func dayNumber(y, m, d int) float64 {
	return float64(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}
