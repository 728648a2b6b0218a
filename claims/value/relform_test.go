package value

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// TestRelativeNeverMisread holds the forms that were once read as plain
// numbers with "times t.a" as their unit: each must now be the relative
// value it says, scaled from t.a = 10, or an error; never the factor
// alone.
func TestRelativeNeverMisread(t *testing.T) {
	n := Spec{Type: Number}
	ten := mustParse(t, "10", n)
	for _, tc := range []struct {
		name, raw string
		want      set
	}{
		{"up to", "up to 3 times t.a", atMostSet(30)},
		{"between", "between 2 and 3 times t.a", span(20, 30)},
		{"to", "2 to 3 times t.a", span(20, 30)},
		{"hyphen", "2-3 times t.a", span(20, 30)},
		{"at least half", "at least half of t.a", atLeastSet(5)},
		{"about twice", "about twice t.a", about(20, 19, 21)},
		{"more than", "more than a third of t.a", moreThanSet(10.0 / 3)},
		{"less than symbol", "< 80% of t.a", lessThanSet(8)},
		{"or more", "half of t.a or more", atLeastSet(5)},
		{"plus", "twice t.a+", atLeastSet(20)},
		{"fractions", "between a third and a half of t.a", span(10.0/3, 5)},
		{"percent range", "20-30% of t.a", span(2, 3)},
		{"percent between", "between 20% and 30% of t.a", span(2, 3)},
		{"from to", "from 2 to 3 times t.a", span(20, 30)},
		{"approx range", "about 2–3 times t.a", set{lo: 19, hi: 31.5, nominal: nan, approx: true}},
		{"hyphenated id", "2-3 times ukraine.army-size", span(20, 30)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Parse(tc.raw, n)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.raw, err)
			}
			ref, ok := IsRelative(tc.raw)
			if !ok || v.Ref == "" || ref != v.Ref {
				t.Fatalf("%q: IsRelative %q %v, Ref %q: read as absolute %v", tc.raw, ref, ok, v.Ref, v)
			}
			checkSet(t, Resolve(v, ten, n), tc.want)
		})
	}
}

// TestRelativeRejected lists texts that name a topic but are no relative
// value claimdiff reads: each is an error, never a number with a unit.
func TestRelativeRejected(t *testing.T) {
	for _, tc := range []struct{ name, raw, err string }{
		{"negative factor", "-2 times t.a", "factor must be more than zero"},
		{"zero factor", "0 times t.a", "factor must be more than zero"},
		{"negative interval end", "-2 to 3 times t.a", "factor must be more than zero"},
		{"reversed", "between 3 and 2 times t.a", "is a range from high to low"},
		{"huge factor", "1e400 times t.a", "is out of range"},
		{"unit after topic", "3 times t.a troops", "mentions topic t.a"},
		{"words after half", "half of t.a troops", "mentions topic t.a"},
		{"bound then unit", "up to 3 times t.a troops", "mentions topic t.a"},
		{"interval then unit", "between 2 and 3 times t.a troops", "mentions topic t.a"},
		{"two thirds then unit", "two thirds of t.a in 2025", "mentions topic t.a"},
		{"percent then unit", "80% of t.a troops", "mentions topic t.a"},
		{"approx bound", "about up to 3 times t.a", "mentions topic t.a"},
		{"glued x", "0.5x t.a troops", "mentions topic t.a"},
		{"times sign", "2×t.a troops", "mentions topic t.a"},
		{"bound of interval", "at least 2-3 times t.a", "mentions topic t.a"},
		{"twice then unit", "twice t.a troops", "mentions topic t.a"},
		{"mixed interval", "between half and 3 times t.a", "mentions topic t.a"},
		{"case kept", "3 times Plan.Size troops", "mentions topic Plan.Size"},
		{"words before topic", "3 times the size of t.a", "mentions topic t.a"},
		{"money factor", "$5bn of t.a", "mentions topic t.a"},
		{"later dotted id", "up to 3 times the t.a of 2025", "mentions topic t.a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, spec := range []Spec{{Type: Number}, {Type: Percent}, {Type: Money, Unit: "USD"}, {Type: Duration, Unit: "days"}} {
				v, err := Parse(tc.raw, spec)
				if err == nil {
					t.Fatalf("Parse(%q, %s) = %v (ref %q), want an error", tc.raw, spec.Type, v, v.Ref)
				}
				if !strings.Contains(err.Error(), tc.err) {
					t.Errorf("Parse(%q, %s) error %q, want it to contain %q", tc.raw, spec.Type, err, tc.err)
				}
				checkErrorStyle(t, err)
			}
			if ref, ok := IsRelative(tc.raw); ok {
				t.Errorf("IsRelative(%q) = %q, true", tc.raw, ref)
			}
		})
	}
	// Words that only look like a reference stay what they were.
	for _, tc := range []struct {
		raw  string
		spec Spec
		want float64
	}{
		{"5 regions of ukraine", Spec{Type: Number}, 5},
		{"600,000 troops of x", Spec{Type: Number}, 600000},
		{"3 times a day", Spec{Type: Number}, 3},
		{"19% of the territory", Spec{Type: Percent}, 19},
		{"19% of u.s. territory", Spec{Type: Percent}, 19},
		{"19% of the land of e.g. crimea", Spec{Type: Percent}, 19},
		{"600 troops.", Spec{Type: Number}, 600},
	} {
		v, err := Parse(tc.raw, tc.spec)
		if err != nil || v.Ref != "" || v.Nominal != tc.want {
			t.Errorf("Parse(%q) = %v (ref %q), %v; want %v", tc.raw, v, v.Ref, err, tc.want)
		}
	}
}

func TestResolveOverflow(t *testing.T) {
	n := Spec{Type: Number}
	rel := mustParse(t, "1e300 times t.a", n)
	for _, raw := range []string{"1e10", "at least 1e10", "5-1e10", "-1e10"} {
		ref := mustParse(t, raw, n)
		got, err := ResolveChecked(rel, ref, n)
		if err == nil || !strings.Contains(err.Error(), "is out of range") {
			t.Errorf("ResolveChecked(%q, %q) = %v, %v; want out of range", rel.Raw, raw, got, err)
		} else {
			checkErrorStyle(t, err)
		}
		if r := Resolve(rel, ref, n); resolved(r) || !Meets(r, mustParse(t, "7", n)) {
			t.Errorf("Resolve(%q, %q) = %v, want it unresolved", rel.Raw, raw, r)
		}
	}
	// Large but in range is fine, and so are the infinite ends of bounds.
	got, err := ResolveChecked(mustParse(t, "1e290 times t.a", n), mustParse(t, "at most 10", n), n)
	if err != nil {
		t.Fatal(err)
	}
	checkSet(t, got, atMostSet(1e291))
}

// TestRelativeMatchesAbsolute is the property that makes relative values
// safe: every form, resolved against a reference, is the set that the
// absolute text with the arithmetic done would be ("up to 3 times t.a"
// with t.a = 10 is "up to 30"), for each scalable type that compares
// amounts, with and without a tolerance, and for negative references.
func TestRelativeMatchesAbsolute(t *testing.T) {
	type kind struct {
		name   string
		spec   Spec
		ref    func(x string) string // writes an amount of the type
		values []float64             // the reference values
	}
	kinds := []kind{
		{"number", Spec{Type: Number}, func(x string) string { return x }, []float64{10, 850000, -10}},
		{"number 1%", Spec{Type: Number, Tolerance: Tolerance{Rel: 0.01}}, func(x string) string { return x }, []float64{10, 0.3}},
		{"number abs", Spec{Type: Number, Tolerance: Tolerance{Abs: 2}}, func(x string) string { return x }, []float64{10}},
		{"percent", Spec{Type: Percent}, func(x string) string { return x + "%" }, []float64{10, 19.5}},
		{"percent 1pp", Spec{Type: Percent, Tolerance: Tolerance{Abs: 1}}, func(x string) string { return x + "%" }, []float64{10}},
		{"money", Spec{Type: Money, Unit: "USD"}, func(x string) string { return "$" + x }, []float64{10, 2.5e9}},
		{"money eur", Spec{Type: Money, Unit: "EUR"}, func(x string) string { return x + " euros" }, []float64{1e6}},
	}
	factors := []float64{0.5, 2, 3, 10, 1.5}
	bounds := []struct{ rel, abs string }{
		{"%s times t.a", "%s"},
		{"up to %s times t.a", "up to %s"},
		{"at least %s times t.a", "at least %s"},
		{"more than %s times t.a", "more than %s"},
		{"less than %s times t.a", "less than %s"},
		{"about %s times t.a", "about %s"},
		{"≤ %s x t.a", "≤ %s"},
		{"%s times t.a or more", "%s or more"},
	}
	intervals := []struct{ rel, abs string }{
		{"between %s and %s times t.a", "between %s and %s"},
		{"%s to %s times t.a", "%s to %s"},
		{"%s–%s times t.a", "%s–%s"},
		{"%s-%s times t.a", "%s to %s"},
		{"from %s to %s times t.a", "from %s to %s"},
		{"about %s to %s times t.a", "about %s to %s"},
	}
	exact := func(sp Spec) Spec { return Spec{Type: sp.Type, Unit: sp.Unit} }
	check := func(t *testing.T, k kind, relRaw, absRaw string, ref Value) {
		t.Helper()
		rel, err := Parse(relRaw, k.spec)
		if err != nil || rel.Ref != "t.a" {
			t.Fatalf("Parse(%q) = %+v, %v; want a value relative to t.a", relRaw, rel, err)
		}
		got, err := ResolveChecked(rel, ref, k.spec)
		if err != nil {
			t.Fatalf("ResolveChecked(%q, %q): %v", relRaw, ref.Raw, err)
		}
		want := mustParse(t, absRaw, k.spec)
		if !sameFloat(got.Lo, want.Lo) || !sameFloat(got.Hi, want.Hi) || got.LoOpen != want.LoOpen ||
			got.HiOpen != want.HiOpen || got.Approx != want.Approx || !sameFloat(got.Nominal, want.Nominal) ||
			got.Currency != want.Currency || got.Type != want.Type {
			t.Errorf("%q with t.a = %q:\n got  [%v %v] open %v %v approx %v nominal %v %s %s\n want [%v %v] open %v %v approx %v nominal %v %s %s (%q)",
				relRaw, ref.Raw, got.Lo, got.Hi, got.LoOpen, got.HiOpen, got.Approx, got.Nominal, got.Currency, got.Type,
				want.Lo, want.Hi, want.LoOpen, want.HiOpen, want.Approx, want.Nominal, want.Currency, want.Type, absRaw)
		}
		if !Same(got, want) || !Meets(got, want) {
			t.Errorf("%q with t.a = %q is not the same as %q", relRaw, ref.Raw, absRaw)
		}
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			for _, x := range k.values {
				ref := mustParse(t, k.ref(plain(x)), exact(k.spec))
				for _, f := range factors {
					for _, form := range bounds {
						relRaw := fmt.Sprintf(form.rel, plain(f))
						absRaw := fmt.Sprintf(form.abs, k.ref(plain(f*x)))
						check(t, k, relRaw, absRaw, ref)
					}
					for _, f2 := range factors {
						if f2 <= f {
							continue
						}
						lo, hi := f*x, f2*x
						if x < 0 {
							lo, hi = hi, lo
						}
						for _, form := range intervals {
							relRaw := fmt.Sprintf(form.rel, plain(f), plain(f2))
							absRaw := fmt.Sprintf(form.abs, k.ref(plain(lo)), k.ref(plain(hi)))
							check(t, k, relRaw, absRaw, ref)
						}
					}
				}
			}
		})
	}
}

// FuzzRelative holds Parse to never reading a relative text as an
// absolute amount: whatever IsRelative calls relative parses with that
// Ref on every scalable type (or fails), what mentions a topic is
// relative or an error, and resolving against any reference gives a
// sane set or an error.
func FuzzRelative(f *testing.F) {
	for _, s := range []string{
		"up to 3 times t.a", "between 2 and 3 times t.a", "-2 times t.a", "2-3 times t.a", "2 to 3 times t.a",
		"at least half of t.a", "about twice t.a", "1e300 times t.a", "3 times t.a troops", "half of t.a or more",
		"twice t.a+", "20-30% of t.a", "between a third and a half of t.a", "0.5x t.a", "2×t.a", "< 80% of t.a",
		"from 2 to 3 times ukraine.army-size", "5 regions of ukraine", "19% of the territory", "3 times a day",
		"between 3 and 2 times t.a", "0 times x", "a of x", "x", "times x", "2 times", "2 × 3 × x",
	} {
		f.Add(s)
	}
	specs := []Spec{
		{Type: Number}, {Type: Number, Tolerance: Tolerance{Rel: 0.01}}, {Type: Percent},
		{Type: Money, Unit: "USD"}, {Type: Duration, Unit: "days"},
	}
	refs := []Value{}
	for _, r := range []struct {
		raw  string
		spec Spec
	}{
		{"10", Spec{Type: Number}}, {"-1e10", Spec{Type: Number}}, {"at least 1e299", Spec{Type: Number}},
		{"5-10", Spec{Type: Number}}, {"~850,000", Spec{Type: Number}}, {"19%", Spec{Type: Percent}},
		{"$1e200", Spec{Type: Money, Unit: "USD"}}, {"less than 0", Spec{Type: Number}},
	} {
		refs = append(refs, mustParse(f, r.raw, r.spec))
	}
	f.Fuzz(func(t *testing.T, raw string) {
		ref, rel := IsRelative(raw)
		mention, mentions := "", false
		if len(raw) <= maxLen {
			mention, mentions = mentionedRef(lex.Clean(raw))
		}
		for _, spec := range specs {
			v, err := Parse(raw, spec)
			if err != nil {
				continue
			}
			switch {
			case rel && v.Ref != ref:
				t.Fatalf("IsRelative(%q) = %q, but Parse(%s) has Ref %q: %v", raw, ref, spec.Type, v.Ref, v)
			case v.Ref != "" && !rel:
				t.Fatalf("Parse(%q, %s) has Ref %q, but IsRelative says it is not relative", raw, spec.Type, v.Ref)
			case mentions && v.Ref == "":
				t.Fatalf("Parse(%q, %s) = %v: read as absolute, though it mentions %s", raw, spec.Type, v, mention)
			case v.Ref != "" && (resolved(v) || !(v.Factor > 0) || v.Form == RelBetween && !(v.FactorHi >= v.Factor)):
				t.Fatalf("Parse(%q, %s) = %+v: a bad relative value", raw, spec.Type, v)
			}
			for _, r := range refs {
				got, err := ResolveChecked(v, r, spec)
				if err != nil {
					if resolved(Resolve(v, r, spec)) {
						t.Fatalf("Resolve(%q, %q) resolved what ResolveChecked refused: %v", raw, r.Raw, err)
					}
					continue
				}
				if math.IsNaN(got.Lo) || math.IsNaN(got.Hi) || got.Lo > got.Hi {
					t.Fatalf("Resolve(%q, %q): set [%v, %v]", raw, r.Raw, got.Lo, got.Hi)
				}
				lowEnd := v.Form != RelAtMost && v.Form != RelLessThan
				highEnd := v.Form != RelAtLeast && v.Form != RelMoreThan
				if v.Ref != "" && (lowEnd && !math.IsInf(r.Lo, 0) && !(math.Abs(got.Lo) <= maxMagnitude) ||
					highEnd && !math.IsInf(r.Hi, 0) && !(math.Abs(got.Hi) <= maxMagnitude)) {
					t.Fatalf("Resolve(%q, %q) = [%v, %v]: a finite end left the range", raw, r.Raw, got.Lo, got.Hi)
				}
				_ = Describe(v, r)
				Meets(got, r)
			}
		}
	})
}
