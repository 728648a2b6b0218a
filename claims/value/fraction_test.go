package value

import "testing"

// TestFractions: proper and mixed fractions are numbers; what only looks
// like one (a date, "24/7", a decimal after the slash) is not.
func TestFractions(t *testing.T) {
	runParseCases(t, Spec{Type: Number}, []parseCase{
		{name: "quarter", raw: "1/4", want: pt(0.25)},
		{name: "mixed", raw: "2 1/2", want: pt(2.5)},
		{name: "negative mixed", raw: "-2 1/2", want: pt(-2.5)},
		{name: "fraction slash", raw: "3⁄8", want: pt(0.375)},
		{name: "vulgar", raw: "½", want: pt(0.5)},
		{name: "glued vulgar", raw: "2½", want: pt(2.5)},
		{name: "spaced vulgar", raw: "2 ¾", want: pt(2.75)},
		{name: "with a unit", raw: "1/4 mile", want: pt(0.25)},
		{name: "with a multiplier", raw: "2 1/2 million", want: pt(2.5e6)},
		{name: "about", raw: "about 2 1/2", want: about(2.5, 2.375, 2.625)},

		{name: "improper", raw: "24/7", err: "is not a number"},
		{name: "date-like", raw: "12/4", err: "is not a number"},
		{name: "three parts", raw: "1/4/2011", err: "is not a number"},
		{name: "zero numerator", raw: "0/4", err: "is not a number"},
		{name: "leading zero", raw: "1/04", err: "is not a number"},
		{name: "decimal denominator", raw: "1/4.5", err: "is not a number"},
		{name: "decimal whole", raw: "2.5 1/2", err: "is not a number"},
		{name: "mixed improper", raw: "2 3/2", err: "is not a number"},
	})
	runParseCases(t, Spec{Type: Duration}, []parseCase{
		{name: "hours", raw: "1 1/2 hours", want: pt(1.5 / 24)},
	})
	runParseCases(t, Spec{Type: Money, Unit: "USD"}, []parseCase{
		{name: "dollars", raw: "$2 1/2 million", want: pt(2.5e6)},
	})
}
