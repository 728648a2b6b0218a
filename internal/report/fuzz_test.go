package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// fuzzReport builds a two-position dispute straight from raw strings,
// skipping Build's cleaning: each writer must be safe on its own.
func fuzzReport(topic, value, quote, name, url, file string) *Report {
	src := Source{ID: name, Name: name, URL: url}
	claim := func(id, v string) Claim {
		return Claim{ID: id, Value: v, Quote: quote, Source: src, Chain: []Source{src, {ID: topic}}, Pos: diag.Pos{File: file, Line: 3, Col: 5}}
	}
	pos := func(v string, best bool) Position {
		return Position{
			Position: claims.Position{Value: v, Values: []string{v, quote}, Common: v, Claims: []string{name}, Sources: []string{name},
				Origins: 1, OriginIDs: []string{name}, Reach: 1, Chains: []string{name}, Quotes: []claims.Quote{{Claim: name, Source: name, Text: quote}}},
			Best:   best,
			Claims: []Claim{claim(name, v)},
			Chains: [][]Source{{src, {ID: value}}},
		}
	}
	d := Dispute{
		Dispute: claims.Dispute{Topic: topic, Question: quote, Context: value, Moment: name, Kinds: []claims.Kind{claims.KindConflict},
			Severity: claims.SeverityHigh, Score: 80, Status: "open", Reason: quote, Settled: value, Arithmetic: []string{quote}},
		Anchor: "d1", Best: 0, Positions: []Position{pos(value, true), pos(quote, false)}, At: diag.Pos{File: file, Line: 3},
	}
	d.Dispute.Positions = []claims.Position{d.Positions[0].Position, d.Positions[1].Position}
	r := &Report{Ledger: Ledger{Title: topic, Files: []string{file}, Claims: 2, Sources: 1, Topics: 1}, Disputes: []Dispute{d}}
	r.Summary = summarize(r, func(id string) Source { return Source{ID: id, Name: name} })
	return r
}

var fuzzSeeds = [][6]string{
	{"plan.army-cap", "600,000", "Ukraine must limit its army", "Reuters", "https://example.org", "claims.yaml"},
	{"a|b\nc", "| x |\r\ny", "</td><script>alert(1)</script>", "=HYPERLINK(\"x\")", "javascript:alert(1)", "f|\n.yaml"},
	{"\x1b]8;;x\x07t\x1b]8;;\x07", "\u202eevil", "+1\t-2", "@x`y`**z**", "https://e.org/a b(c)", "-f.yaml"},
	{"::error::x", "##[group]", "- list\n1. item\n# h", "[l](javascript:x)", "http://x/\"><b>", "\xff\xfe"},
}

func FuzzWriteMarkdown(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5])
	}
	f.Fuzz(func(t *testing.T, topic, value, quote, name, url, file string) {
		var buf bytes.Buffer
		if err := WriteMarkdown(&buf, fuzzReport(topic, value, quote, name, url, file)); err != nil {
			t.Fatal(err)
		}
		checkNoControls(t, buf.Bytes())
		checkMarkdown(t, buf.Bytes())
	})
}

func FuzzWriteCSV(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5])
	}
	f.Fuzz(func(t *testing.T, topic, value, quote, name, url, file string) {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, fuzzReport(topic, value, quote, name, url, file)); err != nil {
			t.Fatal(err)
		}
		checkNoControls(t, buf.Bytes())
		checkCSV(t, buf.Bytes())
	})
}

func FuzzWriteGraph(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5])
	}
	f.Fuzz(func(t *testing.T, topic, value, quote, name, url, file string) {
		g := NewGraph(fuzzReport(topic, value, quote, name, url, file))
		var dot, mermaid bytes.Buffer
		if err := g.WriteDOT(&dot); err != nil {
			t.Fatal(err)
		}
		if err := g.WriteMermaid(&mermaid); err != nil {
			t.Fatal(err)
		}
		checkNoControls(t, dot.Bytes())
		checkDOT(t, dot.Bytes())
		checkNoControls(t, mermaid.Bytes())
		checkMermaid(t, mermaid.Bytes())
	})
}

// FuzzWriteEvery runs untrusted text the way it really arrives, through a
// ledger, the engine and Build, into every format: none may carry a raw
// control, and each must stay well-formed.
func FuzzWriteEvery(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[1], s[2], s[3], s[4])
	}
	f.Fuzz(func(t *testing.T, value, quote, name, url string) {
		q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
		ledger := "ledger: 1\ntitle: " + q(name) + "\nsources:\n  a: {name: " + q(name) + ", kind: outlet, url: " + q(url) + "}\n" +
			"  b: {name: B, kind: outlet}\nclaims:\n" +
			"  - {topic: t, value: " + q(value) + ", source: a, date: 2025-11-20, quote: " + q(quote) + "}\n" +
			"  - {topic: t, value: " + q(value+" other") + ", source: b, date: 2025-11-20}\n"
		l := load.Bytes("fuzz.yaml", []byte(ledger))
		if diag.HasErrors(l.Problems, false) {
			return
		}
		a := claims.Analyze(l, claims.Options{})
		r := Build(a)
		r.Mark(resolve.Marks(a, a.Disputes, true))
		for _, format := range Formats {
			var buf bytes.Buffer
			if err := Write(&buf, r, Format(format), Options{Version: "fuzz"}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			checkNoControls(t, buf.Bytes())
			switch Format(format) {
			case JSON, SARIF:
				checkJSON(t, buf.Bytes())
			case HTML:
				if n := len(scripts.FindAllIndex(buf.Bytes(), -1)); n != 1 {
					t.Errorf("html has %d script elements, want only its own", n)
				}
			}
		}
	})
}
