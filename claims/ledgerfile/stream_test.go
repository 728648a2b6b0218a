package ledgerfile_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/claimdiff/claimdiff/claims/ledgerfile"
)

// checkStream holds the streaming layout to the tree layout on one file:
// where it does not decline, the tree layout takes the file too and
// writes the same bytes. It says whether the streaming layout took it.
func checkStream(t *testing.T, name string, in []byte) bool {
	t.Helper()
	got, err := ledgerfile.FormatStream(in)
	if err != nil {
		if !errors.Is(err, ledgerfile.ErrDecline) {
			t.Fatalf("%s: the streaming layout failed without declining: %v", name, err)
		}
		return false
	}
	want, err := ledgerfile.FormatTree(in)
	if err != nil {
		t.Fatalf("%s: the streaming layout took a file the tree layout refuses (%v):\n%s", name, err, in)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: the layouts differ\n--- input\n%s\n--- tree\n%s\n--- stream\n%s", name, in, want, got)
	}
	return true
}

// corpus is every ledger the tests and the stories hold: the example,
// the stories' ledgers, testdata/ledgers, and the YAML files of the fmt
// scripts.
func corpus(t *testing.T) map[string][]byte {
	files := map[string][]byte{"example": exampleYAML(t)}
	var names []string
	for _, g := range []string{"../../testdata/stories/*/claims.yaml", "../../testdata/ledgers/*/*.y*ml", "../../testdata/ledgers/*/*/*.y*ml"} {
		m, _ := filepath.Glob(g)
		names = append(names, m...)
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = data
	}
	scripts, _ := filepath.Glob("../../testdata/script/*fmt*.txtar")
	for _, s := range scripts {
		a, err := txtar.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".yaml") || strings.HasSuffix(f.Name, ".yml") {
				files[s+":"+f.Name] = f.Data
			}
		}
	}
	return files
}

// The streaming layout writes what the tree layout writes on every
// ledger of the tests, and on each one's layout too; it takes the
// example and the stories, which are laid out already.
func TestStreamMatchesTree(t *testing.T) {
	took := 0
	for name, in := range corpus(t) {
		if checkStream(t, name, in) {
			took++
		} else if name == "example" || strings.Contains(name, "stories") {
			_, err := ledgerfile.FormatStream(in)
			t.Errorf("%s: the streaming layout declined a canonical ledger: %v", name, err)
		}
		if out, err := ledgerfile.FormatTree(in); err == nil && !checkStream(t, name+" (formatted)", out) {
			_, err := ledgerfile.FormatStream(out)
			t.Logf("%s: declined its layout: %v", name, err)
		}
	}
	if took == 0 {
		t.Fatal("the streaming layout took no file")
	}
}

// The streaming layout takes what people and claimdiff write.
func TestStreamTakes(t *testing.T) {
	for _, in := range []string{
		"ledger: 1\nclaims:\n  - topic: t\n    value: 1\n    source: a\n    # foot\n",
		"ledger: 1\n# ledger's\n\nsources:\n  a: {name: A}\n  # a's\n\n  b: {name: B}\n  # b's\n\n# sources'\ntopics:\n  t: {type: number}\n\n# the end\n",
		"ledger: 1\nclaims:\n  - {topic: a, value: 1}\n  # c\n\n  - topic: b\n    value: 1\n    # b's\n\n  - {topic: c, value: 2}\n# claims'\n",
		"ledger: 1\ntopics:\n  t:\n    type: choice\n    choices:\n      - a\n      - b\n",
		"ledger: 1\ntopics:\n  t:\n    type: choice\n    choices:\n      # first\n      - a  # c\n      - b: [bee]\n      - c: d\n",
		"# top\n\n# title's\ntitle: \"x\"\nledger: 1  # v\nclaims:  # all\n  - {source: a, value: '1,000', topic: t}  # c\n\n  # next\n  - value: \"it's\"\n    # the topic\n    topic: t\n    context: {z: 'y', a: b}\n",
		"ledger: 1\nsources:\n  b: {kind: wire, name: B}\n\n  # A's\n  a:\n    kind: outlet  # k\n    name: 'A''s'\n",
		"ledger: 1\nsources:\n  a:\n    name: A\n    texts:\n      - texts/a.txt\n      - {path: texts/b.txt, url: 'https://x.org/b?a=1', date: 2017-06-28}  # c\n      - {url: \"https://x.org/c\", path: c.txt}\n",
	} {
		if !checkStream(t, "input", []byte(in)) {
			_, err := ledgerfile.FormatStream([]byte(in))
			t.Errorf("declined (%v):\n%s", err, in)
		}
	}
}

// Where the streaming layout cannot be sure it writes what the tree
// layout would, it declines, and Format still lays the file out.
func TestStreamDeclines(t *testing.T) {
	for _, tt := range []struct{ name, in string }{
		{"anchors", "ledger: 1\nsources:\n  a: &s {name: A, kind: outlet}\n  b: *s\n"},
		{"a tag", "ledger: !!int 1\n"},
		{"flow sources", "ledger: 1\nsources: {a: {name: A, kind: outlet}}\n"},
		{"a flow list over lines", "ledger: 1\nclaims:\n  - {topic: t, value: 1,\n     source: a}\n"},
		{"a block scalar", "ledger: 1\nclaims:\n  - topic: t\n    value: 1\n    source: a\n    note: |\n      two\n      lines\n"},
		{"a comment deeper than the fields", "ledger: 1\nclaims:\n  - topic: t\n      # deep\n    value: 1\n    source: a\n"},
		{"a comment after a blank line inside a claim", "ledger: 1\nclaims:\n  - topic: t\n\n    # c\n    value: 1\n    source: a\n"},
		{"a comment below a nested list", "ledger: 1\ntopics:\n  t:\n    type: choice\n    choices:\n      - a\n    # c\n"},
		{"a comment with blank lines around it", "ledger: 1\n\n# lonely\n\nclaims:\n  - topic: t\n    value: 1\n    source: a\n"},
		{"a comment inside a flow list", "ledger: 1\nclaims:\n  - topic: t\n    value: 1\n    source: a\n    via: [a,   # in flow\n      b]\n"},
		{"a nested mapping", "ledger: 1\ntopics:\n  t:\n    type: choice\n    spec:\n      a: b\n"},
		{"an empty value", "ledger: 1\ntitle:\n"},
		{"a tab", "ledger: 1\ntitle:\tx\n"},
		{"CRLF line ends", "ledger: 1\r\ntitle: x\r\n"},
		{"several documents", "ledger: 1\n---\nledger: 1\n"},
		{"a plain scalar over lines", "ledger: 1\ntitle: one\n  two\n"},
		{"a merge key", "ledger: 1\nsources:\n  a:\n    <<: {name: A}\n    kind: outlet\n"},
		{"an escape YAML lacks", "ledger: 1\ntitle: \"\\q\"\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ledgerfile.FormatStream([]byte(tt.in)); !errors.Is(err, ledgerfile.ErrDecline) {
				t.Fatalf("the streaming layout did not decline: %v", err)
			}
			want, werr := ledgerfile.FormatTree([]byte(tt.in))
			got, gerr := ledgerfile.Format("l.yaml", []byte(tt.in))
			if (werr == nil) != (gerr == nil) || werr == nil && !bytes.Equal(got, want) && !bytes.Equal(got, []byte(tt.in)) {
				t.Errorf("Format did not fall back to the tree layout: %v, %v\n%s", werr, gerr, got)
			}
		})
	}
}

// FuzzStreamMatchesTree is the differential test: on any input, and on
// ledgers laid out as people write them (genLedger), the streaming
// layout writes the tree layout's bytes, or declines.
func FuzzStreamMatchesTree(f *testing.F) {
	// Small seeds: the fuzzer minimizes what it finds, and the corpus
	// test covers the example and the stories whole.
	for i := range 32 {
		f.Add([]byte{byte(i), byte(i * 7), byte(i * 13), 1, 2, 3, byte(i * 31), 0, 5}, []byte(nil))
	}
	for _, s := range []string{
		"ledger: 1\nclaims:\n  - {source: a, topic: t, value: '1'}  # c\n  # head\n  - value: 2\n    # above topic\n    topic: t\n    source: a\n",
		"# doc\n\n# head\ntitle: x # v\nledger: 1\n\nsources:\n  a: {name: A, kind: outlet} # c\n  # b's\n  b:\n    kind: wire  # k\n    name: \"B\\x41\"\n",
		"ledger: 1\nclaims:\n  -   topic: t\n      value: \"a\\u00e9\"\n      context: {z: '1', a: b:c}\n      via: [x, 'y''s']\n",
		"ledger: 1\nsources:\n  a:\n    texts:\n      - a.txt\n      - {path: b.txt, url: 'https://x.org/?q=1', date: 2017-06-28} # c\n",
	} {
		f.Add([]byte(nil), []byte(s))
	}
	f.Fuzz(func(t *testing.T, choices, raw []byte) {
		in := raw
		if len(choices) > 0 {
			in = []byte(genLedger(&byteStream{choices}))
		}
		checkStream(t, "input", in)
		if out, err := ledgerfile.FormatTree(in); err == nil {
			checkStream(t, "its layout", out)
		}
	})
}
