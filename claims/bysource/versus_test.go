package bysource_test

import (
	"slices"
	"testing"
	"time"

	. "github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bysource"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// versusLedgerFor loads versusLedger, which must have no errors.
func versusLedgerFor(t *testing.T) *Ledger {
	t.Helper()
	l := load.Bytes("v.yaml", []byte(versusLedger))
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			t.Fatalf("ledger problem: %s", p.Error())
		}
	}
	return l
}

const versusLedger = claimstest.Header + `  - {topic: size, value: 850000, source: reuters}
  - {topic: cap, value: 600k, source: reuters}
  - {topic: cap, value: half of size, source: axios}
  - {topic: points, value: 28, source: reuters}
  - {topic: points, value: about 28, source: axios}
  - {topic: rejoins, value: G7, source: axios, date: 2025-11-20}
  - {topic: rejoins, value: G8, source: axios, date: 2025-11-21}
  - {topic: rejoins, value: G8, source: reuters, date: 2025-11-20}
  - {topic: captured-by, value: Russia, source: reuters}
  - {topic: captured-by, value: Ukraine, source: axios, denies: true}
  - {topic: recognition, value: yes, source: reuters, context: {recognition: de facto}}
  - {topic: recognition, value: yes, source: axios}
  - {topic: rejoins, value: G7, source: tass}
  - {topic: cap, value: 600000, source: ap}
`

func TestCompareSources(t *testing.T) {
	l := versusLedgerFor(t)
	topics := func(rows []bysource.TopicSides) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.Topic+"/"+r.Context)
		}
		return out
	}
	tests := []struct {
		a, b                            []string
		agree, contradict, onlyA, onlyB []string
	}{
		{
			a: []string{"reuters"}, b: []string{"axios"},
			// axios's G7 was revised to G8 by axios itself; a denial of
			// Ukraine meets Russia; about 28 meets 28; half of 850,000
			// is not 600k.
			agree:      []string{"rejoins/", "points/", "captured-by/"},
			contradict: []string{"cap/"},
			onlyA:      []string{"size/", "recognition/recognition=de facto"},
			onlyB:      []string{"recognition/"},
		},
		{
			a: []string{"tass", "ap"}, b: []string{"reuters", "axios"},
			// ap's 600,000 meets reuters's 600k but not axios's 425,000.
			contradict: []string{"cap/", "rejoins/"},
			onlyB:      []string{"size/", "points/", "captured-by/", "recognition/", "recognition/recognition=de facto"},
		},
	}
	for _, tt := range tests {
		v, err := bysource.CompareSources(l, tt.a, tt.b, versusToday)
		if err != nil {
			t.Fatal(err)
		}
		check := func(what string, got, want []string) {
			t.Helper()
			if !slices.Equal(got, want) {
				t.Errorf("%v vs %v: %s = %q, want %q", tt.a, tt.b, what, got, want)
			}
		}
		check("agree", topics(v.Agree), tt.agree)
		check("contradict", topics(v.Contradict), tt.contradict)
		check("only a", topics(v.OnlyA), tt.onlyA)
		check("only b", topics(v.OnlyB), tt.onlyB)
	}
}

func TestCompareSourcesResolvesRelative(t *testing.T) {
	l := versusLedgerFor(t)
	v, err := bysource.CompareSources(l, []string{"ap"}, []string{"axios"}, versusToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Contradict) != 1 || v.Contradict[0].Topic != "cap" {
		t.Fatalf("contradict = %+v, want cap (600,000 vs half of 850,000)", v.Contradict)
	}
	if got := v.Contradict[0].B[0]; got.Value != "half of size" || got.Resolved != "425,000" {
		t.Errorf("axios's claim = %+v, want half of size resolved to 425,000", got)
	}
}

func TestCompareSourcesOverlap(t *testing.T) {
	l := versusLedgerFor(t)
	if _, err := bysource.CompareSources(l, []string{"reuters", "ap"}, []string{"ap"}, versusToday); err == nil {
		t.Fatal("a source on both sides was accepted")
	}
}

func TestMatchSources(t *testing.T) {
	l := load.Bytes("v.yaml", []byte(claimstest.Header+"  - {topic: x, value: 1, source: ap}\n"))
	tests := []struct {
		pattern   string
		match     []string
		near      []string
		nearLimit int
	}{
		{pattern: "reuters", match: []string{"reuters"}},
		{pattern: "a*", match: []string{"axios", "ap"}},
		{pattern: "*s", match: []string{"reuters", "axios", "tass"}},
		{pattern: "", match: nil},
		{pattern: "reutres", near: []string{"reuters"}, nearLimit: 3},
		{pattern: "ax", near: []string{"axios", "ap"}, nearLimit: 3},
		{pattern: "ax", near: []string{"axios"}, nearLimit: 1},
		{pattern: "zzzzzzzz", near: nil, nearLimit: 3},
	}
	for _, tt := range tests {
		if got := bysource.MatchSources(l, tt.pattern); !slices.Equal(got, tt.match) {
			t.Errorf("MatchSources(%q) = %q, want %q", tt.pattern, got, tt.match)
		}
		if tt.nearLimit > 0 {
			if got := bysource.NearSources(l, tt.pattern, tt.nearLimit); !slices.Equal(got, tt.near) {
				t.Errorf("NearSources(%q, %d) = %q, want %q", tt.pattern, tt.nearLimit, got, tt.near)
			}
		}
	}
}

var versusToday = Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
