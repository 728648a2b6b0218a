package value

import (
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	runParseCases(t, Spec{Type: Number}, []parseCase{
		{name: "plain", raw: "600000", want: pt(600000)},
		{name: "yaml int", raw: "600000", want: pt(600000)},
		{name: "commas", raw: "600,000", want: pt(600000)},
		{name: "k", raw: "600k", want: pt(600000)},
		{name: "K upper", raw: "600K", want: pt(600000)},
		{name: "million word", raw: "0.6 million", want: pt(600000)},
		{name: "bn", raw: "1.2bn", want: pt(1.2e9)},
		{name: "billion", raw: "1.2 billion", want: pt(1.2e9)},
		{name: "m glued", raw: "2.5m", want: pt(2.5e6)},
		{name: "thousand", raw: "850 thousand", want: pt(850000)},
		{name: "chained multipliers", raw: "two hundred thousand", want: pt(200000)},
		{name: "trillion", raw: "1.5 trillion", want: pt(1.5e12)},
		{name: "negative", raw: "-5", want: pt(-5)},
		{name: "unicode minus", raw: "\u22125", want: pt(-5)},
		{name: "decimal", raw: "3.14", want: pt(3.14)},
		{name: "leading point", raw: ".5", want: pt(0.5)},
		{name: "exponent", raw: "1e6", want: pt(1e6)},
		{name: "surrounding space", raw: "  600,000\t", want: pt(600000)},
		{name: "unit word", raw: "600,000 troops", want: pt(600000)},
		{name: "unit words", raw: "600,000 active personnel", want: pt(600000)},
		{name: "glued unit", raw: "10km", want: pt(10)},
		{name: "word six", raw: "six", want: pt(6)},
		{name: "word twelve", raw: "Twelve", want: pt(12)},
		{name: "word twenty", raw: "twenty", want: pt(20)},
		{name: "compound word", raw: "twenty-five", want: pt(25)},
		{name: "word with unit", raw: "six divisions", want: pt(6)},
		{name: "a million", raw: "a million", want: pt(1e6)},

		{name: "not a number", raw: "six hundred-ish", err: `"six hundred-ish" is not a number`},
		{name: "word", raw: "many", err: "is not a number"},
		{name: "hyphenated unit", raw: "28-point plan", err: "is not a number"},
		{name: "decimal comma", raw: "6,00", err: "is not a number"},
		{name: "bad grouping", raw: "60,0000", err: "is not a number"},
		{name: "trailing dot", raw: "600.", err: "is not a number"},
		{name: "digits after unit", raw: "600 troops in 2026", err: "is not a number"},
		{name: "article alone", raw: "a", err: "is not a number"},
		{name: "article and unit", raw: "a troop", err: "is not a number"},
		{name: "percentage", raw: "19%", err: "is a percentage, but the topic's type is number"},
		{name: "money", raw: "$5bn", err: "is an amount of money, but the topic's type is number"},
		{name: "overflow", raw: "1e400", err: "is out of range"},
		{name: "huge", raw: "9e305", err: "is out of range"},
		{name: "empty", raw: "   ", err: "empty value"},
	})
}

func TestParseApprox(t *testing.T) {
	runParseCases(t, Spec{Type: Number}, []parseCase{
		{name: "about", raw: "about 600,000", want: about(600000, 570000, 630000)},
		{name: "around", raw: "around 600,000", want: about(600000, 570000, 630000)},
		{name: "nearly", raw: "nearly 600,000", want: about(600000, 570000, 630000)},
		{name: "roughly", raw: "Roughly 600,000", want: about(600000, 570000, 630000)},
		{name: "approximately", raw: "approximately 600k", want: about(600000, 570000, 630000)},
		{name: "some", raw: "some 600,000 troops", want: about(600000, 570000, 630000)},
		{name: "almost", raw: "almost 600,000", want: about(600000, 570000, 630000)},
		{name: "tilde", raw: "~850,000", want: about(850000, 807500, 892500)},
		{name: "tilde spaced", raw: "~ 850,000", want: about(850000, 807500, 892500)},
		{name: "approx sign", raw: "≈850,000", want: about(850000, 807500, 892500)},
		{name: "or so", raw: "600,000 or so", want: about(600000, 570000, 630000)},
		{name: "approximate range", raw: "about 100-200", want: set{lo: 95, hi: 210, nominal: nan, approx: true}},
		{name: "approximate bound", raw: "about 10 or more", err: "is not a number"},
		{name: "approx alone", raw: "about", err: "is not a number"},
	})
	// An exact value strays half the tolerance each way; that wins when it
	// is wider than about's 5%.
	runParseCases(t, Spec{Type: Number, Tolerance: Tolerance{Rel: 0.2}}, []parseCase{
		{name: "wide tolerance", raw: "about 100", want: about(100, 90, 110)},
		{name: "exact widened", raw: "100", want: widened(100, 90, 110)},
	})
	runParseCases(t, Spec{Type: Number, Tolerance: Tolerance{Abs: 4, Rel: 0.02}}, []parseCase{
		{name: "abs wins", raw: "100", want: widened(100, 98, 102)},
		{name: "rel wins", raw: "1000", want: widened(1000, 990, 1010)},
		{name: "approx 5% wins", raw: "~1000", want: about(1000, 950, 1050)},
	})
}

func TestParseBounds(t *testing.T) {
	runParseCases(t, Spec{Type: Number, Tolerance: Tolerance{Rel: 0.01}}, []parseCase{
		{name: "at least", raw: "at least 10", want: atLeastSet(10)},
		{name: "no fewer than", raw: "no fewer than 10", want: atLeastSet(10)},
		{name: "no less than", raw: "no less than 10", want: atLeastSet(10)},
		{name: "more than", raw: "more than 10", want: moreThanSet(10)},
		{name: "over", raw: "over 600,000 troops", want: moreThanSet(600000)},
		{name: "above", raw: "above 10", want: moreThanSet(10)},
		{name: "up to", raw: "up to 10", want: atMostSet(10)},
		{name: "at most", raw: "at most 10", want: atMostSet(10)},
		{name: "no more than", raw: "no more than 10", want: atMostSet(10)},
		{name: "under", raw: "under 10", want: lessThanSet(10)},
		{name: "below", raw: "below 10", want: lessThanSet(10)},
		{name: "fewer than", raw: "fewer than 10", want: lessThanSet(10)},
		{name: "less than", raw: "less than 10", want: lessThanSet(10)},
		{name: ">=", raw: ">= 5", want: atLeastSet(5)},
		{name: "≥ glued", raw: "≥5", want: atLeastSet(5)},
		{name: ">", raw: "> 5", want: moreThanSet(5)},
		{name: "<=", raw: "<= 5", want: atMostSet(5)},
		{name: "≤", raw: "≤ 5", want: atMostSet(5)},
		{name: "<", raw: "< 5", want: lessThanSet(5)},
		{name: "plus suffix", raw: "600,000+", want: atLeastSet(600000)},
		{name: "or more", raw: "10 or more", want: atLeastSet(10)},
		{name: "or fewer", raw: "10 or fewer", want: atMostSet(10)},
		{name: "bound of multiplier", raw: "more than 1.2bn", want: moreThanSet(1.2e9)},
		{name: "bound without number", raw: "at least", err: "is not a number"},
		{name: "bound of range", raw: "at least 5-10", err: "is not a number"},
		{name: "date word on number", raw: "before 10", err: "is not a number"},
	})
}

func TestParseIntervals(t *testing.T) {
	runParseCases(t, Spec{Type: Number, Tolerance: Tolerance{Rel: 0.01}}, []parseCase{
		{name: "between", raw: "between 5 and 10", want: span(5, 10)},
		{name: "hyphen", raw: "5-10", want: span(5, 10)},
		{name: "spaced hyphen", raw: "5 - 10", want: span(5, 10)},
		{name: "en dash", raw: "5–10", want: span(5, 10)},
		{name: "em dash", raw: "5—10", want: span(5, 10)},
		{name: "to", raw: "5 to 10", want: span(5, 10)},
		{name: "from to", raw: "from 5 to 10", want: span(5, 10)},
		{name: "from dash", raw: "from 5-10", want: span(5, 10)},
		{name: "shared k", raw: "5-10k", want: span(5000, 10000)},
		{name: "shared million", raw: "between 5 and 10 million", want: span(5e6, 10e6)},
		{name: "both multiplied", raw: "800k-1.2m", want: span(8e5, 1.2e6)},
		{name: "unit words", raw: "5,000-10,000 troops", want: span(5000, 10000)},
		{name: "negative start", raw: "-5-10", want: span(-5, 10)},
		{name: "negative ends", raw: "-10 to -5", want: span(-10, -5)},
		{name: "words", raw: "five to ten", want: span(5, 10)},
		{name: "point range", raw: "5-5", want: span(5, 5)},

		{name: "reversed", raw: "10-5", err: `"10-5" is a range from high to low`},
		{name: "reversed between", raw: "between 10 and 5", err: "from high to low"},
		{name: "between without and", raw: "between 5 or 10", err: "is not a number"},
		{name: "from without to", raw: "from 5", err: "is not a number"},
		{name: "open end", raw: "5-", err: "is not a number"},
		{name: "three parts", raw: "1-2-3", err: "is not a number"},
		{name: "alternatives", raw: "six or seven", err: "is not a number"},
	})
}

func TestParseTooLong(t *testing.T) {
	long := "1" + strings.Repeat("0", 300)
	for _, ty := range []Type{Number, Percent, Money, Duration, Date, DateTime} {
		_, err := Parse(long, Spec{Type: ty})
		if err == nil || !strings.Contains(err.Error(), "is too long to be") {
			t.Errorf("Parse(long, %s) error %v", ty, err)
		}
	}
	// Long text is fine.
	mustParse(t, strings.Repeat("word ", 1000), Spec{Type: Text})
}
