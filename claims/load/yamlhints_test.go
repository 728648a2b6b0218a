package load

import (
	"strings"
	"testing"
)

// The mistakes people make writing YAML by hand are reported where they
// are, with a hint that names the fix.
func TestYAMLHints(t *testing.T) {
	head := "ledger: 1\nsources:\n  a: {name: A, kind: outlet}\nclaims:\n"
	for _, tt := range []struct {
		name, text, at, hint string
	}{
		{"colon in a quote", head + "  - topic: t\n    value: 1\n    source: a\n    quote: Haq said: We are going\n", "8:20", "wrap the text in quotes"},
		{"tab indent", "ledger: 1\nsources:\n\ta: {name: A, kind: outlet}\n", "3:1", "not tabs"},
		{"smart quote", head + "  - topic: t\n    value: 1\n    source: a\n    quote: “we go”, he said: fine\n", "8:12", "straight"},
		{"dash with no space", head + "  -topic: t\n    value: 1\n", "5:4", "space after -"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := Bytes("h.yaml", []byte(tt.text))
			if len(l.Problems) == 0 {
				t.Fatal("no problem")
			}
			p := l.Problems[0]
			if got := strings.TrimPrefix(p.Pos.String(), "h.yaml:"); got != tt.at || !strings.Contains(p.Hint, tt.hint) {
				t.Errorf("at %s with hint %q; want %s and a hint with %q (%s)", got, p.Hint, tt.at, tt.hint, p.Message)
			}
		})
	}
}

// A typo in a field names the field meant: a swapped pair is one edit.
func TestUnknownFieldTypo(t *testing.T) {
	l := Bytes("t.yaml", []byte("ledger: 1\nsources:\n  a: {name: A, kind: outlet}\nclaims:\n  - {topic: t, value: 1, source: a, qoute: hi}\n"))
	for _, p := range l.Problems {
		if p.Code == "unknown-field" {
			if p.Hint != `did you mean "quote"?` {
				t.Errorf("hint %q", p.Hint)
			}
			return
		}
	}
	t.Fatalf("no unknown-field problem in %v", l.Problems)
}

// A stray quote is reported where PyYAML reports it, not where yaml.v3
// noticed something was wrong: the corpus under testdata/broken has the
// positions PyYAML 6 gives for each file.
func TestStrayQuotesWherePyYAMLSays(t *testing.T) {
	for name, want := range map[string]string{
		"inner-double.yaml": "17:22",
		"inner-single.yaml": "17:28",
		"flow-inner.yaml":   "5:55",
		"list-item.yaml":    "8:18",
	} {
		path := "testdata/broken/" + name
		l, err := Load(Paths([]string{path}), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Problems) == 0 {
			t.Fatalf("%s: no problem", name)
		}
		p := l.Problems[0]
		if got := strings.TrimPrefix(p.Pos.String(), path+":"); got != want || !strings.Contains(p.Hint, "quote") {
			t.Errorf("%s: at %s (%s; hint %q), want %s", name, got, p.Message, p.Hint, want)
		}
	}
}
