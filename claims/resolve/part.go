package resolve

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
)

// A ledger too big for one machine is estimated in parts: the claims of
// each topic, context and moment are one part, and what a round needs
// from the whole ledger, the origins' accuracies and the pairs' copying,
// travels between rounds as a State. Each round of Run is then:
//
//  1. in every part, with the round's State, discount copied votes and
//     tally the values (Part.Round), reporting each origin's accuracy
//     evidence and each shared value (Part.Shared);
//  2. per origin, the evidence summed over all parts gives its accuracy
//     (Accuracy);
//  3. per pair, its shared values in Run's order and the groups where
//     its two differ (Part.Disagreements) give its copying
//     (CopyEvidence), with the accuracies of step 2;
//  4. the next State, and whether it settled (Moved, Convergence).
//
// These are the steps Run takes over its own arrays, with the same code,
// so the parts give Run's answers.

// Pair names two origins, A before B in id order.
type Pair struct{ A, B string }

// Copying is a pair's probabilities of copying: AB that A copies B, BA
// that B copies A.
type Copying struct{ AB, BA float64 }

// Dependence is the probability that the two are not independent.
func (c Copying) Dependence() float64 { return c.AB + c.BA }

// State is what one round of the estimate leaves for the next.
type State struct {
	// Accuracy holds every origin's; an origin missing has the prior.
	Accuracy map[string]float64
	// Copying holds every pair that shares a value; a pair missing is
	// independent.
	Copying map[Pair]Copying
	// Rounds counts the rounds run; Converged is set once a round moved
	// nothing by Convergence or more, and then no round changes it.
	Rounds    int
	Converged bool
}

// Convergence is how little a round must move every accuracy and
// dependence for the estimate to have settled.
const Convergence = convergence

// PriorAccuracy is every origin's accuracy before any evidence.
const PriorAccuracy = priorAccuracy

// Moved is how far next moved from prev: the largest change of an
// origin's accuracy or a pair's dependence.
func Moved(prev, next *State) float64 {
	moved := 0.0
	for o, a := range next.Accuracy {
		moved = max(moved, math.Abs(a-prev.accuracy(o)))
	}
	for p, c := range next.Copying {
		moved = max(moved, math.Abs(c.Dependence()-prev.Copying[p].Dependence()))
	}
	return moved
}

func (s *State) accuracy(origin string) float64 {
	if a, ok := s.Accuracy[origin]; ok {
		return a
	}
	return priorAccuracy
}

// Part is the estimate over one part of a ledger: a claims.Analysis of
// some of its claims, whole topic, context and moment groups of them.
type Part struct {
	e *estimator
}

// NewPart prepares the estimate over a's claims.
func NewPart(a *claims.Analysis) *Part {
	e := build(a, Options{Method: Accu, MaxIterations: DefaultMaxIterations})
	e.alloc()
	for s := range e.acc {
		e.acc[s] = priorAccuracy
	}
	return &Part{e: e}
}

// Origins are the origins whose claims take part, in id order.
func (p *Part) Origins() []string { return p.e.origins }

// Disagreements calls differ for each pair of origins that claim one
// value each, but not the same, in a group small enough to be evidence
// of copying: once per such group.
func (p *Part) Disagreements(differ func(Pair)) {
	e := p.e
	e.disagreements(func(a, b int32) { differ(Pair{e.origins[a], e.origins[b]}) })
}

// Shared is one value that a pair of origins both claim, as copy
// detection weighs it.
type Shared struct {
	// Order sorts a pair's shared values into the order Run weighs
	// them in: by group (topic, context, moment, currency), then by
	// value within the group.
	Order string
	// P is the probability that the value is true; N how many wrong
	// values its group is taken to have.
	P, N float64
}

// Shared calls share for each value two origins both claim in the
// part, with its probability from the last Round, or, when uninformed,
// the prior accuracy (the first round's, before any tally).
func (p *Part) Shared(uninformed bool, share func(Pair, Shared)) {
	e := p.e
	for pi := range len(e.pairs) - 1 {
		pr := &e.pairs[pi]
		pair := Pair{e.origins[pr.a], e.origins[pr.b]}
		for _, c := range e.shared[pr.shared:e.pairs[pi+1].shared] {
			pv := e.prob[c]
			if uninformed {
				pv = priorAccuracy
			}
			share(pair, Shared{Order: e.order(c), P: pv, N: e.groups[e.cands[c].group].n})
		}
	}
}

// order is candidate c's place in Run's order, as a string that sorts.
func (e *estimator) order(c int32) string {
	g := &e.groups[e.cands[c].group]
	var b strings.Builder
	for _, s := range []string{g.topic.ID, g.context, g.moment, g.currency} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	fmt.Fprintf(&b, "%010d", c-g.cands)
	return b.String()
}

// Round runs the part's share of one round from s: it discounts copied
// votes and tallies the values with s's accuracies and copying, then
// reports each origin's accuracy evidence (to be summed over every part
// and passed to Accuracy).
func (p *Part) Round(s *State, evidence func(origin string, num, den int64)) {
	e := p.e
	p.set(s)
	e.discount()
	e.tally()
	num := make([]int64, len(e.acc))
	den := make([]int64, len(e.acc))
	e.accuracyEvidence(num, den)
	for o, id := range e.origins {
		evidence(id, num[o], den[o])
	}
}

// Result is the part's likely values once the rounds that led to s are
// over, as Run reports them. Its sources carry s's accuracies, and the
// copying only of pairs that share a value in this part.
func (p *Part) Result(s *State) *Result {
	e := p.e
	p.set(s)
	e.discount()
	e.tally()
	e.rounds, e.converge = s.Rounds, s.Converged
	return e.result()
}

// set takes the accuracies and copying of s into the part's arrays.
func (p *Part) set(s *State) {
	e := p.e
	for o, id := range e.origins {
		e.acc[o] = s.accuracy(id)
	}
	for pi := range len(e.pairs) - 1 {
		pr := &e.pairs[pi]
		c := s.Copying[Pair{e.origins[pr.a], e.origins[pr.b]}]
		pr.pAB, pr.pBA = c.AB, c.BA
	}
}

// Source is what s says of origin id, which made claims claims taken
// into account, as Run's Result.Source says it: its accuracy, and the
// sources it likely copies, most likely first.
func (s *State) Source(id string, claims int) Source {
	out := Source{ID: id, Accuracy: s.accuracy(id), Claims: claims}
	for p, c := range s.Copying {
		dep := c.Dependence()
		switch {
		case dep < copyThreshold:
		case p.A == id:
			out.Copies = append(out.Copies, Copy{From: p.B, Probability: c.AB, Dependence: dep})
		case p.B == id:
			out.Copies = append(out.Copies, Copy{From: p.A, Probability: c.BA, Dependence: dep})
		}
	}
	slices.SortFunc(out.Copies, func(x, y Copy) int {
		return cmp.Or(cmp.Compare(y.Probability, x.Probability), strings.Compare(x.From, y.From))
	})
	return out
}
