package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/disputedout"
)

// small is a ledger with one dispute of each status, a tie, a chain and
// a self-contradiction, small enough to reason about by hand.
const small = `ledger: 1
title: Bridge closure (fictional)
sources:
  daily:
    name: The Daily
    kind: outlet
    url: https://example.org/daily
  wire:
    name: City Wire
    kind: wire
    url: ftp://example.org/wire
  mayor:
    name: Mayor
    kind: official
    via: wire
  engineer:
    name: Site engineer
    kind: person
topics:
  bridge.reopens:
    type: date
  bridge.cost:
    type: money
  bridge.lanes:
    type: number
claims:
  - id: daily/reopens
    topic: bridge.reopens
    value: 2025-03-01
    source: daily
    quote: opens again on 1 March
  - id: mayor/reopens
    topic: bridge.reopens
    value: 2025-03-01
    source: mayor
  - id: engineer/reopens
    topic: bridge.reopens
    value: 2025-04-15
    source: engineer
    quote: mid-April at the earliest
  - id: daily/cost
    topic: bridge.cost
    value: $2M
    source: daily
  - id: engineer/cost
    topic: bridge.cost
    value: $5M
    source: engineer
  - id: daily/lanes-a
    topic: bridge.lanes
    value: 2
    source: daily
    date: 2025-01-10
  - id: daily/lanes-b
    topic: bridge.lanes
    value: 4
    source: daily
    date: 2025-01-10
disputes:
  bridge.cost:
    status: acknowledged
    reason: asking the council
    until: 2020-01-01
  bridge.lanes:
    status: dismissed
    reason: a typo, corrected online
`

func build(t *testing.T, name, src string) *Report {
	t.Helper()
	l := load.Bytes(name, []byte(src))
	for _, p := range l.Problems {
		t.Logf("%s: %s", p.Pos, p.Message)
	}
	if len(l.Problems) > 0 && l.Problems[0].Severity == 0 {
		t.Fatalf("ledger has problems")
	}
	return Build(claims.Analyze(l, claims.Options{Today: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}))
}

func byTopic(t *testing.T, r *Report, topic string) *Dispute {
	t.Helper()
	for i := range r.Disputes {
		if r.Disputes[i].Topic == topic {
			return &r.Disputes[i]
		}
	}
	t.Fatalf("no dispute on %s", topic)
	return nil
}

func TestBuild(t *testing.T) {
	r := build(t, "small.yaml", small)
	if r.Ledger.Title != "Bridge closure (fictional)" || r.Ledger.Claims != 7 || r.Ledger.Sources != 4 || r.Ledger.Topics != 3 {
		t.Errorf("ledger = %+v", r.Ledger)
	}
	if len(r.Disputes) != 3 {
		t.Fatalf("got %d disputes, want 3", len(r.Disputes))
	}

	reopens := byTopic(t, r, "bridge.reopens")
	if reopens.Best != 0 || !reopens.Positions[0].Best || reopens.Positions[1].Best {
		t.Errorf("reopens: best = %d, want 0 (two origins against one)", reopens.Best)
	}
	// Located at the contradicted claim: the first of the weakest position.
	if reopens.At.File != "small.yaml" || reopens.At.Line != 36 {
		t.Errorf("reopens located at %s, want small.yaml:36 (engineer/reopens)", reopens.At)
	}
	p0 := reopens.Positions[0]
	if len(p0.Claims) != 2 || p0.Claims[1].ID != "mayor/reopens" {
		t.Fatalf("reopens position 0 claims = %+v", p0.Claims)
	}
	chain := p0.Claims[1].Chain
	if len(chain) != 2 || chain[0].ID != "mayor" || chain[1].ID != "wire" {
		t.Errorf("mayor's chain = %+v, want mayor → wire", chain)
	}
	if chain[1].URL != "" {
		t.Errorf("an ftp URL became a link: %q", chain[1].URL)
	}
	if p0.Claims[0].Source.URL != "https://example.org/daily" {
		t.Errorf("daily's URL = %q", p0.Claims[0].Source.URL)
	}

	cost := byTopic(t, r, "bridge.cost")
	if cost.Best != -1 {
		t.Errorf("cost: best = %d, want -1 for a tie", cost.Best)
	}
	if !cost.Expired || cost.Status != "acknowledged" {
		t.Errorf("cost: status %s expired %v, want an expired acknowledgement", cost.Status, cost.Expired)
	}

	s := r.Summary
	wantCounts := map[string][]Count{
		"kind":     {{"conflict", 2}, {"self", 1}, {"negation", 0}},
		"severity": {{"high", s.BySeverity[0].N}, {"medium", s.BySeverity[1].N}, {"low", s.BySeverity[2].N}},
		"status":   {{"open", 1}, {"acknowledged", 1}, {"resolved", 0}, {"dismissed", 1}},
	}
	for what, got := range map[string][]Count{"kind": s.ByKind, "severity": s.BySeverity, "status": s.ByStatus} {
		if !equalCounts(got, wantCounts[what]) {
			t.Errorf("by %s = %v, want %v", what, got, wantCounts[what])
		}
	}
	if n := s.BySeverity[0].N + s.BySeverity[1].N + s.BySeverity[2].N; n != 3 {
		t.Errorf("severities add up to %d, want 3", n)
	}
	// engineer: the weaker side of reopens, and one side of the cost tie;
	// daily: the other side of the tie, and both sides of its own lanes
	// slip (a self-contradiction of equal strength, so no best).
	want := []SourceCount{{Source{ID: "daily"}, 2}, {Source{ID: "engineer"}, 2}}
	if len(s.Contradicted) != len(want) {
		t.Fatalf("contradicted = %+v, want %+v", s.Contradicted, want)
	}
	for i, w := range want {
		if got := s.Contradicted[i]; got.Source.ID != w.Source.ID || got.Disputes != w.Disputes {
			t.Errorf("contradicted[%d] = %s %d, want %s %d", i, got.Source.ID, got.Disputes, w.Source.ID, w.Disputes)
		}
	}
}

func equalCounts(a, b []Count) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestJSONExtendsDisputed checks the report's JSON is a superset of the
// contract of disputed --format json: the same dispute objects, count and
// ledger, plus the summary.
func TestJSONExtendsDisputed(t *testing.T) {
	l := load.Bytes("example/claims.yaml", example.YAML)
	a := claims.Analyze(l, claims.Options{})
	likely := resolve.Marks(a, a.Disputes, true)
	r := Build(a)
	r.Mark(likely)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	// What disputed prints for the same analysis.
	var contract bytes.Buffer
	if err := disputedout.DisputesJSON(&contract, l, a.Disputes, likely, nil); err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(contract.Bytes(), &want); err != nil {
		t.Fatal(err)
	}
	if got["count"] != want["count"] {
		t.Errorf("count = %v, want %v", got["count"], want["count"])
	}
	gd, wd := got["disputes"].([]any), want["disputes"].([]any)
	if len(gd) != len(wd) || len(gd) == 0 {
		t.Fatalf("%d disputes, want %d", len(gd), len(wd))
	}
	if _, ok := wd[0].(map[string]any)["likely"]; !ok {
		t.Errorf("the first dispute has no likely side: %v", wd[0])
	}
	for i := range wd {
		g, w := gd[i].(map[string]any), wd[i].(map[string]any)
		for k, v := range w {
			gj, _ := json.Marshal(g[k])
			wj, _ := json.Marshal(v)
			if !bytes.Equal(gj, wj) {
				t.Errorf("disputes[%d].%s = %s, want %s", i, k, gj, wj)
			}
		}
		if _, ok := g["location"]; !ok {
			t.Errorf("disputes[%d] has no location", i)
		}
	}
	ledger := got["ledger"].(map[string]any)
	for _, k := range []string{"files", "claims", "sources", "topics"} {
		if _, ok := ledger[k]; !ok {
			t.Errorf("ledger lacks %q", k)
		}
	}
	summary := got["summary"].(map[string]any)
	for _, k := range []string{"claims", "sources", "topics", "disputes", "by_kind", "by_severity", "by_status", "most_contradicted"} {
		if _, ok := summary[k]; !ok {
			t.Errorf("summary lacks %q", k)
		}
	}
}

func TestFormatFor(t *testing.T) {
	tests := []struct {
		path string
		want Format
		ok   bool
	}{
		{"report.html", HTML, true},
		{"out/Report.HTM", HTML, true},
		{"r.md", Markdown, true},
		{"r.markdown", Markdown, true},
		{"r.txt", Text, true},
		{"r.json", JSON, true},
		{"r.sarif.json", SARIF, true},
		{"r.sarif", SARIF, true},
		{"r.csv", CSV, true},
		{"junit.xml", JUnit, true},
		{"report", "", false},
		{"report.pdf", "", false},
		{".md", "", false},
		{"dir.html/report", "", false},
	}
	for _, tt := range tests {
		got, ok := FormatFor(tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FormatFor(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := map[string]string{
		"https://example.org/a?b=1":    "https://example.org/a?b=1",
		"HTTP://example.org":           "HTTP://example.org",
		" https://example.org ":        "https://example.org",
		"javascript:alert(1)":          "",
		" JaVaScRiPt:alert(1)":         "",
		"java\x00script:alert(1)":      "",
		"data:text/html,<script>":      "",
		"//example.org/no-scheme":      "",
		"https:/missing-host":          "",
		"ftp://example.org":            "",
		"https://exa mple.org/%zz":     "",
		"https://example.org/\u202e/x": "https://example.org//x",
	}
	for in, want := range tests {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteEmpty(t *testing.T) {
	r := build(t, "empty.yaml", "ledger: 1\nsources: {a: {name: A, kind: outlet}}\nclaims:\n  - {topic: t, value: 1, source: a}\n")
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, r, Format(f), Options{}); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		// An empty rdjsonl stream is no lines at all.
		if f != string(CSV) && f != string(RDJSONL) && buf.Len() == 0 {
			t.Errorf("%s: empty output", f)
		}
	}
	var buf bytes.Buffer
	_ = WriteJSON(&buf, r)
	if !strings.Contains(buf.String(), `"disputes": []`) || !strings.Contains(buf.String(), `"most_contradicted": []`) {
		t.Errorf("empty JSON should have empty arrays, not null:\n%s", buf.String())
	}
}

func TestRelativeTo(t *testing.T) {
	dir := t.TempDir()
	inside := filepath.Join(dir, "ledger", "claims.yaml")
	outside := filepath.Join(filepath.Dir(dir), "elsewhere.yaml")
	r := &Report{Ledger: Ledger{Files: []string{inside, outside, "rel.yaml"}}, Disputes: []Dispute{{
		At:        diag.Pos{File: inside, Line: 3},
		Positions: []Position{{Claims: []Claim{{Pos: diag.Pos{File: outside}}, {Pos: diag.Pos{File: inside}}}}},
	}}}
	r.RelativeTo(dir)
	want := filepath.Join("ledger", "claims.yaml")
	if got := r.Ledger.Files; got[0] != want || got[1] != outside || got[2] != "rel.yaml" {
		t.Errorf("files = %v", got)
	}
	d := r.Disputes[0]
	if d.At.File != want || d.Positions[0].Claims[0].Pos.File != outside || d.Positions[0].Claims[1].Pos.File != want {
		t.Errorf("positions = %v, %v, %v", d.At, d.Positions[0].Claims[0].Pos, d.Positions[0].Claims[1].Pos)
	}
}
