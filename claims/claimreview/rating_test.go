package claimreview

import "testing"

func TestNormalizeRating(t *testing.T) {
	for in, want := range map[string]string{
		"False":               "false",
		"Pants on Fire!":      "false",
		"pants on fire":       "false",
		"Mostly false":        "misleading",
		"MOSTLY-FALSE":        "misleading",
		"Misleading":          "misleading",
		"Missing context.":    "misleading",
		"Half true":           "mixed",
		"Half-True":           "mixed",
		"Mixture":             "mixed",
		"True":                "true",
		"  mostly   true ":    "true",
		"Unproven":            "unproven",
		"Unverified":          "unproven",
		"Satire":              "satire",
		"Not the whole story": "not-the-whole-story",
		"«Faux»":              "false",
		"«Satirique»":         "satirique",
		"":                    "unrated",
		"!!!":                 "unrated",
	} {
		if got := NormalizeRating(in); got != want {
			t.Errorf("NormalizeRating(%q) = %q, want %q", in, got, want)
		}
	}
}

// Ratings as publishers really word them: a verdict followed by an
// explanation, behind a leading phrase, as markup, or in another
// language; the explanation is kept and the value stays short.
func TestParseRating(t *testing.T) {
	for _, tc := range []struct{ in, value, why string }{
		{"False. The video shows an old flood.", "false", "The video shows an old flood."},
		{"Misleading. The claim cherry-picks dates.", "misleading", "The claim cherry-picks dates."},
		{"Misleading: One post even featured a GIF", "misleading", "One post even featured a GIF"},
		{"Totally False. Oxfam's report covered 2017/18.", "false", "Oxfam's report covered 2017/18."},
		{"This is misleading. While there were returns, most were not.", "misleading", "While there were returns, most were not."},
		{"This is false", "false", ""},
		{"User's claim is false.", "false", ""},
		{"user's claim is mostly false.", "misleading", ""},
		{"The claim is False", "false", ""},
		{"Inaccurate", "false", ""},
		{"Distorts the facts", "misleading", ""},
		{"<p><b>False</b></p>", "false", ""},
		{"<strong>Mostly &amp; True</strong>", "true", ""},
		{"False &mdash; no such law", "false", "no such law"},
		{"There have been <a href=\"https://apnews", "there-have-been", ""},
		{"Falso", "false", ""},
		{"Engañoso", "misleading", ""},
		{"Es falso. No hay tal ley.", "false", "No hay tal ley."},
		{"Verdadero", "true", ""},
		{"Faux", "false", ""},
		{"Irreführend", "misleading", ""},
		{"Enganoso", "misleading", ""},
		{"This claim is based on very unreliable research from a male wellness company.",
			"this-claim-is-based-on-very-unreliable",
			"This claim is based on very unreliable research from a male wellness company."},
		{"", "unrated", ""},
	} {
		v, why := ParseRating(tc.in)
		if v != tc.value || why != tc.why {
			t.Errorf("ParseRating(%q) = %q, %q, want %q, %q", tc.in, v, why, tc.value, tc.why)
		}
		if len(v) > maxChoice {
			t.Errorf("ParseRating(%q) value %q is longer than %d", tc.in, v, maxChoice)
		}
	}
}

func FuzzParseRating(f *testing.F) {
	for _, s := range []string{"False. x", "<a href=\"", "Es falso", "\xff<"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _ := ParseRating(s)
		if v == "" || len(v) > maxChoice*4 {
			t.Errorf("ParseRating(%q) = %q", s, v)
		}
	})
}
