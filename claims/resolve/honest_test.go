package resolve_test

import (
	"fmt"
	"testing"

	"github.com/claimdiff/claimdiff/claims/resolve"
)

// A source with four claims, all of them right, is still a source with
// four claims: the prior is worth four, so it cannot pass 90%.
func TestFewClaimsCannotMakeASourceSure(t *testing.T) {
	var l ledger
	for _, s := range []string{"pol", "wire", "paper"} {
		l.sources = append(l.sources, source(s))
	}
	for tp := range 4 {
		for _, s := range []string{"pol", "wire", "paper"} {
			l.claims = append(l.claims, fmt.Sprintf("{topic: t%d, value: %d, source: %s}", tp, 10+tp, s))
		}
	}
	r := run(t, l, resolve.Options{})
	if a := r.Source("pol").Accuracy; a > 0.9 {
		t.Errorf("pol: accuracy %.3f from 4 claims, want at most 0.9", a)
	}
	if !r.Converged {
		t.Errorf("no convergence in %d rounds", r.Iterations)
	}
}

// A dispute between two single sources that have said little is not
// estimated: the estimate would be the prior speaking. Sources with a
// record elsewhere in the ledger are.
func TestSingleSourcesHaveTooLittleEvidence(t *testing.T) {
	var l ledger
	for _, s := range []string{"study", "mayor", "wire", "paper"} {
		l.sources = append(l.sources, source(s))
	}
	l.claims = append(l.claims, "{topic: story.turnout, value: 48, source: study}",
		"{topic: story.turnout, value: 61, source: mayor}")
	for tp := range 20 {
		for _, s := range []string{"wire", "paper"} {
			l.claims = append(l.claims, fmt.Sprintf("{topic: t%02d, value: %d, source: %s}", tp, tp, s))
		}
	}
	l.claims = append(l.claims, "{topic: t99, value: 1, source: wire}", "{topic: t99, value: 2, source: paper}")
	a := analyze(t, l.yaml())
	r := resolve.Run(a, resolve.Options{})
	if v := r.Find("story.turnout", "", ""); len(v) != 1 || !v[0].Thin {
		t.Errorf("story.turnout: %+v, want too little evidence", v)
	}
	if v := only(t, r, "t99"); v.Thin {
		t.Errorf("t99: wire and paper have 21 claims each, yet too little evidence")
	}
	for i := range a.Disputes {
		d := &a.Disputes[i]
		lk := resolve.LikelyOf(a, r, d)
		if d.Topic == "story.turnout" && (lk == nil || !lk.Thin || lk.Value != "" || lk.Position != -1) {
			t.Errorf("story.turnout: likely %+v, want too little evidence", lk)
		}
	}
	if maj := resolve.Run(a, resolve.Options{Method: resolve.Majority}); maj.Find("story.turnout", "", "")[0].Thin {
		t.Error("majority vote marks too little evidence; it estimates nothing to mark")
	}
}

// A site that means something else by one attribute is right about the
// others: its accuracy on each kind of question is its own.
func TestAccuracyByKindOfQuestion(t *testing.T) {
	var l ledger
	for _, s := range []string{"gate", "airline", "tracker"} {
		l.sources = append(l.sources, source(s))
	}
	for f := range 30 {
		for _, s := range []string{"gate", "airline", "tracker"} {
			l.claims = append(l.claims, fmt.Sprintf("{topic: f%02d.scheduled, value: %d, source: %s}", f, 600+f, s))
			v := 700 + f
			if s == "gate" {
				v = 680 + f // the gate departure, not the take-off
			}
			l.claims = append(l.claims, fmt.Sprintf("{topic: f%02d.actual, value: %d, source: %s}", f, v, s))
		}
	}
	r := run(t, l, resolve.Options{Explain: func(string) bool { return true }})
	accuracy := func(topic string) float64 {
		for _, x := range r.Explanations {
			if x.Topic != topic {
				continue
			}
			for _, c := range x.Candidates {
				for _, s := range c.Support {
					if s.Origin == "gate" {
						return s.Accuracy
					}
				}
			}
		}
		t.Fatalf("%s: no vote of gate explained", topic)
		return 0
	}
	if a := accuracy("f00.scheduled"); a < 0.9 {
		t.Errorf("gate on schedules: accuracy %.3f, want at least 0.9", a)
	}
	if a := accuracy("f00.actual"); a > 0.3 {
		t.Errorf("gate on actual times: accuracy %.3f, want at most 0.3", a)
	}
	if a := r.Source("gate").Accuracy; a < 0.4 || a > 0.6 {
		t.Errorf("gate overall: accuracy %.3f, want about half", a)
	}
}

// Sources that write a value the same way where others write it
// otherwise are copies, even when every value they copy is right;
// accurate sources that agree on the truth, written their own way, are
// not, however often they agree.
func TestSharedWritingRevealsCopiersAndAgreementDoesNot(t *testing.T) {
	var l ledger
	independent := map[string]string{"one": "%d", "two": "%d.0", "three": "%d.000"}
	for _, s := range []string{"one", "two", "three", "copy0", "copy1", "copy2"} {
		l.sources = append(l.sources, source(s))
	}
	for tp := range 40 {
		for _, s := range []string{"one", "two", "three"} {
			l.claims = append(l.claims, fmt.Sprintf("{topic: t%02d, value: \"%s\", source: %s}", tp, fmt.Sprintf(independent[s], 1000+tp), s))
		}
		for c := range 3 {
			l.claims = append(l.claims, fmt.Sprintf("{topic: t%02d, value: \"%d.00\", source: copy%d}", tp, 1000+tp, c))
		}
	}
	r := run(t, l, resolve.Options{Explain: func(topic string) bool { return topic == "t00" }})
	if len(r.Explanations) != 1 {
		t.Fatalf("%d explanations, want 1", len(r.Explanations))
	}
	// --explain shows the evidence: every value shared and written the
	// same way where the other sources write it otherwise, none wrong.
	for _, f := range r.Explanations[0].Copying {
		if f.Shared != 40 || f.SameForm != 40 || f.OtherForm != 0 || f.LikelyWrong != 0 || f.Differ != 0 {
			t.Errorf("copying %s and %s: %+v, want 40 shared, all written alike", f.A, f.B, f)
		}
	}
	if n := len(r.Explanations[0].Copying); n != 3 {
		t.Errorf("%d copying pairs explained, want the copies' 3", n)
	}
	for c := range 3 {
		s := r.Source(fmt.Sprintf("copy%d", c))
		if len(s.Copies) != 2 {
			t.Errorf("copy%d copies %+v, want the other two", c, s.Copies)
		}
	}
	for s := range independent {
		if c := r.Source(s).Copies; len(c) != 0 {
			t.Errorf("%s is independent but copies %+v", s, c)
		}
	}
	if !r.Converged {
		t.Errorf("no convergence in %d rounds", r.Iterations)
	}
}

// The estimate may break a dispute that a vote of independent origins
// does not only on accuracies learnt from enough claims. Rana Plaza's
// storeys, five outlets for 8 and five for 9, each outlet with two
// claims in the ledger, came out "9, estimate 99%" before.
func TestAVoteThatDoesNotSettleItNeedsKnownAccuracies(t *testing.T) {
	tests := []struct {
		name   string
		claims []string
		topic  string
		thin   bool
	}{{
		name:  "five against five, one shared slip elsewhere",
		topic: "building.storeys",
		claims: append(each("building.storeys", "8", "a1", "a2", "a3", "a4", "a5"),
			append(each("building.storeys", "9", "b1", "b2", "b3", "b4", "b5"),
				append(each("collapse.day", "23", "a1", "a2", "a3", "a4", "a5"),
					each("collapse.day", "24", "b1", "b2", "b3", "b4", "b5", "c1", "c2")...)...)...),
		thin: true,
	}, {
		name:   "three against two",
		topic:  "crowd",
		claims: append(each("crowd", "400", "a1", "a2", "a3"), each("crowd", "900", "b1", "b2")...),
		thin:   false,
	}, {
		name:  "yes or no: denying yes names no",
		topic: "met",
		claims: append(append(each("met", "yes", "a1", "a2"), each("met", "no", "b1", "b2")...),
			"{topic: met, value: 'yes', denies: true, source: c1}"),
		thin: false,
	}, {
		name:  "a denial of a figure names no other",
		topic: "toll",
		claims: append(append(each("toll", "100", "a1", "a2"), each("toll", "200", "b1", "b2")...),
			"{topic: toll, value: 100, denies: true, source: c1}"),
		thin: true,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l ledger
			for _, s := range []string{"a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4", "b5", "c1", "c2"} {
				l.sources = append(l.sources, source(s))
			}
			l.topics = []string{"  met: {type: bool}\n"}
			l.claims = tt.claims
			v := only(t, run(t, l, resolve.Options{}), tt.topic)
			if v.Thin != tt.thin {
				t.Errorf("%s: %s at %.2f, too little evidence %v, want %v", tt.topic, v.Value, v.Confidence, v.Thin, tt.thin)
			}
		})
	}
}

// Outlets that share one value, even one judged wrong, are not thereby
// copiers: independent outlets of a news story share a figure all the
// time. Rana Plaza's five "eight-storey" outlets were found to copy one
// another at 71% on that one value, and counted about once.
func TestOneSharedValueIsNoCopying(t *testing.T) {
	var l ledger
	for _, s := range []string{"a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2"} {
		l.sources = append(l.sources, source(s))
	}
	l.claims = append(each("floors", "8", "a1", "a2", "a3"), each("floors", "9", "b1", "b2", "b3")...)
	l.claims = append(l.claims, each("day", "24", "b1", "b2", "b3", "c1", "c2")...)
	for _, a := range []string{"a1", "a2", "a3"} {
		l.claims = append(l.claims, each("toll."+a, "100", a, "c1")...)
	}
	r := run(t, l, resolve.Options{})
	for _, a := range []string{"a1", "a2", "a3"} {
		if c := r.Source(a).Copies; len(c) > 0 {
			t.Errorf("%s and %s found dependent (%.2f) on one shared value", a, c[0].From, c[0].Dependence)
		}
	}
}

// each is one claim of v on topic by every source named.
func each(topic, v string, sources ...string) []string {
	out := make([]string, len(sources))
	for i, s := range sources {
		out[i] = fmt.Sprintf("{topic: %s, value: '%s', source: %s}", topic, v, s)
	}
	return out
}
