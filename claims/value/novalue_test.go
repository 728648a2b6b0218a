package value

import (
	"errors"
	"testing"
)

var everyType = []Spec{
	{Type: Number}, {Type: Percent}, {Type: Money, Unit: "USD"}, {Type: Duration}, {Type: Date}, {Type: DateTime},
	{Type: Bool}, {Type: Choice, Choices: []ChoiceDef{{Name: "G7"}, {Name: "G8"}}}, {Type: Text}, {Type: Names},
}

// TestNoValue: placeholders are no value on every type, and Parse says
// so with ErrNoValue.
func TestNoValue(t *testing.T) {
	for _, raw := range []string{
		"Not Available", "N/A", "n/a", "n.a.", "N / A", "--", "-", "—", " – ", "- -", "unknown", "UNKNOWN",
		"TBD", "tba", "TBC", "Not provided", " not  available ", "Not applicable", "not known", "Undisclosed",
		"not disclosed", "to be determined", "To be announced", "unk", "N/A (see note)", "unknown [3]",
	} {
		for _, spec := range everyType {
			if spec.Type == Text && raw == "N/A (see note)" || spec.Type == Text && raw == "unknown [3]" {
				continue // text keeps its parentheses: see TestSplitNote
			}
			if !IsNoValue(raw, spec) {
				t.Errorf("IsNoValue(%q, %s) = false", raw, spec.Type)
			}
			v, err := Parse(raw, spec)
			if !errors.Is(err, ErrNoValue) {
				t.Errorf("Parse(%q, %s) = %v, %v; want ErrNoValue", raw, spec.Type, v, err)
				continue
			}
			checkErrorStyle(t, err)
			if v.Raw != raw || v.Type != spec.Type {
				t.Errorf("Parse(%q, %s) = Raw %q Type %q", raw, spec.Type, v.Raw, v.Type)
			}
		}
	}
	if _, err := Parse("N/A", Spec{Type: Number}); err == nil || err.Error() != `"N/A" is a placeholder for no value` {
		t.Errorf("error %v", err)
	}
}

// TestNotNoValue: values that look like placeholders but are values, or
// are plain errors.
func TestNotNoValue(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		spec Spec
	}{
		{"-5", Spec{Type: Number}},
		{"0", Spec{Type: Number}},
		{"none", Spec{Type: Number}}, // not a number, but not a placeholder either: 0 casualties?
		{"no", Spec{Type: Bool}},
		{"n", Spec{Type: Bool}},
		{"NA", Spec{Type: Text}}, // North America, Namibia, Na the surname
		{"Na", Spec{Type: Names}},
		{"Term C - C44", Spec{Type: Text}},
		{"Unknown Pleasures", Spec{Type: Text}},
		{"not available in stores", Spec{Type: Text}},
		{"2025-11-27 - 2025-11-30", Spec{Type: Date}},
		{"Unknown", Spec{Type: Choice, Choices: []ChoiceDef{{Name: "Russia"}, {Name: "Unknown"}}}},
		{"n/a", Spec{Type: Choice, Choices: []ChoiceDef{{Name: "yes"}, {Name: "not applicable", Aliases: []string{"N/A"}}}}},
	} {
		if IsNoValue(tc.raw, tc.spec) {
			t.Errorf("IsNoValue(%q, %s) = true", tc.raw, tc.spec.Type)
		}
		if _, err := Parse(tc.raw, tc.spec); errors.Is(err, ErrNoValue) {
			t.Errorf("Parse(%q, %s): %v", tc.raw, tc.spec.Type, err)
		}
	}
	// A declared choice wins over the placeholder it is named like.
	v := mustParse(t, "unknown", Spec{Type: Choice, Choices: []ChoiceDef{{Name: "Russia"}, {Name: "Unknown"}}})
	if v.Atom != "Unknown" {
		t.Errorf("choice Unknown read as %q", v.Atom)
	}
}

// TestExtraNoValue: Spec.NoValue adds a source's or a topic's own
// placeholders ("0" for an author list, "?" on a feed).
func TestExtraNoValue(t *testing.T) {
	for _, tc := range []struct {
		raw   string
		spec  Spec
		empty bool
	}{
		{"0", Spec{Type: Names, NoValue: []string{"0"}}, true},
		{"0", Spec{Type: Number, NoValue: []string{"0"}}, true},
		{"0", Spec{Type: Number}, false},
		{"?", Spec{Type: Text, NoValue: []string{"?"}}, true},
		{" ? ", Spec{Type: Text, NoValue: []string{"?"}}, true},
		{"No data", Spec{Type: Percent, NoValue: []string{"no data"}}, true},
		{"No data.", Spec{Type: Percent, NoValue: []string{"no data"}}, true},
		{"No data", Spec{Type: Percent}, false},
		{"600", Spec{Type: Number, NoValue: []string{"0"}}, false},
	} {
		if got := IsNoValue(tc.raw, tc.spec); got != tc.empty {
			t.Errorf("IsNoValue(%q, %s, %q) = %v", tc.raw, tc.spec.Type, tc.spec.NoValue, got)
		}
		_, err := Parse(tc.raw, tc.spec)
		if errors.Is(err, ErrNoValue) != tc.empty {
			t.Errorf("Parse(%q, %s, %q): %v", tc.raw, tc.spec.Type, tc.spec.NoValue, err)
		}
	}
}

func TestSplitNote(t *testing.T) {
	g8 := Spec{Type: Choice, Choices: []ChoiceDef{{Name: "G7"}, {Name: "G8 (Group of Eight)"}}}
	for _, tc := range []struct {
		name, raw string
		spec      Spec
		val, note string
	}{
		{"estimated", "600,000 (estimated)", Spec{Type: Number}, "600,000", "estimated"},
		{"footnote", "$5m [2]", Spec{Type: Money}, "$5m", "2"},
		{"glued footnote", "600,000[1]", Spec{Type: Number}, "600,000", "1"},
		{"two notes", "600 (est.) (rounded)", Spec{Type: Number}, "600", "est.; rounded"},
		{"nested", "19% (of the territory (2024))", Spec{Type: Percent}, "19%", "of the territory (2024)"},
		{"trailing space", "600 (est.)  ", Spec{Type: Number}, "600", "est."},
		{"zone is the value", "12/1/11 2:06 PM (-05:00)", Spec{Type: DateTime}, "12/1/11 2:06 PM (-05:00)", ""},
		{"abbreviation is the value", "2011-12-01 14:07 (EST)", Spec{Type: DateTime}, "2011-12-01 14:07 (EST)", ""},
		{"refused zone is the value", "2:07 PM (IST)", Spec{Type: DateTime}, "2:07 PM (IST)", ""},
		{"zone and note", "12/1/11 2:06 PM (-05:00) (estimated)", Spec{Type: DateTime}, "12/1/11 2:06 PM (-05:00)", "estimated"},
		{"note on a date", "Dec 1, 2011 (approx.)", Spec{Type: Date}, "Dec 1, 2011", "approx."},
		{"role", "Date, C. J. (Author)", Spec{Type: Names}, "Date, C. J.", "Author"},
		{"only parentheses", "(5)", Spec{Type: Number}, "(5)", ""},
		{"unbalanced", "600 (est", Spec{Type: Number}, "600 (est", ""},
		{"unopened", "600 est)", Spec{Type: Number}, "600 est)", ""},
		{"text keeps it", "Paris (France)", Spec{Type: Text}, "Paris (France)", ""},
		{"choice as written", "G8 (Group of Eight)", g8, "G8 (Group of Eight)", ""},
		{"choice with a note", "G7 (per Reuters)", g8, "G7", "per Reuters"},
		{"none", "600,000", Spec{Type: Number}, "600,000", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			val, note := SplitNote(tc.raw, tc.spec)
			if val != tc.val || note != tc.note {
				t.Errorf("SplitNote(%q) = %q, %q; want %q, %q", tc.raw, val, note, tc.val, tc.note)
			}
		})
	}
	// The value parses without its note, and keeps it in Raw.
	v := mustParse(t, "600,000 (estimated)", Spec{Type: Number})
	if v.Raw != "600,000 (estimated)" || v.Nominal != 600000 {
		t.Errorf("Parse with a note = %+v", v)
	}
	at := rfc3339(t, "2011-12-01T14:06:00-05:00")
	if v := mustParse(t, "12/1/11 2:06 PM (-05:00) (estimated)", Spec{Type: DateTime}); v.Lo != at || v.Hi != at {
		t.Errorf("datetime with zone and note = %v", v)
	}
}

// TestGateCodes: placeholders such as gate codes stay text; what is the
// same gate is for a topic's aliases to say, not for claimdiff to guess.
func TestGateCodes(t *testing.T) {
	text := Spec{Type: Text}
	a, b := mustParse(t, "Term C - C44", text), mustParse(t, "C44", text)
	if a.Atom != "term c c44" || b.Atom != "c44" {
		t.Errorf("atoms %q, %q", a.Atom, b.Atom)
	}
	if Meets(a, b) {
		t.Error("Term C - C44 and C44 were guessed to be the same gate")
	}
	if !Meets(a, mustParse(t, "term c – c44", text)) {
		t.Error("Term C - C44 and term c – c44 differ")
	}
}

// TestIsPlaceholder: on text and names, the placeholders of Parse and
// the words that name nothing support no candidate; values of the other
// types and real text are not placeholders.
func TestIsPlaceholder(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		typ  Type
		want bool
	}{
		{"Not Available", Text, true},
		{"n/a", Text, true},
		{"N.A.", Text, true},
		{"-", Text, true},
		{"?", Text, true},
		{"unknown", Names, true},
		{"None", Text, true},
		{"", Text, true},
		{"Knuth", Text, false},
		{"Knuth", Names, false},
		{"none", Choice, false},
		{"unknown", Number, false},
	} {
		if got := IsPlaceholder(Value{Raw: tc.raw, Type: tc.typ}); got != tc.want {
			t.Errorf("IsPlaceholder(%q on %s) = %v, want %v", tc.raw, tc.typ, got, tc.want)
		}
	}
	// One home: whatever Parse reads as no value on a text topic, the
	// resolver takes for a placeholder too.
	for _, w := range noValues {
		if !IsNoValue(w, Spec{Type: Text}) || !IsPlaceholder(Value{Raw: w, Type: Text}) {
			t.Errorf("%q: IsNoValue %v, IsPlaceholder %v", w, IsNoValue(w, Spec{Type: Text}), IsPlaceholder(Value{Raw: w, Type: Text}))
		}
	}
}
