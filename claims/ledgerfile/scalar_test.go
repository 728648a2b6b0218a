package ledgerfile_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/claims/load"
)

func TestScalar(t *testing.T) {
	tests := []struct {
		in          string
		block, flow string
	}{
		{"600,000", "600,000", `"600,000"`},
		{"yes", "yes", "yes"},
		{"2025-11-20", "2025-11-20", "2025-11-20"},
		{"2025-11-20T10:00:00Z", "2025-11-20T10:00:00Z", "2025-11-20T10:00:00Z"},
		{"https://example.org/a?b=c", "https://example.org/a?b=c", `"https://example.org/a?b=c"`},
		{"~850,000", `"~850,000"`, `"~850,000"`},
		{"current: ~850,000", `"current: ~850,000"`, `"current: ~850,000"`},
		{`as "de facto Russian,"`, `'as "de facto Russian,"'`, `'as "de facto Russian,"'`},
		{"Ukraine's army", "Ukraine's army", "Ukraine's army"},
		{"null", `"null"`, `"null"`},
		{"~", `"~"`, `"~"`},
		{"-5", "-5", "-5"},
		{"- 5", `"- 5"`, `"- 5"`},
		{"*alias", `"*alias"`, `"*alias"`},
		{"&anchor", `"&anchor"`, `"&anchor"`},
		{"!tag", `"!tag"`, `"!tag"`},
		{"#1 story", `"#1 story"`, `"#1 story"`},
		{"story #1", `"story #1"`, `"story #1"`},
		{"C#", "C#", "C#"},
		{"trailing:", `"trailing:"`, `"trailing:"`},
		{" padded ", `" padded "`, `" padded "`},
		{"two\nlines", `"two\nlines"`, `"two\nlines"`},
		{"tab\there", `"tab\there"`, `"tab\there"`},
		{`back\slash`, `'back\slash'`, `'back\slash'`},
		{"it's \"so\"", `'it''s "so"'`, `'it''s "so"'`},
		{"[G8]", `"[G8]"`, `"[G8]"`},
		{"a[1]", "a[1]", `"a[1]"`},
		{"Київ", "Київ", "Київ"},
		{"\u2028", `"\u2028"`, `"\u2028"`},
		{"\u0085", `"\x85"`, `"\x85"`},
		{"bell\a", `"bell\x07"`, `"bell\x07"`},
		{"", `""`, `""`},
	}
	for _, tt := range tests {
		if got := ledgerfile.Scalar(tt.in, ledgerfile.Block); got != tt.block {
			t.Errorf("Scalar(%q, Block) = %s, want %s", tt.in, got, tt.block)
		}
		if got := ledgerfile.Scalar(tt.in, ledgerfile.Flow); got != tt.flow {
			t.Errorf("Scalar(%q, Flow) = %s, want %s", tt.in, got, tt.flow)
		}
		checkScalar(t, tt.in)
	}
}

// checkScalar holds Scalar to yaml.v3: the text reads back as s, as a
// block value and inside a flow list and mapping.
func checkScalar(t *testing.T, s string) {
	t.Helper()
	for _, doc := range []string{
		"k: " + ledgerfile.Scalar(s, ledgerfile.Block) + "\n",
		"k: [" + ledgerfile.Scalar(s, ledgerfile.Flow) + ", x]\n",
		"k: {" + ledgerfile.Scalar(s, ledgerfile.Flow) + ": " + ledgerfile.Scalar(s, ledgerfile.Flow) + ", x: y}\n",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(doc), &n); err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		v := n.Content[0].Content[1]
		if v.Kind != yaml.ScalarNode {
			v = v.Content[0]
		}
		if v.Value != s || v.Tag == "!!null" {
			t.Fatalf("%q reads back as %q (%s), want %q", doc, v.Value, v.Tag, s)
		}
	}
}

// Any string a claim may hold, inserted into a block or a flow ledger,
// loads back as that string, through the fast path and yaml.v3 alike,
// and nothing else in the ledger changes.
func FuzzInsertClaim(f *testing.F) {
	for _, s := range []string{"600,000", "yes", "null", ": ", "a: b", "#", " #x", "*x", "&x", "!x", "-", "- x", "'", `"`, "\\", "Київ", "\u2028", "x\ny", "\t", "[", "{a: b}", "%", "@", "`", "?", "? x", "---", "...", "~", "\x7f", "\ufeff", "a,b", "0x1F", "1e3"} {
		f.Add(s, "quote "+s, s, "k", false)
		f.Add(s, s, "", s, true)
	}
	f.Fuzz(func(t *testing.T, value, quote, note, ctx string, flow bool) {
		for _, s := range []string{value, quote, note, ctx} {
			if !utf8.ValidString(s) || len(s) > 1000 {
				t.Skip()
			}
		}
		if value == "" {
			t.Skip()
		}
		checkScalar(t, value)
		base := "ledger: 1\nsources:\n  a: {name: A, kind: outlet}\ntopics:\n  t.x: {type: text}\nclaims:\n  - topic: t.x\n    value: first\n    source: a\n"
		if flow {
			base = strings.Replace(base, "  - topic: t.x\n    value: first\n    source: a\n", "  - {topic: t.x, value: first, source: a}\n", 1)
		}
		// The claim cites a new source whose name is the quote, defined
		// in the same go, on a new topic whose question is the note.
		c := ledgerfile.Claim{Topic: "t.y", Value: value, Source: "b", Quote: quote, Note: note}
		if ctx != "" {
			c.Context = [][2]string{{ctx, value}}
		}
		add := ledgerfile.Additions{
			Sources: []ledgerfile.Source{{ID: "b", Name: quote, Kind: "outlet"}},
			Topics:  []ledgerfile.Topic{{ID: "t.y", Type: "text", Question: note}},
			Claims:  []ledgerfile.Claim{c},
		}
		edits, err := ledgerfile.Insert([]byte(base), add)
		if err != nil {
			t.Fatal(err)
		}
		out := ledgerfile.Apply([]byte(base), edits...)
		before, after := load.Bytes("l.yaml", []byte(base)), load.Bytes("l.yaml", out)
		if err := ledgerfile.Added(before, after, map[string]ledgerfile.Additions{"l.yaml": add}); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if got := load.NotScanned(out); !flow && len(got) > 0 {
			t.Errorf("the fast path hands %v to yaml.v3:\n%s", got, out)
		}
	})
}

// An id is quoted when any YAML reader would take it plain for null, a
// boolean or a number, and left plain otherwise.
func TestIDQuotesTypedPlainScalars(t *testing.T) {
	for _, s := range []string{"null", "Null", "NULL", "~", "true", "False", "yes", "No", "on", "OFF", "y", "N",
		"2024", "-1", "+1", "1e3", "1.5", "0x1F", "0o17", "0b101", "1_000", "99999999999999999999", "inf", "NaN"} {
		got := ledgerfile.ID(s, ledgerfile.Block)
		if !strings.HasPrefix(got, `"`) {
			t.Errorf("ID(%q) = %s, want it quoted", s, got)
		}
		var m map[string]any
		if err := yaml.Unmarshal([]byte("k: "+got), &m); err != nil {
			t.Fatal(err)
		}
		if v := m["k"]; v != s {
			t.Errorf("ID(%q) = %s reads back as %T %v", s, got, v, v)
		}
	}
	for _, s := range []string{"reuters", "claim.null", "nullable", "yes-no", "2024-cap", "a1e3", "army-cap"} {
		if got := ledgerfile.ID(s, ledgerfile.Block); got != s {
			t.Errorf("ID(%q) = %s, want it plain", s, got)
		}
	}
}
