package yamlscan

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// asBlock lays text out as the loader hands a piece to the scanner: its
// first line after lead, indented by indent spaces, and every further line
// indented two more, so that it stays inside the piece.
func asBlock(text, lead string, indent int) []byte {
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i == 0 {
			b.WriteString(pad + lead + line + "\n")
		} else {
			b.WriteString(pad + "  " + line + "\n")
		}
	}
	return []byte(b.String())
}

// warm fills a scanner's arena and intern map first, so that a fuzzed
// piece is read by a scanner in the state the loader's are in.
func warm(s *Scanner) {
	for _, tt := range items[:5] {
		s.Item([]byte(tt.text), 1)
	}
}

// yamlText is what the scanner takes for granted (see the package doc):
// UTF-8 holding only the characters yaml.v3 reads.
func yamlText(s string) bool {
	for _, r := range s {
		ok := r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 ||
			r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
		if !ok || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// fuzzSeeds are claims entries as ledgers write them, and a few edges.
var fuzzSeeds = []string{
	"id: c1\ntopic: t\nvalue: 600,000\nsource: a\ndate: 2025-11-20",
	`{topic: t, value: "600,000", source: a}`,
	"topic: t\nvalue: \"about 19% \\\"roughly\\\" \\u00e9\\e\\x41\\U0001F600\"\nsource: 'a'\nquote: 'it''s'",
	"topic: t # the topic\n# inside\nvalue: x#y # comment\nsource: a\n\n# after",
	"topic: t\nvia: [b, \"a\", 'c']\ncontext: {draft: 28-point, 'k': \"v\"}",
	"topic: t\nvalue: ~\nquote:\nnote:   # nothing\ndenies: true",
	"topic: é\nvalue: [é, x]\nquote: “ü”\r",
	"value: -1.5e3\nas_of: 2025-11-20T10:00:00Z\nvia: []\ncontext: {}",
	"value: null\nsource: NULL\nnote: Null\nquote: \"\"",
	"value: \"tab\\there\" \nsource: a:b\nnote: x,y]",
	"value: a\u2028b\nnote: \"c\u0085d\" # e\u2029f\nquote: 'g\rh'",
}

// FuzzItem holds the scanner to yaml.v3 on any list item: when it says
// Scanned, its tree must be yaml.v3's for the same text, and it must never
// panic, whatever it answers.
func FuzzItem(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, uint8(i%3*2))
	}
	f.Fuzz(func(t *testing.T, text string, indent uint8) {
		if len(text) > 4096 || !yamlText(text) {
			return
		}
		s := NewScanner(ledgerKeys...)
		warm(s)
		checkItem(t, s, asBlock(text, "- ", int(indent%8)))
	})
}

// FuzzEntry is FuzzItem for an entry of an id mapping (sources, topics).
func FuzzEntry(f *testing.F) {
	f.Add("a: {name: A, kind: outlet}", uint8(2))
	f.Add("a:\nname: \"A\"\nkind: wire # the kind\n\n# done", uint8(2))
	f.Add("t1:\ntolerance: 1%\nunit: people\nnote: 'it''s'", uint8(0))
	for _, s := range fuzzSeeds[:4] {
		f.Add("id:\n"+s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, text string, indent uint8) {
		if len(text) > 4096 || !yamlText(text) {
			return
		}
		s := NewScanner(ledgerKeys...)
		warm(s)
		in := int(indent % 8)
		checkEntry(t, s, asBlock(text, "", in), in)
	})
}
