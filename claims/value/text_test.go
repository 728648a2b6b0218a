package value

import (
	"fmt"
	"strings"
	"testing"
)

func TestNormalizeText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"case and period", "The  G8.", "the g8"},
		{"already normal", "the g8", "the g8"},
		{"white space", " \tthe\n\u00a0g8 ", "the g8"},
		{"curly quotes", "Russia’s “plan”", "russia's plan"},
		{"straight quotes", `Russia's "plan"`, "russia's plan"},
		{"dash between words", "Russia—Ukraine", "russia-ukraine"},
		{"spaced dash", "Russia — Ukraine", "russia ukraine"},
		{"hyphen kept", "28-point plan", "28-point plan"},
		{"abbreviation", "U.S. forces", "us forces"},
		{"decimal kept", "1.5 million", "1.5 million"},
		{"thousands comma", "600,000", "600000"},
		{"comma between words", "Kyiv,Moscow", "kyiv moscow"},
		{"percent kept", "19%", "19%"},
		{"symbols kept", "$5 + €3", "$5 + €3"},
		{"punctuation gone", "(yes!) — no?", "yes no"},
		{"only punctuation", "...", ""},
		{"invalid utf8", "a\xffb", "a b"},
		{"unicode letters", "Ÿes Ünited", "ÿes ünited"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NormalizeText(tc.in); got != tc.want {
				t.Errorf("NormalizeText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	for _, tc := range []struct{ name, raw, atom string }{
		{"normalised", "The  G8.", "the g8"},
		{"punctuation only kept", "?!", "?!"},
		{"yaml scalar", "600000", "600000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := mustParse(t, tc.raw, Spec{Type: Text})
			if v.Atom != tc.atom || v.Type != Text || v.Raw != tc.raw {
				t.Errorf("Parse(%q) = %+v, want atom %q", tc.raw, v, tc.atom)
			}
		})
	}
	if _, err := Parse(" ", Spec{Type: Text}); err == nil {
		t.Error("Parse of blank text succeeded")
	}
}

func TestParseBool(t *testing.T) {
	for _, tc := range []struct{ name, raw, atom, err string }{
		{"yes", "yes", "yes", ""},
		{"Yes", "Yes", "yes", ""},
		{"y", "Y", "yes", ""},
		{"true", "true", "yes", ""},
		{"TRUE", "TRUE", "yes", ""},
		{"no", "no", "no", ""},
		{"n", "n", "no", ""},
		{"false", "False", "no", ""},
		{"punctuated", "No.", "no", ""},
		{"maybe", "maybe", "", `"maybe" is not yes or no`},
		{"number", "1", "", "is not yes or no"},
		{"on", "on", "", "is not yes or no"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Parse(tc.raw, Spec{Type: Bool})
			if tc.err != "" {
				if err == nil || !contains(err.Error(), tc.err) {
					t.Fatalf("Parse(%q) error %v, want %q", tc.raw, err, tc.err)
				}
				return
			}
			if err != nil || v.Atom != tc.atom {
				t.Errorf("Parse(%q) = %q, %v, want %q", tc.raw, v.Atom, err, tc.atom)
			}
		})
	}
}

// A topic of many choices reads each value in one lookup, the first
// choice a way of writing names winning as in a search, and a value that
// is not among them names the first few, not all 20,000 (20,000 such
// claims made 20,000 messages of 20,000 names).
func TestManyChoices(t *testing.T) {
	const n = 20_000
	spec := Spec{Type: Choice}
	for i := range n {
		spec.Choices = append(spec.Choices, ChoiceDef{Name: fmt.Sprintf("c%d", i), Aliases: []string{fmt.Sprintf("alias %d", i%7)}})
	}
	spec.IndexChoices()
	for i := range n {
		if v, err := Parse(fmt.Sprintf("C%d", i), spec); err != nil || v.Atom != fmt.Sprintf("c%d", i) {
			t.Fatalf("choice %d: %q, %v", i, v.Atom, err)
		}
	}
	if v, err := Parse("Alias 3", spec); err != nil || v.Atom != "c3" {
		t.Errorf("an alias many choices share: %q, %v, want the first, c3", v.Atom, err)
	}
	for i := range n {
		_, err := Parse(fmt.Sprintf("x%d", i), spec)
		if err == nil || len(err.Error()) > 400 || !strings.HasSuffix(err.Error(), "c19, and 19980 more") {
			t.Fatalf("value x%d: %v", i, err)
		}
	}
}

func TestParseChoice(t *testing.T) {
	spec := Spec{Type: Choice, Choices: []ChoiceDef{
		{Name: "G7"},
		{Name: "G8", Aliases: []string{"Group of Eight", "G-8"}},
	}}
	indexed := spec
	indexed.IndexChoices()
	for _, tc := range []struct{ name, raw, atom, err string }{
		{"name", "G8", "G8", ""},
		{"lower case", "g7", "G7", ""},
		{"alias", "group of eight", "G8", ""},
		{"alias punctuated", "the Group of Eight.", "", "is not one of the choices"},
		{"hyphen alias", "G-8", "G8", ""},
		{"spaces", "  G8 ", "G8", ""},
		{"other", "G9", "", `"G9" is not one of the choices G7, G8`},
		{"empty after folding", "?", "", "is not one of the choices G7, G8"},
	} {
		for _, sp := range []Spec{spec, indexed} {
			t.Run(tc.name, func(t *testing.T) {
				v, err := Parse(tc.raw, sp)
				if tc.err != "" {
					if err == nil || !contains(err.Error(), tc.err) {
						t.Fatalf("Parse(%q) error %v, want %q", tc.raw, err, tc.err)
					}
					checkErrorStyle(t, err)
					return
				}
				if err != nil || v.Atom != tc.atom {
					t.Errorf("Parse(%q) = %q, %v, want %q", tc.raw, v.Atom, err, tc.atom)
				}
			})
		}
	}
	if _, err := Parse("G8", Spec{Type: Choice}); err == nil || !contains(err.Error(), "lists none") {
		t.Errorf("choice without choices: error %v", err)
	}
}

func TestParseType(t *testing.T) {
	for _, ty := range Types {
		got, ok := ParseType(" " + string(ty) + " ")
		if !ok || got != ty {
			t.Errorf("ParseType(%q) = %q, %v", ty, got, ok)
		}
	}
	for _, s := range []string{"", "integer", "date-time", "numbers"} {
		if got, ok := ParseType(s); ok {
			t.Errorf("ParseType(%q) = %q, want not ok", s, got)
		}
	}
	if got, ok := ParseType("Number"); !ok || got != Number {
		t.Errorf("ParseType(Number) = %q, %v", got, ok)
	}
	if _, err := Parse("5", Spec{Type: "integer"}); err == nil || err.Error() != `unknown type "integer"` {
		t.Errorf("unknown type: error %v", err)
	}
	if _, err := Parse("5", Spec{}); err == nil {
		t.Error("Parse without a type succeeded")
	}
}
