package claims_test

import (
	"slices"
	"testing"

	. "github.com/claimdiff/claimdiff/claims"
)

// The rules a desk editor judges by (docs/JUDGEMENT.md), each on the
// smallest ledger that shows it. The stories corpus (testdata/stories)
// holds them to real coverage.

const deskHeader = `ledger: 1
sources:
  governor: {name: Governor, kind: official}
  study: {name: University study, kind: document}
  registry: {name: Registry, kind: government}
  wire: {name: Wire, kind: wire}
  paper: {name: Paper, kind: outlet}
  checker: {name: Fact checker, kind: outlet}
topics:
  deaths: {type: number, tolerance: 5%}
  cost: {type: money}
claims:
`

func TestDenialHitsItsToleranceBand(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: g, topic: deaths, value: 1200, denies: true, source: governor, date: 2018-09-13}
  - {id: s, topic: deaths, value: 1180, source: study, date: 2018-08-28}
  - {id: w, topic: deaths, value: 4345, source: wire, date: 2018-06-01}
`)
	d := disputeOn(a, "deaths")
	if d == nil || !slices.Contains(d.Kinds, KindNegation) {
		t.Fatalf("want a negation of 1,180 by the governor's denial of 1,200; got %+v", d)
	}
	if len(d.Vague) != 0 {
		t.Errorf("the denial is vague: %v", d.Vague)
	}
	if !a.Contradict(0, 1) {
		t.Error("not 1,200 does not contradict 1,180, which lies in 1,200's 5% band")
	}
	if a.Contradict(0, 2) {
		t.Error("not 1,200 contradicts 4,345, far outside its band")
	}
}

func TestRangesFitWithoutAffirming(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: up, topic: cost, value: up to $95 billion, source: governor}
  - {id: range, topic: cost, value: between $45 and $95 billion, source: study}
  - {id: fig, topic: cost, value: $90 billion, source: wire}
  - {id: other, topic: cost, value: $30 billion, source: registry}
`)
	d := disputeOn(a, "cost")
	if d == nil {
		t.Fatal("no dispute on cost")
	}
	for _, p := range d.Positions {
		if p.Common == "$90 billion" && (p.Origins != 1 || p.OriginIDs[0] != "wire") {
			t.Errorf("$90 billion has origins %v; the range and the bound allow it but do not state it", p.OriginIDs)
		}
	}
	var vague []string
	for _, v := range d.Vague {
		vague = append(vague, v.Claim)
	}
	if !slices.Equal(vague, []string{"up", "range"}) {
		t.Errorf("vague = %v, want [up range]", vague)
	}
}
