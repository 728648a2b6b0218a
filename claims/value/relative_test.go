package value

import (
	"math"
	"testing"
)

func TestIsRelative(t *testing.T) {
	for _, tc := range []struct {
		name, raw, ref string
		factor         float64
		approx         bool
	}{
		{"half of", "half of ukraine.army-size", "ukraine.army-size", 0.5, false},
		{"a half of", "a half of x", "x", 0.5, false},
		{"a third of", "a third of x", "x", 1.0 / 3, false},
		{"a quarter of", "a quarter of x", "x", 0.25, false},
		{"two thirds of", "two thirds of x", "x", 2.0 / 3, false},
		{"three quarters of", "three quarters of x", "x", 0.75, false},
		{"twice", "twice x", "x", 2, false},
		{"double", "double x", "x", 2, false},
		{"three times", "three times x", "x", 3, false},
		{"numeral times", "1.5 times x", "x", 1.5, false},
		{"percent of", "80% of x", "x", 0.8, false},
		{"percent word of", "80 percent of x", "x", 0.8, false},
		{"decimal of", "0.5 of x", "x", 0.5, false},
		{"x", "0.5 x x", "x", 0.5, false},
		{"glued x", "0.5x plan.size", "plan.size", 0.5, false},
		{"times sign", "2×plan.size", "plan.size", 2, false},
		{"about half", "about half of x", "x", 0.5, true},
		{"nearly half", "nearly half of x", "x", 0.5, true},
		{"tilde", "~twice x", "x", 2, true},
		{"case kept", "Half Of Plan.Army_Size", "Plan.Army_Size", 0.5, false},
		{"spaces", "  half  of\tx.y ", "x.y", 0.5, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ref, ok := IsRelative(tc.raw)
			if !ok || ref != tc.ref {
				t.Fatalf("IsRelative(%q) = %q, %v, want %q", tc.raw, ref, ok, tc.ref)
			}
			v := mustParse(t, tc.raw, Spec{Type: Number})
			if v.Ref != tc.ref || !approxEqual(v.Factor, tc.factor) || v.Approx != tc.approx {
				t.Errorf("Parse(%q) = ref %q factor %v approx %v, want %q %v %v",
					tc.raw, v.Ref, v.Factor, v.Approx, tc.ref, tc.factor, tc.approx)
			}
			if !math.IsInf(v.Lo, -1) || !math.IsInf(v.Hi, 1) || !Meets(v, mustParse(t, "5", Spec{Type: Number})) {
				t.Errorf("unresolved %q should span everything: %v", tc.raw, v)
			}
		})
	}
	for _, raw := range []string{
		"half", "half of", "half of 600k", "half of 600,000", "half of the army", "twice", "600,000",
		"half of x!", "0 times x", "-2 times x", "a of x", "0.5 xylophone", "half x",
	} {
		if ref, ok := IsRelative(raw); ok {
			t.Errorf("IsRelative(%q) = %q, true", raw, ref)
		}
	}
}

func TestRelativeOnlyForAmounts(t *testing.T) {
	if _, err := Parse("half of x", Spec{Type: Date}); err == nil {
		t.Error("a date topic took a relative value")
	}
	v := mustParse(t, "half of x", Spec{Type: Text})
	if v.Ref != "" || v.Atom != "half of x" {
		t.Errorf("text topic: %+v", v)
	}
	v = mustParse(t, "half of aid.total", Spec{Type: Money, Unit: "EUR"})
	if v.Ref != "aid.total" || v.Currency != "EUR" {
		t.Errorf("money: %+v", v)
	}
}

func TestResolve(t *testing.T) {
	n := Spec{Type: Number}
	ref := mustParse(t, "~850,000", n)

	half := Resolve(mustParse(t, "half of ukraine.army-size", n), ref, n)
	checkSet(t, half, about(425000, 403750, 446250))
	if half.Ref != "ukraine.army-size" || half.Raw != "half of ukraine.army-size" || half.Factor != 0.5 {
		t.Errorf("Resolve lost the arithmetic: %+v", half)
	}
	if Meets(half, mustParse(t, "600,000", n)) {
		t.Error("half of ~850,000 meets 600,000")
	}
	if !Meets(half, mustParse(t, "430,000", n)) {
		t.Error("half of ~850,000 does not meet 430,000")
	}

	tol := Spec{Type: Number, Tolerance: Tolerance{Rel: 0.02}}
	checkSet(t, Resolve(mustParse(t, "half of x", tol), ref, tol),
		about(425000, 403750-4037.5, 446250+4462.5))

	exact := mustParse(t, "850,000", n)
	approxHalf := Resolve(mustParse(t, "about half of x", n), exact, n)
	checkSet(t, approxHalf, about(425000, 403750, 446250))

	twice := Resolve(mustParse(t, "twice x", n), mustParse(t, "at least 10", n), n)
	checkSet(t, twice, atLeastSet(20))

	pct := Resolve(mustParse(t, "80% of x", n), mustParse(t, "5-10", n), n)
	checkSet(t, pct, span(4, 8))

	money := Spec{Type: Money}
	m := Resolve(mustParse(t, "half of x", money), mustParse(t, "€10m", money), money)
	if m.Currency != "EUR" || !approxEqual(m.Nominal, 5e6) {
		t.Errorf("money resolve: %+v", m)
	}

	denied := mustParse(t, "850,000", n)
	denied.Negated = true
	if r := Resolve(mustParse(t, "half of x", n), denied, n); !r.Negated {
		t.Error("half of a denial is not a denial")
	}
}

func TestResolveUnscalable(t *testing.T) {
	n := Spec{Type: Number}
	rel := mustParse(t, "half of x", n)
	for _, ref := range []Value{
		mustParse(t, "G8", Spec{Type: Text}),
		mustParse(t, "2025-11-27", Spec{Type: Date}),
		mustParse(t, "twice y", n),
	} {
		got := Resolve(rel, ref, n)
		if !Same(got, rel) || resolved(got) {
			t.Errorf("Resolve against %q = %v, want it unchanged", ref.Raw, got)
		}
	}
	notRel := mustParse(t, "5", n)
	if got := Resolve(notRel, mustParse(t, "7", n), n); !Same(got, notRel) {
		t.Errorf("Resolve of an absolute value changed it: %v", got)
	}
	bad := rel
	for _, f := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		bad.Factor = f
		if got := Resolve(bad, mustParse(t, "7", n), n); resolved(got) {
			t.Errorf("factor %v resolved to %v", f, got)
		}
	}
}

func TestDescribe(t *testing.T) {
	n := Spec{Type: Number}
	for _, tc := range []struct{ name, rel, ref, want string }{
		{"half of approx", "half of x", "~850,000", "half of ≈ 850,000 ≈ 425,000"},
		{"half of exact", "half of x", "850,000", "half of 850,000 = 425,000"},
		{"about half", "about half of x", "850,000", "about half of 850,000 ≈ 425,000"},
		{"twice", "twice x", "300,000", "twice 300,000 = 600,000"},
		{"third", "a third of x", "900", "a third of 900 = 300"},
		{"percent", "80% of x", "5-10", "80% of 5–10 = 4–8"},
		{"times", "3 times x", "at least 10", "3 times ≥ 10 = ≥ 30"},
		{"odd factor", "0.45 x x", "100", "45% of 100 = 45"},
		{"unresolvable", "half of x", "twice y", "half of x"},
		{"up to", "up to 3 times x", "10", "up to 3 times 10 = ≤ 30"},
		{"at least", "at least half of x", "~850,000", "at least half of ≈ 850,000 = ≥ 403,750"},
		{"between", "between 2 and 3 times x", "10", "between 2 and 3 times 10 = 20–30"},
		{"between fractions", "a third to a half of x", "900", "between a third and half of 900 = 300–450"},
		{"between percentages", "20-30% of x", "5-10", "between 20% and 30% of 5–10 = 1–3"},
		{"about between", "about 2-3 times x", "10", "about between 2 and 3 times 10 ≈ 19–31.5"},
		{"half to twice", "0.5-2 times x", "10", "between 0.5 and 2 times 10 = 5–20"},
		{"overflow", "1e300 times x", "1e10", "1e300 times x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Describe(mustParse(t, tc.rel, n), mustParse(t, tc.ref, n))
			if got != tc.want {
				t.Errorf("Describe(%q, %q) = %q, want %q", tc.rel, tc.ref, got, tc.want)
			}
		})
	}
}
