package resolve

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
)

// A ledger too big for one machine is estimated in parts: whole groups
// of claims (topic, context, moment) make a part, and what a round needs
// from the whole ledger, the origins' accuracies and the pairs' copying,
// travels between rounds as a State. Each round of Run is then:
//
//  1. in every part, with the round's State, discount copied votes and
//     tally the values (Part.Round), and report each origin's accuracy
//     evidence and each pair's copy evidence;
//  2. sum each origin's and each pair's evidence over all parts: both
//     are whole numbers, so the sums do not depend on order;
//  3. the next State from the sums (State.Next): accuracies (accuracyOf)
//     and copying (CopyEvidence.Posterior), and whether it settled.
//
// These are the steps Run takes over its own arrays, with the same code,
// so the parts give Run's answers bit for bit.

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
	// Evidence holds every origin's claims' worth of accuracy evidence in
	// the last round (see Value.Thin).
	Evidence map[string]float64
	// Rounds counts the rounds run; Converged is set once a round moved
	// nothing by Convergence or more, and then no round changes it.
	Rounds    int
	Converged bool
}

// moved is how far next moved from prev: the largest change of an
// origin's accuracy or a pair's dependence.
func moved(prev, next *State) float64 {
	moved := 0.0
	for o, a := range next.Accuracy {
		moved = max(moved, math.Abs(a-prev.accuracy(o)))
	}
	for p, c := range next.Copying {
		moved = max(moved, math.Abs(c.Dependence()-prev.Copying[p].Dependence()))
	}
	return moved
}

// accuracy is the accuracy of an origin or a slot (key as slotKey makes
// it): a slot missing has its origin's, an origin missing the prior.
func (s *State) accuracy(key string) float64 {
	if a, ok := s.Accuracy[key]; ok {
		return a
	}
	if o, slot := originOf(key); slot {
		return s.accuracy(o)
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
	e.atPrior()
	return &Part{e: e}
}

// Origins are the origins whose claims take part, in id order.
func (p *Part) Origins() []string { return p.e.origins }

// Start reports each pair's copy evidence as the first round weighs it,
// before any tally: every source at the prior accuracy, every value as
// likely true as that.
func (p *Part) Start(copying func(Pair, CopyEvidence)) {
	p.copying(true, copying)
}

// copying reports each pair's copy evidence in the part: the values it
// shares, and the groups where it differs.
func (p *Part) copying(uninformed bool, emit func(Pair, CopyEvidence)) {
	e := p.e
	differ := map[[2]int32]int64{}
	e.disagreements(func(a, b int32) { differ[[2]int32{a, b}]++ })
	for pi := range len(e.pairs) - 1 {
		pr := &e.pairs[pi]
		ev := e.copyEvidence(pi, uninformed)
		k := [2]int32{pr.a, pr.b}
		ev.Differ = differ[k]
		delete(differ, k)
		emit(Pair{e.origins[pr.a], e.origins[pr.b]}, ev)
	}
	// Pairs that differ here may share a value in another part.
	for k, n := range differ {
		emit(Pair{e.origins[k[0]], e.origins[k[1]]}, CopyEvidence{Differ: n})
	}
}

// Round runs the part's share of one round from s: it discounts copied
// votes and tallies the values with s's accuracies and copying, then
// reports each origin's accuracy evidence and each pair's copy evidence,
// to be summed over every part and passed to State.Next.
func (p *Part) Round(s *State, evidence func(origin string, num, den int64), copying func(Pair, CopyEvidence)) {
	e := p.e
	p.set(s)
	e.discount()
	e.tally()
	num := make([]int64, len(e.sacc))
	den := make([]int64, len(e.sacc))
	e.accuracyEvidence(num, den)
	onum, oden := e.originEvidence(num, den)
	for o, id := range e.origins {
		evidence(id, onum[o], oden[o])
	}
	for s, k := range e.slots {
		evidence(slotKey(e.origins[k.origin], k.attr), num[s], den[s])
	}
	p.copying(false, copying)
}

// Evidence is an origin's or a slot's accuracy evidence, summed over
// parts. Round reports a slot (an origin's accuracy on one kind of
// question) under a key of its own, which holds a NUL.
type Evidence struct{ Num, Den int64 }

// First is the state the first round starts from: every origin at the
// prior accuracy, and each pair's copying from its Start evidence summed
// over all parts.
func First(origins []string, copying map[Pair]CopyEvidence) *State {
	s := &State{Accuracy: map[string]float64{}, Copying: map[Pair]Copying{}}
	for _, o := range origins {
		s.Accuracy[o] = priorAccuracy
	}
	s.setCopying(copying, s)
	return s
}

// Next is the state after a round from s: the accuracies from each
// origin's evidence and the copying from each pair's, both summed over
// all parts, with the copying weighed by s's accuracies, which the
// round's evidence was gathered with. Once s has settled, Next is s.
func (s *State) Next(evidence map[string]Evidence, copying map[Pair]CopyEvidence) *State {
	if s.Converged {
		return s
	}
	next := &State{Accuracy: map[string]float64{}, Copying: map[Pair]Copying{}, Evidence: map[string]float64{}, Rounds: s.Rounds + 1}
	// Origins first: a slot's accuracy is drawn towards its origin's.
	for k, ev := range evidence {
		if _, slot := originOf(k); !slot {
			next.Accuracy[k] = step(s.accuracy(k), accuracyOf(ev.Num, ev.Den), next.Rounds)
			next.Evidence[k] = float64(ev.Den) / evidenceScale
		}
	}
	for k, ev := range evidence {
		if o, slot := originOf(k); slot {
			next.Accuracy[k] = step(s.accuracy(k), slotAccuracyOf(ev.Num, ev.Den, next.accuracy(o)), next.Rounds)
		}
	}
	next.setCopying(copying, s)
	next.Converged = moved(s, next) < convergence
	return next
}

// setCopying weighs each pair's evidence with by's accuracies, a step
// from by's copying. A pair that shares no value is not one: it only
// differs.
func (s *State) setCopying(copying map[Pair]CopyEvidence, by *State) {
	for pr, ev := range copying {
		if ev.Values == 0 {
			continue
		}
		var c Copying
		c.AB, c.BA = ev.Posterior(by.accuracy(pr.A), by.accuracy(pr.B))
		if s.Rounds > 0 {
			prev := by.Copying[pr]
			c.AB, c.BA = step(prev.AB, c.AB, s.Rounds), step(prev.BA, c.BA, s.Rounds)
		}
		s.Copying[pr] = c
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
		e.evidence[o] = s.Evidence[id]
	}
	for sl, k := range e.slots {
		e.sacc[sl] = s.accuracy(slotKey(e.origins[k.origin], k.attr))
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
