package yamlscan

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// ledgerKeys tunes test scanners as the loader tunes its own.
var ledgerKeys = []Option{
	Keys("id", "topic", "value", "source", "via", "date", "as_of", "quote", "context", "denies", "note"),
	Shared("source", "via", "date", "as_of", "kind", "type", "status"),
}

// decodeYAML decodes data with yaml.v3 and returns its document's root,
// or an error for what yaml.v3 rejects (or panics on).
func decodeYAML(data []byte) (root *yaml.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml.v3 panicked: %v", p)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("not one document")
	}
	return doc.Content[0], nil
}

// diffNodes says where the scanner's tree got differs from yaml.v3's want,
// or "" when they agree on all the loader reads: kind, tag, value, style,
// position and content, all the way down. One difference is allowed: the
// scanner tags a plain scalar !!str where yaml.v3 resolves it to another
// type, as long as neither calls it null.
func diffNodes(got, want *yaml.Node) string {
	return diffAt("", got, want)
}

func diffAt(path string, got, want *yaml.Node) string {
	if got == nil || want == nil {
		if got != want {
			return fmt.Sprintf("%s: got %v, want %v", path, got, want)
		}
		return ""
	}
	at := fmt.Sprintf("%s(%d:%d %q)", path, want.Line, want.Column, want.Value)
	tagOK := got.Tag == want.Tag ||
		got.Kind == yaml.ScalarNode && got.Style == 0 && want.Style == 0 && got.Tag == "!!str" && want.Tag != "!!null"
	switch {
	case got.Kind != want.Kind:
		return fmt.Sprintf("%s: kind %v, want %v", at, got.Kind, want.Kind)
	case !tagOK:
		return fmt.Sprintf("%s: tag %s, want %s", at, got.Tag, want.Tag)
	case got.Value != want.Value:
		return fmt.Sprintf("%s: value %q, want %q", at, got.Value, want.Value)
	case got.Style != want.Style:
		return fmt.Sprintf("%s: style %v, want %v", at, got.Style, want.Style)
	case got.Line != want.Line || got.Column != want.Column:
		return fmt.Sprintf("%s: at %d:%d, want %d:%d", at, got.Line, got.Column, want.Line, want.Column)
	case got.Anchor != want.Anchor || got.Alias != nil || want.Alias != nil:
		return fmt.Sprintf("%s: an anchor or alias", at)
	case len(got.Content) != len(want.Content):
		return fmt.Sprintf("%s: %d children, want %d", at, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if d := diffAt(fmt.Sprintf("%s/%d", at, i), got.Content[i], want.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// checkItem scans data as one list item, and when the scanner reads it,
// holds its tree to yaml.v3's for the same text.
func checkItem(t *testing.T, s *Scanner, data []byte) Result {
	t.Helper()
	got, res := s.Item(data, 1)
	if res != Scanned {
		return res
	}
	root, err := decodeYAML(data)
	if err != nil {
		t.Fatalf("scanned what yaml.v3 rejects: %v\n%q", err, data)
	}
	if root.Kind != yaml.SequenceNode || len(root.Content) != 1 {
		t.Fatalf("scanned as one item what yaml.v3 reads as %v of %d\n%q", root.Kind, len(root.Content), data)
	}
	if d := diffNodes(got, root.Content[0]); d != "" {
		t.Fatalf("scanner and yaml.v3 differ at %s\n%q", d, data)
	}
	return res
}

// checkEntry is checkItem for one entry of an id mapping.
func checkEntry(t *testing.T, s *Scanner, data []byte, indent int) Result {
	t.Helper()
	key, val, res := s.Entry(data, 1, indent)
	if res != Scanned {
		return res
	}
	root, err := decodeYAML(data)
	if err != nil {
		t.Fatalf("scanned what yaml.v3 rejects: %v\n%q", err, data)
	}
	if root.Kind != yaml.MappingNode || len(root.Content) != 2 {
		t.Fatalf("scanned as one entry what yaml.v3 reads as %v of %d\n%q", root.Kind, len(root.Content), data)
	}
	if d := diffNodes(key, root.Content[0]); d != "" {
		t.Fatalf("scanner and yaml.v3 differ on the id at %s\n%q", d, data)
	}
	if d := diffNodes(val, root.Content[1]); d != "" {
		t.Fatalf("scanner and yaml.v3 differ at %s\n%q", d, data)
	}
	return res
}

// items are claims entries in the forms ledgers use, and some they do
// not, with what the scanner makes of each.
var items = []struct {
	name, text string
	want       Result
}{
	{"plain", "  - id: c1\n    topic: t\n    value: 600,000\n    source: a\n    date: 2025-11-20\n", Scanned},
	{"quoted", "  - topic: t\n    value: \"about 19% \\\"roughly\\\" \\u00e9\\e\"\n    source: 'a'\n    quote: 'it''s'\n", Scanned},
	{"comments", "  - topic: t # the topic\n    # inside\n    value: x#y # comment\n    source: a\n  # after\n", Scanned},
	{"flow list and map", "  - topic: t\n    via: [b, \"a\", 'c']\n    context: {draft: 28-point, 'k': \"v\"}\n", Scanned},
	{"nulls", "  - topic: t\n    value: ~\n    quote:\n    note:   # nothing\n", Scanned},
	{"types", "  - value: 12\n    denies: true\n    date: 2025-11-20\n    as_of: 1.5e3\n", Scanned},
	{"unicode columns", "  - topic: é\n    value: [é, x]\n    quote: “ü”\n", Scanned},
	{"crlf", "- topic: t\r\n  value: 1\r\n", Scanned},
	{"empty flow", "- via: []\n  context: {}\n", Scanned},
	{"flow entry", "  - {topic: t, value: \"600,000\", source: a}\n", Fallback},
	{"empty in flow", "  - context: {n: }\n", Fallback},
	{"dash then mapping", "  -\n    topic: t\n", Fallback},
	{"block list", "  - topic: t\n    via:\n      - b\n", Fallback},
	{"folded scalar", "  - value: >\n      long\n", Fallback},
	{"multi-line plain", "  - value: one\n      two\n", Fallback},
	{"tag", "  - value: !!str 600\n", Fallback},
	{"colon in plain", "  - value: a: b\n", Fallback},
	{"bad escape", "  - value: \"\\q\"\n", Fallback},
	{"slash escape", "  - value: \"a\\/b\"\n", Fallback},
	{"unclosed quote", "  - value: \"open\n    source: a\n", Fallback},
	{"nested flow", "  - context: {a: [b]}\n", Fallback},
	{"flow over lines", "  - via: [a,\n      b]\n", Fallback},
	{"longest key", "- " + strings.Repeat("k", maxKey) + ": v\n  note: {" + strings.Repeat("é", maxKey/2) + ": v}\n", Scanned},
	{"key too long", "- " + strings.Repeat("k", maxKey+1) + ": v\n", Fallback},
	{"flow key too long", "- note: {" + strings.Repeat("k", maxKey+1) + ": v}\n", Fallback},
	{"tab", "  - value: \t\n", Fallback},
	{"tab before comment", "  - value: a\t# b\n", Fallback},
	{"lone cr", "  - value: a\rb\n", Fallback},
	{"line separator", "  - value: a\u2028b\n", Fallback},
	{"next line in quotes", "  - value: \"a\u0085b\"\n", Fallback},
	{"paragraph separator in quotes", "  - value: 'a\u2029b'\n", Fallback},
	{"break in comment", "  - value: a # b\u2028c: d\n", Fallback},
	{"break in comment line", "  - value: a\n    # b\u2028c: d\n", Fallback},
	{"null key", "- topic: t\n  Null: x\n", Fallback},
	{"null key in flow", "- context: {null: x}\n", Scanned},
	{"colon starts a plain scalar", "- value: :x\n  via: [-x]\n", Scanned},
	{"colon starts a flow plain scalar", "- via: [a, :x]\n", Fallback},
	{"merge key", "  - <<: {topic: t}\n", Fallback},
	{"not a mapping", "  - just text\n", Fallback},
	{"anchor", "  - &x\n    topic: t\n", Fallback},
	{"anchored value", "  - topic: &x t\n", Abort},
	{"alias", "  - topic: *x\n", Abort},
}

func TestItemMatchesYAML(t *testing.T) {
	s := NewScanner(ledgerKeys...)
	for _, tt := range items {
		t.Run(tt.name, func(t *testing.T) {
			if res := checkItem(t, s, []byte(tt.text)); res != tt.want {
				t.Errorf("result %v, want %v", res, tt.want)
			}
		})
	}
}

func TestEntryMatchesYAML(t *testing.T) {
	entries := []struct {
		name, text string
		indent     int
		want       Result
	}{
		{"flow", "  a: {name: A, kind: outlet}\n", 2, Scanned},
		{"block", "  a:\n    name: \"A\"\n    kind: wire # the kind\n\n    # done\n", 2, Scanned},
		{"scalar", "a: 1\n", 0, Scanned},
		{"no value", "  a:\n", 2, Fallback},
		{"value and fields", "  a: 1\n    name: A\n", 2, Fallback},
		{"ragged fields", "  a:\n    name: A\n     kind: B\n", 2, Fallback},
		{"nested", "  a:\n    name:\n      b: c\n", 2, Fallback},
		{"break in comment line", "  a:\n    # b\u2028c: d\n    name: A\n", 2, Fallback},
		{"alias", "  a: *x\n", 2, Abort},
	}
	s := NewScanner(ledgerKeys...)
	for _, tt := range entries {
		t.Run(tt.name, func(t *testing.T) {
			if res := checkEntry(t, s, []byte(tt.text), tt.indent); res != tt.want {
				t.Errorf("result %v, want %v", res, tt.want)
			}
		})
	}
}

func TestSections(t *testing.T) {
	data := "# a ledger\nledger: 1\nsources:\n  a: {name: A}\n\n# claims follow\nclaims:\n- topic: t\n  value: 1\n"
	secs, ok := Sections([]byte(data))
	if !ok {
		t.Fatal("sections not found")
	}
	if crlf, ok := Sections([]byte(strings.ReplaceAll(data, "\n", "\r\n"))); !ok || len(crlf) != len(secs) {
		t.Error("CRLF sections not found")
	}
	var got []string
	for _, s := range secs {
		got = append(got, fmt.Sprintf("%s@%d=%q", s.Key, s.Line, data[s.Start:s.End]))
	}
	want := []string{
		`ledger@2="ledger: 1\n"`,
		`sources@3="sources:\n  a: {name: A}\n\n# claims follow\n"`,
		`claims@7="claims:\n- topic: t\n  value: 1\n"`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, bad := range []string{"a: 1\rb: 2\n", "a: 1\nb: \u0085\n", "a: 1\n# \u2028\n", "a: '\u2029'\n", "a: 1\r\nb: 2\r",
		"", "# only a comment\n", "---\na: 1\n", "a: 1\n---\n", "%YAML 1.2\na: 1\n", "\"a\": 1\n",
		"{a: 1}\n", "? a\n: 1\n", "a: 1\n\tb: 2\n", "- a\n", "a:b\n", "text\n"} {
		if _, ok := Sections([]byte(bad)); ok {
			t.Errorf("%q: split, want no", bad)
		}
	}
}

func TestItems(t *testing.T) {
	data := "claims:\n  # first\n  - a: 1\n    b: 2\n\n  # between\n  - {a: 1}\n  -\n    a: 3\n"
	secs, _ := Sections([]byte(data))
	items, ok := Items([]byte(data), secs[0])
	if !ok {
		t.Fatal("items not found")
	}
	var got []string
	for _, it := range items {
		got = append(got, fmt.Sprintf("%d=%q", it.Line, data[it.Start:it.End]))
	}
	want := []string{`3="  - a: 1\n    b: 2\n\n  # between\n"`, `7="  - {a: 1}\n"`, `8="  -\n    a: 3\n"`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, bad := range []string{"claims: [a]\n", "claims: - a\n", "claims:\n  - a\n - b\n", "claims:\n  - a\n  b: 1\n", "claims:\n  \t- a\n", "claims:"} {
		secs, _ := Sections([]byte(bad))
		if _, ok := Items([]byte(bad), secs[0]); ok {
			t.Errorf("%q: split, want no", bad)
		}
	}
}

func TestEntries(t *testing.T) {
	data := "topics:\n  t1: {tolerance: 1%}\n  # a comment\n  t2:\n    tolerance: 2%\n"
	secs, _ := Sections([]byte(data))
	entries, ok := Entries([]byte(data), secs[0])
	if !ok {
		t.Fatal("entries not found")
	}
	var got []string
	for _, e := range entries {
		got = append(got, fmt.Sprintf("%d+%d=%q", e.Line, e.Indent, data[e.Start:e.End]))
	}
	want := []string{`2+2="  t1: {tolerance: 1%}\n  # a comment\n"`, `4+2="  t2:\n    tolerance: 2%\n"`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, bad := range []string{"topics: {}\n", "topics:\n", "topics:\n    t1: 1\n  t2: 2\n", "topics:\n  \tt1: 1\n"} {
		secs, _ := Sections([]byte(bad))
		if _, ok := Entries([]byte(bad), secs[0]); ok {
			t.Errorf("%q: split, want no", bad)
		}
	}
}

// Known keys come back as the very strings given, and shared values as
// one string for every entry that holds them.
func TestKeysAndShared(t *testing.T) {
	topic := strings.Clone("topic")
	s := NewScanner(Keys(topic), Shared("source"))
	var sources []string
	for range 2 {
		n, res := s.Item([]byte("- topic: t\n  source: outlet\n  note: outlet\n"), 1)
		if res != Scanned {
			t.Fatal(res)
		}
		if unsafe.StringData(n.Content[0].Value) != unsafe.StringData(topic) {
			t.Error("a known key was copied")
		}
		sources = append(sources, n.Content[3].Value, n.Content[5].Value)
	}
	if unsafe.StringData(sources[0]) != unsafe.StringData(sources[2]) {
		t.Error("a shared value was not shared")
	}
	if unsafe.StringData(sources[1]) == unsafe.StringData(sources[3]) {
		t.Error("a value not shared was")
	}
}

// Reading an entry allocates only the strings of its values that are
// neither shared nor seen: the nodes, and flow collections' lists of
// children, come from the arena.
func TestItemAllocs(t *testing.T) {
	s := NewScanner(ledgerKeys...)
	item := []byte("  - topic: turnout\n    value: \"600,000\"\n    source: outlet\n    date: 2025-11-20\n    via: [wire, outlet]\n    context: {k: v}\n")
	allocs := testing.AllocsPerRun(100, func() {
		if _, res := s.Item(item, 1); res != Scanned {
			t.Fatal(res)
		}
	})
	if allocs > 2 { // "turnout" and "600,000"; Go keeps 1-byte strings
		t.Errorf("%v allocations per item, want 2", allocs)
	}
}

// A Scanner reuses its arena: a second item must not see the first's nodes.
func TestScannerReuse(t *testing.T) {
	s := NewScanner(ledgerKeys...)
	for _, tt := range items {
		checkItem(t, s, []byte(tt.text))
	}
	for _, tt := range items {
		checkItem(t, s, []byte(tt.text))
	}
}

// A big entry falls back rather than outgrow the arena.
func TestItemTooBig(t *testing.T) {
	var b strings.Builder
	b.WriteString("- via: [")
	for i := range maxNodes {
		fmt.Fprintf(&b, "s%d, ", i)
	}
	b.WriteString("x]\n")
	if _, res := NewScanner().Item([]byte(b.String()), 1); res != Fallback {
		t.Errorf("result %v, want Fallback", res)
	}
}

func BenchmarkItem(b *testing.B) {
	s := NewScanner(ledgerKeys...)
	item := []byte("  - id: c1\n    topic: turnout-2025\n    value: \"600,000\"\n    source: outlet\n    date: 2025-11-20\n    via: [wire, outlet]\n    quote: 'about 600,000 people' # checked\n")
	b.SetBytes(int64(len(item)))
	b.ReportAllocs()
	for b.Loop() {
		if _, res := s.Item(item, 1); res != Scanned {
			b.Fatal(res)
		}
	}
}

// gridTokens are the bits of YAML where a hand-written scanner most often
// goes wrong: indicators, quotes, escapes, blanks and odd characters.
var gridTokens = []string{"", " ", "a", "-", ":", "?", "#", ",", "[", "]", "{", "}", "'", "\"", "\\", "~",
	"  ", "é", "\t", "x y", ": ", " #", "a:", ":a", "?a", "-a", "a #b", "#a", "[]", "{}", "''", "\"\"",
	"'a''b'", "\"a\\\"b\"", "\"\\x41\\u00e9\\U0001F600\"", "\"\\ud800\"", "\"\\x4\"", "\"\\0\\a\\e\\t\\n\\r\"",
	"\"\\ \"", "\"\\N\"", "1:2", "a,b", "\u00a0", "\ufeff", "'\\'", "k: v", "null", "<<"}

// TestGrid holds the scanner to yaml.v3 on every pair of grid tokens, and
// every triple of the first sixteen, in each place of an item or entry a
// value, key or comment can go: a systematic sweep the fuzzer may take
// long to make.
func TestGrid(t *testing.T) {
	s := NewScanner(ledgerKeys...)
	check := func(v string) {
		for _, item := range []string{"- k: " + v + "\n", "- k: [" + v + "]\n", "- k: {" + v + "}\n",
			"- k: [x, " + v + "]\n", "- k: {x: " + v + "}\n", "- k: {" + v + ": y}\n", "- k: x\n  " + v + "\n",
			"- " + v + ": y\n", "- k: '" + v + "'\n", "- k: \"" + v + "\"\n", "-  k: x #" + v + "\n   j: " + v + "\n",
			"- k:" + v + "\n"} {
			checkItem(t, s, []byte(item))
		}
		for _, entry := range []string{"  id: " + v + "\n", "  id:\n    k: " + v + "\n", "  id:\n    " + v + "\n    k: v\n",
			"  id: {" + v + "}\n", "  " + v + ": x\n"} {
			checkEntry(t, s, []byte(entry), 2)
		}
	}
	for _, a := range gridTokens {
		for _, b := range gridTokens {
			check(a + b)
		}
	}
	for _, a := range gridTokens[:16] {
		for _, b := range gridTokens[:16] {
			for _, c := range gridTokens[:16] {
				check(a + b + c)
			}
		}
	}
}
