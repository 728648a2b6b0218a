package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// loadBoth loads data through the fast path and the whole-file yaml.v3
// path and fails unless claims and problems are identical. It reports
// whether the fast path took the file.
func loadBoth(t *testing.T, name string, data []byte) bool {
	t.Helper()
	took := false
	fast, _ := Load([]File{{Name: name, Data: data}}, Options{tookFastPath: func() { took = true }})
	slow, _ := Load([]File{{Name: name, Data: data}}, Options{wholeFile: true})
	if !reflect.DeepEqual(fast.Problems, slow.Problems) {
		t.Errorf("%s: problems differ\nfast: %v\nslow: %v", name, fast.Problems, slow.Problems)
	}
	if len(fast.Claims) != len(slow.Claims) {
		t.Fatalf("%s: %d claims fast, %d slow", name, len(fast.Claims), len(slow.Claims))
	}
	for i := range fast.Claims {
		// Printed, since a value's NaN bounds never DeepEqual themselves,
		// and without the topic pointer, which differs between two loads.
		a, b := fast.Claims[i], slow.Claims[i]
		if a.TopicRef.ID != b.TopicRef.ID {
			t.Fatalf("%s: claim %d has topic %s fast, %s slow", name, i, a.TopicRef.ID, b.TopicRef.ID)
		}
		a.TopicRef, b.TopicRef = nil, nil
		if fmt.Sprintf("%#v", a) != fmt.Sprintf("%#v", b) {
			t.Fatalf("%s: claim %d differs\nfast: %+v\nslow: %+v", name, i, fast.Claims[i], slow.Claims[i])
		}
	}
	if !reflect.DeepEqual(fast.Statuses, slow.Statuses) || !reflect.DeepEqual(fast.TopicOrder, slow.TopicOrder) ||
		!reflect.DeepEqual(fast.Sources.All(), slow.Sources.All()) {
		t.Errorf("%s: sources, topics or statuses differ", name)
	}
	return took
}

// The fast path gives exactly what the whole-file decode gives, on every
// ledger the project keeps and on the forms it reads itself.
func TestFastPathMatchesYAML(t *testing.T) {
	took := 0
	files := 0
	err := filepath.WalkDir("../../testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || FormatOf(path) != YAML {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		if loadBoth(t, path, data) {
			took++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !loadBoth(t, "example.yaml", example.YAML) {
		t.Error("the fast path did not take the example")
	}
	var buf bytes.Buffer
	if err := gen.YAML(&buf, gen.Options{Claims: 5000, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	if !loadBoth(t, "gen.yaml", buf.Bytes()) {
		t.Error("the fast path did not take the generated ledger")
	}
	t.Logf("fast path took %d of %d testdata ledgers", took, files)
}

func TestFastPathForms(t *testing.T) {
	head := "ledger: 1\nsources:\n  a: {name: A, kind: outlet}\n  b: {name: B, kind: wire}\nclaims:\n"
	entries := []struct {
		name  string
		entry string
		fast  bool // taken by the fast path
	}{
		{"plain", "  - id: c1\n    topic: t\n    value: 600,000\n    source: a\n    date: 2025-11-20\n", true},
		{"quoted", "  - topic: t\n    value: \"about 19% \\\"roughly\\\" \\u00e9\\e\"\n    source: 'a'\n    quote: 'it''s'\n", true},
		{"comments", "  # first\n  - topic: t # the topic\n    # inside\n    value: x#y # comment\n    source: a\n", true},
		{"flow list and map", "  - topic: t\n    value: 1\n    source: a\n    via: [b, \"a\"]\n    context: {draft: 28-point, 'k': \"v\"}\n", true},
		{"nulls", "  - topic: t\n    value: ~\n    source: a\n    quote:\n", true},
		{"denies", "  - topic: t\n    value: Russia\n    denies: true\n    source: a\n", true},
		{"dash then mapping", "  -\n    topic: t\n    value: 1\n    source: a\n", true},
		{"flow entry", "  - {topic: t, value: 1, source: a}\n", true},
		{"block list", "  - topic: t\n    value: 1\n    source: a\n    via:\n      - b\n", true},
		{"folded scalar", "  - topic: t\n    value: >\n      long\n      text\n    source: a\n", true},
		{"multi-line plain", "  - topic: t\n    value: one\n      two\n    source: a\n", true},
		{"tag", "  - topic: t\n    value: !!str 600\n    source: a\n", true},
		{"duplicate key", "  - topic: t\n    topic: u\n    value: 1\n    source: a\n", true},
		{"unknown field", "  - topic: t\n    colour: red\n    value: 1\n    source: a\n", true},
		{"missing value", "  - topic: t\n    source: a\n", true},
		{"not a mapping", "  - just text\n", true},
		{"colon in plain", "  - topic: t\n    value: a: b\n    source: a\n", false},
		{"anchor", "  - &x\n    topic: t\n    value: 1\n    source: a\n  - *x\n", false},
		{"bad escape", "  - topic: t\n    value: \"\\q\"\n    source: a\n", false},
		{"unclosed quote", "  - topic: t\n    value: \"open\n    source: a\n", false},
		{"merge key", "  - <<: {topic: t}\n    value: 1\n    source: a\n", true},
		{"column zero list", "- topic: t\n  value: 1\n  source: a\n", true},
		{"unicode columns", "  - topic: t\n    value: [é, x]\n    source: a\n    quote: “ü”\n", true},
		// Found by yamlscan's FuzzItem: forms the scanner once read
		// otherwise than yaml.v3.
		{"slash escape", "  - topic: t\n    value: \"a\\/b\"\n    source: a\n", false},
		{"tab before comment", "  - topic: t\n    value: 1 \t# c\n    source: a\n", true},
		{"lone cr", "  - topic: t\n    value: 1\n    note: a\rb\n    source: a\n", false},
		{"line separator", "  - topic: t\n    value: 1\n    note: a\u2028b\n    source: a\n", false},
		{"next line in quotes", "  - topic: t\n    value: 1\n    note: \"a\u0085b\"\n    source: a\n", false},
		{"colon starts a flow scalar", "  - topic: t\n    value: 1\n    source: a\n    via: [b, :x]\n", false},
		{"question mark in a flow scalar", "  - topic: t\n    value: 1\n    source: a\n    via: [b?]\n", false},
		{"null key", "  - topic: t\n    value: 1\n    source: a\n    null: x\n", true},
		{"key too long", "  - topic: t\n    value: 1\n    source: a\n    " + strings.Repeat("k", 1025) + ": x\n", false},
	}
	for _, tt := range entries {
		t.Run(tt.name, func(t *testing.T) {
			tail := "  - topic: t\n    value: 2\n    source: b\n"
			if strings.HasPrefix(tt.entry, "-") {
				tail = "- topic: t\n  value: 2\n  source: b\n"
			}
			data := head + tt.entry + tail
			if took := loadBoth(t, "forms.yaml", []byte(data)); took != tt.fast {
				t.Errorf("fast path took it: %v, want %v", took, tt.fast)
			}
		})
	}
}

// A value left empty is placed right after its colon, as yaml.v3 places
// it, whatever spaces or comment follow; problems about it name that column.
func TestFastPathEmptyValue(t *testing.T) {
	for _, kind := range []string{"kind:", "kind:   ", "kind: # later"} {
		loadBoth(t, "empty.yaml", []byte("ledger: 1\nsources:\n  a:\n    name: A\n    "+kind+"\n"))
	}
}

// FuzzFastPath holds the two paths to the same results on any input.
func FuzzFastPath(f *testing.F) {
	f.Add("ledger: 1\nclaims:\n  - topic: t\n    value: 1\n    source: a\n")
	f.Add("sources:\n  a: {name: A}\nclaims:\n  - {topic: t, value: \"x\\ty\", source: a, via: [a, b]}\n")
	f.Add("claims:\n- topic: t\n  value: 'it''s' # c\n  context: {k: v}\n")
	f.Add(string(example.YAML[:2000]))
	f.Add("claims:\n- topic: t\n  note: \"a\u0085b\" # \u2028\n- topic: u\n  value: \"\\/\" \t# c\n")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 || strings.Count(s, "\n") > 2000 {
			return
		}
		loadBoth(t, "fuzz.yaml", []byte(s))
	})
}

func ExampleBytes() {
	l := Bytes("claims.yaml", []byte("ledger: 1\nsources:\n  a: {name: A, kind: outlet}\nclaims:\n  - {topic: t, value: 1, source: a, date: 2025-11-20}\n"))
	fmt.Println(len(l.Claims), l.Claims[0].ID, l.Claims[0].Pos)
	// Output: 1 t@a claims.yaml:5:5
}
