package value

import "testing"

func TestString(t *testing.T) {
	for _, tc := range []struct {
		name, raw string
		spec      Spec
		deny      bool
		want      string
	}{
		{"number", "600000", number, false, "600,000"},
		{"number k", "600k", onePct, false, "600,000"},
		{"approx", "about 850,000", number, false, "≈ 850,000"},
		{"large", "1.2bn", number, false, "1.2 billion"},
		{"large not round", "1,234,567", number, false, "1,234,567"},
		{"decimal", "3.14", number, false, "3.14"},
		{"small", "999", number, false, "999"},
		{"negative", "-1500", number, false, "-1,500"},
		{"at least", "at least 10", number, false, "≥ 10"},
		{"more than", "more than 10", number, false, "> 10"},
		{"up to", "up to 10", number, false, "≤ 10"},
		{"under", "under 10", number, false, "< 10"},
		{"interval", "between 5 and 10", number, false, "5–10"},
		{"interval shares scale", "5-10 million", number, false, "5–10 million"},
		{"interval of scales", "800k-1.2m", number, false, "800,000–1.2 million"},
		{"negative interval", "-10 to -5", number, false, "-10–-5"},
		{"percent", "19 percent", percent, false, "19%"},
		{"percent approx", "about 19%", percent, false, "≈ 19%"},
		{"percent interval", "5-10%", percent, false, "5–10%"},
		{"money", "$100B", usd, false, "$100 billion"},
		{"money no symbol", "100 billion", usd, false, "$100 billion"},
		{"money interval", "$5-10 billion", usd, false, "$5–10 billion"},
		{"money negative", "-$5m", usd, false, "-$5 million"},
		{"euro", "€5m", Spec{Type: Money, Unit: "EUR"}, false, "€5 million"},
		{"other currency", "S$5", Spec{Type: Money, Unit: "SGD"}, false, "SGD 5"},
		{"money unknown", "5", Spec{Type: Money}, false, "5"},
		{"years", "at least 10 years", years, false, "≥ 10 years"},
		{"decade", "a decade", years, false, "10 years"},
		{"months", "six months", years, false, "6 months"},
		{"one year", "12 months", years, false, "1 year"},
		{"weeks", "14 days", years, false, "2 weeks"},
		{"days", "100 days", years, false, "100 days"},
		{"hours", "36 hours", years, false, "36 hours"},
		{"duration interval", "5 to 10 years", years, false, "5–10 years"},
		{"duration interval mixed", "between 6 months and 2 years", years, false, "6–24 months"},
		{"date", "Nov 27, 2025", dates, false, "2025-11-27"},
		{"month", "November 2025", dates, false, "2025-11"},
		{"year", "2025", dates, false, "2025"},
		{"date range", "2025-11-01 to 2025-11-15", dates, false, "2025-11-01 – 2025-11-15"},
		{"date bound", "before 2025-11-27", dates, false, "< 2025-11-27"},
		{"date approx", "about 2025-11-27", dates, false, "≈ 2025-11-27"},
		{"datetime", "2025-11-20T14:40:00+08:00", Spec{Type: DateTime}, false, "2025-11-20 06:40 UTC"},
		{"datetime seconds", "2025-11-20T14:40:05Z", Spec{Type: DateTime}, false, "2025-11-20 14:40:05 UTC"},
		{"date on datetime topic", "2025-11-20", Spec{Type: DateTime}, false, "2025-11-20"},
		{"month on datetime topic", "2025-11", Spec{Type: DateTime}, false, "2025-11"},
		{"bool", "TRUE", Spec{Type: Bool}, false, "yes"},
		{"choice", "g8", g7g8, false, "G8"},
		{"text as written", "The  G8.", Spec{Type: Text}, false, "The G8."},
		{"negated", "Russia", countries, true, "not Russia"},
		{"negated number", "600,000", number, true, "not 600,000"},
		{"relative", "half  of x", number, false, "half of x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := mustParse(t, tc.raw, tc.spec)
			v.Negated = tc.deny
			if got := v.String(); got != tc.want {
				t.Errorf("Parse(%q).String() = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
}

func TestStringOfResolved(t *testing.T) {
	r := Resolve(mustParse(t, "half of x", number), mustParse(t, "~850,000", number), number)
	if got := r.String(); got != "≈ 425,000" {
		t.Errorf("String of resolved = %q", got)
	}
	if got := (Value{Type: Number, Lo: inf * -1, Hi: inf, Nominal: nan}).String(); got != "anything" {
		t.Errorf("String of everything = %q", got)
	}
}
