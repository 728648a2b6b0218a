package resolve_test

import (
	"fmt"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
)

func disputeOn(t *testing.T, a *claims.Analysis, topic string) *claims.Dispute {
	t.Helper()
	for i := range a.Disputes {
		if a.Disputes[i].Topic == topic {
			return &a.Disputes[i]
		}
	}
	t.Fatalf("no dispute on %s", topic)
	return nil
}

// On a topic where the copies outnumber the accurate sources, the
// best-supported position is the copies' and the likely one is the
// minority's.
func TestLikelyMarksTheMinority(t *testing.T) {
	l, truth := copyingMajority()
	a := analyze(t, l.yaml())
	marks := resolve.Marks(a, a.Disputes, true)
	if len(marks) != len(a.Disputes) {
		t.Fatalf("%d marks for %d disputes", len(marks), len(a.Disputes))
	}
	for i := range a.Disputes {
		d := &a.Disputes[i]
		lk := marks[i]
		if lk == nil || lk.Settled || lk.Position < 0 {
			t.Fatalf("%s: mark %+v", d.Topic, lk)
		}
		var tp int
		fmt.Sscanf(d.Topic, "t%d", &tp)
		want := fmt.Sprint(truth(tp))
		if got := d.Positions[lk.Position].Common; got != want || lk.Value != got {
			t.Errorf("%s: likely position %q (value %q), want %s", d.Topic, got, lk.Value, want)
		}
		if tp < 10 && lk.Position == 0 {
			t.Errorf("%s: the likely position is the best supported; the copies should lead in origins", d.Topic)
		}
		if lk.Confidence < 0.5 || lk.Confidence > 1 {
			t.Errorf("%s: confidence %v", d.Topic, lk.Confidence)
		}
	}
	// Without the estimate, nothing is marked.
	for i, lk := range resolve.Marks(a, a.Disputes, false) {
		if lk != nil {
			t.Errorf("%s: marked %+v without an estimate", a.Disputes[i].Topic, lk)
		}
	}
}

// The desk's settled value wins over the estimate, and marks the position
// that holds it.
func TestSettledWinsOverTheEstimate(t *testing.T) {
	l, _ := copyingMajority()
	y := l.yaml() + "disputes:\n  t00: {status: resolved, value: '300'}\n  t01: {status: resolved, value: '999'}\n"
	a := analyze(t, y)
	for _, estimate := range []bool{true, false} {
		marks := resolve.Marks(a, a.Disputes, estimate)
		for i := range a.Disputes {
			d, lk := &a.Disputes[i], marks[i]
			switch d.Topic {
			case "t00":
				if lk == nil || !lk.Settled || lk.Value != "300" || lk.Confidence != 0 || d.Positions[lk.Position].Common != "300" {
					t.Errorf("t00: %+v", lk)
				}
			case "t01":
				// Nobody claims the settled value: no position holds it.
				if lk == nil || !lk.Settled || lk.Value != "999" || lk.Position != -1 {
					t.Errorf("t01: %+v", lk)
				}
			default:
				if estimate == (lk == nil) {
					t.Errorf("%s, estimate %v: %+v", d.Topic, estimate, lk)
				}
			}
		}
	}
}

// A settled dispute alone needs no estimate and is still marked; no
// disputes, no marks.
func TestSettledAlone(t *testing.T) {
	var l ledger
	l.sources = []string{source("a"), source("b")}
	l.claims = []string{"{topic: x, value: 1, source: a}", "{topic: x, value: 2, source: b}"}
	a := analyze(t, l.yaml()+"disputes:\n  x: {status: resolved, value: '2'}\n")
	lk := resolve.Marks(a, a.Disputes, true)[0]
	if lk == nil || !lk.Settled || a.Disputes[0].Positions[lk.Position].Common != "2" {
		t.Errorf("mark %+v", lk)
	}
	if resolve.Marks(a, nil, true) != nil {
		t.Error("marks for no disputes")
	}
}

// Two sources of equal standing that disagree: the estimate ties, and no
// side is called likely. (They agree on a dozen other topics, so that
// their accuracy is known: two sources that have said little have too
// little evidence for an estimate, tie or not.)
func TestTieMarksNothing(t *testing.T) {
	var l ledger
	l.sources = []string{source("a"), source("b")}
	l.claims = []string{"{topic: x, value: 1, source: a}", "{topic: x, value: 2, source: b}"}
	for i := range 12 {
		l.claims = append(l.claims, fmt.Sprintf("{topic: y%d, value: %d, source: a}", i, i), fmt.Sprintf("{topic: y%d, value: %d, source: b}", i, i))
	}
	a := analyze(t, l.yaml())
	if lk := resolve.Marks(a, a.Disputes, true)[0]; lk != nil {
		t.Errorf("a tie marked %+v", lk)
	}
	l.claims = l.claims[:2]
	a = analyze(t, l.yaml())
	if lk := resolve.Marks(a, a.Disputes, true)[0]; lk == nil || !lk.Thin || lk.Position != -1 {
		t.Errorf("two sources of two claims: marked %+v, want too little evidence", lk)
	}
}

// Marks reads only the disputes' values, and must mark each dispute as
// LikelyOf does with the whole ledger's estimate: with contexts, moments
// and a placeholder among a dispute's claims.
func TestMarksAsTheWholeEstimate(t *testing.T) {
	l, _ := copyingMajority()
	l.topics = append(l.topics, "  share:\n    type: percent\n    changes: true\n", "  mayor:\n    type: text\n")
	l.claims = append(l.claims,
		"{topic: share, value: 19%, source: alpha, as_of: 2025-11-20}",
		"{topic: share, value: 25%, source: bravo, as_of: 2025-11-20}",
		"{topic: share, value: 25%, source: charlie, as_of: 2025-11-20}",
		"{topic: share, value: 20%, source: alpha, as_of: 2025-12-20}",
		"{topic: share, value: 31%, source: copy0, as_of: 2025-12-20}",
		"{topic: t01, value: 9, source: alpha, context: {region: north}}",
		"{topic: t01, value: 12, source: bravo, context: {region: north}}",
		"{topic: t01, value: 12, source: charlie, context: {region: north}}",
		"{topic: mayor, value: unknown, source: alpha}",
		"{topic: mayor, value: Ada Lovelace, source: bravo}",
		"{topic: mayor, value: Alan Turing, source: charlie}",
		"{topic: mayor, value: Alan Turing, source: copy0}",
	)
	a := analyze(t, l.yaml())
	if len(a.Disputes) < 12 {
		t.Fatalf("only %d disputes", len(a.Disputes))
	}
	// The placeholder's dispute, and the moments', are among them.
	for _, topic := range []string{"mayor", "share"} {
		disputeOn(t, a, topic)
	}
	whole := resolve.Run(a, resolve.Options{})
	marks := resolve.Marks(a, a.Disputes, true)
	marked := 0
	for i := range a.Disputes {
		d := &a.Disputes[i]
		want := resolve.LikelyOf(a, whole, d)
		if got := marks[i]; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s %s: Marks gives %+v, the whole estimate %+v", d.Topic, d.Context, got, want)
		}
		if want != nil {
			marked++
		}
	}
	if marked < 12 {
		t.Errorf("only %d of %d disputes marked; the comparison says little", marked, len(a.Disputes))
	}
}

// A count the body that keeps it gave after outlets printed their own
// figures is the likely one, with the reason and no estimate. Grenfell:
// the police's 350 residents, after investigating, against the 600
// outlets printed in the first days.
func TestTheKeepersLaterCountIsLikely(t *testing.T) {
	const head = `ledger: 1
sources:
  police: {name: Police, kind: government}
  mayor: {name: Mayor, kind: official}
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
  c: {name: C, kind: wire}
topics:
  residents: {type: number}
  club: {type: choice, choices: [G7, G8]}
claims:
`
	tests := []struct {
		name, claims string
		topic, want  string // want "" for no such likely value
	}{
		{"outlets first, the police after", `  - {topic: residents, value: 600, source: a, date: 2017-06-14}
  - {topic: residents, value: 600, source: b, date: 2017-06-15}
  - {topic: residents, value: 600, source: c, date: 2017-06-16}
  - {topic: residents, value: 350, source: police, date: 2017-07-10}
`, "residents", "350"},
		{"an outlet after the police", `  - {topic: residents, value: 600, source: a, date: 2017-06-14}
  - {topic: residents, value: 350, source: police, date: 2017-07-10}
  - {topic: residents, value: 600, source: b, date: 2017-07-11}
`, "residents", ""},
		{"an official on the other side", `  - {topic: residents, value: 600, source: mayor, date: 2017-06-14}
  - {topic: residents, value: 350, source: police, date: 2017-07-10}
`, "residents", ""},
		{"a choice is no count", `  - {topic: club, value: G8, source: a, date: 2025-11-20}
  - {topic: club, value: G7, source: police, date: 2025-11-22}
`, "club", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, head+tt.claims)
			lk := resolve.LaterCount(a.Ledger, disputeOn(t, a, tt.topic))
			switch {
			case tt.want == "" && lk != nil:
				t.Errorf("likely %s (%s), want none", lk.Value, lk.Reason)
			case tt.want != "" && (lk == nil || lk.Value != tt.want || lk.Reason == "" || lk.Confidence != 0):
				t.Errorf("likely %+v, want %s with a reason", lk, tt.want)
			}
		})
	}
}
