package value

import "testing"

func TestParsePercent(t *testing.T) {
	runParseCases(t, Spec{Type: Percent}, []parseCase{
		{name: "sign", raw: "19%", want: pt(19)},
		{name: "spaced sign", raw: "19 %", want: pt(19)},
		{name: "percent", raw: "19 percent", want: pt(19)},
		{name: "per cent", raw: "19 per cent", want: pt(19)},
		{name: "pct", raw: "19 pct", want: pt(19)},
		{name: "points", raw: "19 percentage points", want: pt(19)},
		{name: "decimal", raw: "19.5%", want: pt(19.5)},
		{name: "bare number", raw: "19", want: pt(19)},
		{name: "words after sign", raw: "19% of the territory", want: pt(19)},
		{name: "about", raw: "about 19%", want: about(19, 18.05, 19.95)},
		{name: "bound", raw: "more than 19%", want: moreThanSet(19)},
		{name: "range shares sign", raw: "5-10%", want: span(5, 10)},
		{name: "between", raw: "between 5% and 10%", want: span(5, 10)},

		{name: "glued word", raw: "19percent", err: `"19percent" is not a percentage`},
		{name: "words without sign", raw: "19 of the territory", err: "is not a percentage"},
		{name: "money", raw: "$19", err: "is not a percentage"},
	})
}

func TestParseMoney(t *testing.T) {
	usd := Spec{Type: Money, Unit: "USD"}
	for _, tc := range []struct {
		name string
		spec Spec
		raw  string
		n    float64
		cur  string
		err  string
	}{
		{name: "dollar B", spec: usd, raw: "$100B", n: 1e11, cur: "USD"},
		{name: "dollar billion", spec: usd, raw: "$100 billion", n: 1e11, cur: "USD"},
		{name: "code first", spec: usd, raw: "USD 100bn", n: 1e11, cur: "USD"},
		{name: "code glued", spec: usd, raw: "USD100", n: 100, cur: "USD"},
		{name: "code last", spec: usd, raw: "100bn USD", n: 1e11, cur: "USD"},
		{name: "dollars word", spec: usd, raw: "100 billion dollars", n: 1e11, cur: "USD"},
		{name: "US$", spec: usd, raw: "US$100bn", n: 1e11, cur: "USD"},
		{name: "lower-case code", spec: usd, raw: "100 usd", n: 100, cur: "USD"},
		{name: "no currency takes topic's", spec: usd, raw: "100 billion", n: 1e11, cur: "USD"},
		{name: "words after currency", spec: usd, raw: "$100bn in aid", n: 1e11, cur: "USD"},
		{name: "negative", spec: usd, raw: "-$5m", n: -5e6, cur: "USD"},
		{name: "symbol topic", spec: Spec{Type: Money, Unit: "$"}, raw: "USD 5", n: 5, cur: "USD"},
		{name: "euro", spec: Spec{Type: Money, Unit: "EUR"}, raw: "€5m", n: 5e6, cur: "EUR"},
		{name: "euro after", spec: Spec{Type: Money, Unit: "EUR"}, raw: "5 €", n: 5, cur: "EUR"},
		{name: "euros", spec: Spec{Type: Money, Unit: "eur"}, raw: "5 million euros", n: 5e6, cur: "EUR"},
		{name: "pound", spec: Spec{Type: Money, Unit: "GBP"}, raw: "£3 million", n: 3e6, cur: "GBP"},
		{name: "S$", spec: Spec{Type: Money, Unit: "SGD"}, raw: "S$5", n: 5, cur: "SGD"},
		{name: "$ on SGD topic", spec: Spec{Type: Money, Unit: "SGD"}, raw: "$5", n: 5, cur: "SGD"},
		{name: "dollars on SGD topic", spec: Spec{Type: Money, Unit: "SGD"}, raw: "5 dollars", n: 5, cur: "SGD"},
		{name: "yen", spec: Spec{Type: Money, Unit: "JPY"}, raw: "¥100", n: 100, cur: "JPY"},
		{name: "yuan", spec: Spec{Type: Money, Unit: "CNY"}, raw: "5 yuan", n: 5, cur: "CNY"},
		{name: "¥ on CNY topic", spec: Spec{Type: Money, Unit: "CNY"}, raw: "¥5", n: 5, cur: "CNY"},
		{name: "rouble", spec: Spec{Type: Money, Unit: "RUB"}, raw: "₽5bn", n: 5e9, cur: "RUB"},
		{name: "hryvnia", spec: Spec{Type: Money, Unit: "UAH"}, raw: "5 hryvnias", n: 5, cur: "UAH"},
		{name: "rare topic code", spec: Spec{Type: Money, Unit: "XAF"}, raw: "XAF 5", n: 5, cur: "XAF"},
		{name: "no topic currency", spec: Spec{Type: Money}, raw: "€5", n: 5, cur: "EUR"},
		{name: "nothing said", spec: Spec{Type: Money}, raw: "5", n: 5, cur: ""},

		{name: "other currency", spec: usd, raw: "€5m", err: "currency EUR does not match the topic's USD"},
		{name: "pounds", spec: usd, raw: "£3 million", err: "currency GBP does not match the topic's USD"},
		{name: "other dollar", spec: usd, raw: "S$5", err: "currency SGD does not match the topic's USD"},
		{name: "US$ on SGD", spec: Spec{Type: Money, Unit: "SGD"}, raw: "US$5", err: "currency USD does not match the topic's SGD"},
		{name: "two currencies", spec: usd, raw: "$5 EUR", err: "is not an amount of money"},
		{name: "mixed range", spec: Spec{Type: Money}, raw: "€5-$10", err: "mixes currencies EUR and USD"},
		{name: "count", spec: usd, raw: "100 troops", err: `"100 troops" is not an amount of money`},
		{name: "no amount", spec: usd, raw: "$", err: "is not an amount of money"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Parse(tc.raw, tc.spec)
			if tc.err != "" {
				if err == nil || !contains(err.Error(), tc.err) {
					t.Fatalf("Parse(%q) error %v, want %q", tc.raw, err, tc.err)
				}
				checkErrorStyle(t, err)
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.raw, err)
			}
			checkSet(t, v, pt(tc.n))
			if v.Currency != tc.cur {
				t.Errorf("Parse(%q).Currency = %q, want %q", tc.raw, v.Currency, tc.cur)
			}
		})
	}
}

func TestParseMoneyForms(t *testing.T) {
	runParseCases(t, Spec{Type: Money, Unit: "USD"}, []parseCase{
		{name: "about", raw: "about $100B", want: about(1e11, 9.5e10, 1.05e11)},
		{name: "at least", raw: "at least $5m", want: atLeastSet(5e6)},
		{name: "range shares currency and scale", raw: "$5-10 billion", want: span(5e9, 1e10)},
		{name: "between", raw: "between $5bn and $10bn", want: span(5e9, 1e10)},
	})
}

func TestCurrencyCode(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"USD", "USD", true}, {"usd", "USD", true}, {"$", "USD", true}, {"US$", "USD", true},
		{"€", "EUR", true}, {"euros", "EUR", true}, {"£", "GBP", true}, {"S$", "SGD", true},
		{"rmb", "CNY", true}, {"XAF", "XAF", true},
		{"", "", false}, {"dollarz", "", false}, {"U5D", "", false},
	} {
		got, ok := CurrencyCode(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("CurrencyCode(%q) = %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
