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
		"«Faux»":              "faux",
		"":                    "unrated",
		"!!!":                 "unrated",
	} {
		if got := NormalizeRating(in); got != want {
			t.Errorf("NormalizeRating(%q) = %q, want %q", in, got, want)
		}
	}
}
