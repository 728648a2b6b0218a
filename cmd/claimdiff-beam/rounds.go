package main

import (
	"context"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/resolve"
)

// The estimate's rounds, unrolled: each round is a ParDo over the parts
// with the last round's state as a side input, a sum of accuracy
// evidence per origin, a join of each pair's shared values with the
// groups where it differs, and a new state. A round after the estimate
// settled passes the state on unchanged, as Run stops.

// partFn is what every stage that opens parts embeds.
type partFn struct {
	judge
	side partSide
}

func (f *partFn) open(ctx context.Context, part []byte, refs func(*string, *[]byte) bool) (*resolve.Part, error) {
	rs, err := f.side.references(refs)
	if err != nil {
		return nil, err
	}
	a, err := f.load(ctx, part, rs)
	if err != nil {
		return nil, err
	}
	return resolve.NewPart(a), nil
}

// startFn reports a part's origins, the groups where pairs differ, and
// the values pairs share, as the first round weighs them: uninformed.
type startFn struct{ partFn }

func (f *startFn) ProcessElement(ctx context.Context, part []byte, refs func(*string, *[]byte) bool,
	origin func(string), differ func(string, int), share func(string, Shareds)) error {
	p, err := f.open(ctx, part, refs)
	if err != nil {
		return err
	}
	for _, o := range p.Origins() {
		origin(o)
	}
	differs := map[resolve.Pair]int{}
	p.Disagreements(func(pr resolve.Pair) { differs[pr]++ })
	for pr, n := range differs {
		differ(pairKey(pr), n)
	}
	emitShared(ctx, p, true, share)
	return nil
}

// emitShared sends the values each pair shares in a part, one record
// per pair.
func emitShared(ctx context.Context, p *resolve.Part, uninformed bool, share func(string, Shareds)) {
	byPair := map[resolve.Pair][]Shared{}
	p.Shared(uninformed, func(pr resolve.Pair, sh resolve.Shared) { byPair[pr] = append(byPair[pr], Shared(sh)) })
	for pr, items := range byPair {
		key := pairKey(pr)
		n := len(key)
		for _, it := range items {
			n += len(it.Order) + 16
		}
		sharedOut.Inc(ctx, int64(len(items)))
		sharedBytes.Inc(ctx, int64(n))
		share(key, Shareds{items})
	}
}

// roundFn runs one round on a part.
type roundFn struct{ partFn }

func (f *roundFn) ProcessElement(ctx context.Context, part []byte, refs func(*string, *[]byte) bool, state []byte,
	evidence func(string, Evidence), share func(string, Shareds)) error {
	s, err := f.side.stateOf(state)
	if err != nil || s.Converged {
		return err
	}
	p, err := f.open(ctx, part, refs)
	if err != nil {
		return err
	}
	p.Round(s, func(o string, num, den int64) {
		evidenceOut.Inc(ctx, 1)
		evidenceB.Inc(ctx, int64(len(o)+16))
		evidence(o, Evidence{num, den})
	})
	emitShared(ctx, p, false, share)
	return nil
}

func sumEvidence(a, b Evidence) Evidence { return Evidence{a.Num + b.Num, a.Den + b.Den} }

func sumInts(a, b int) int { return a + b }

func accuracyFn(origin string, e Evidence) (string, float64) {
	return origin, resolve.Accuracy(e.Num, e.Den)
}

func priorFn(origin string) (string, float64) { return origin, resolve.PriorAccuracy }

// copyFn weighs one pair's shared values, in Run's order, with the
// groups where the two differ and their accuracies of this round.
func copyFn(key string, shared func(*Shareds) bool, differ func(*int) bool, acc func(string) func(*float64) bool,
	emit func(string, Copying)) {
	var all []Shared
	var s Shareds
	for shared(&s) {
		all = append(all, s.Items...)
	}
	if len(all) == 0 {
		return // differ, but share nothing: not a pair Run knows
	}
	slices.SortFunc(all, func(x, y Shared) int { return strings.Compare(x.Order, y.Order) })
	n, d := 0, 0
	for differ(&d) {
		n += d
	}
	pr := pairOf(key)
	a1, a2 := lookup(acc, pr.A), lookup(acc, pr.B)
	ev := resolve.NewCopyEvidence(n)
	for _, s := range all {
		ev.Add(a1, a2, s.P, s.N)
	}
	ab, ba := ev.Posterior(a1, a2)
	emit(key, Copying{ab, ba})
}

func lookup(acc func(string) func(*float64) bool, origin string) float64 {
	it := acc(origin)
	a := resolve.PriorAccuracy
	var v float64
	for it(&v) {
		a = v
	}
	return a
}

// firstStateFn makes the state the first round starts from.
func firstStateFn(_ []byte, acc func(*string, *float64) bool, copying func(*string, *Copying) bool, emit func([]byte)) {
	s := gather(acc, copying)
	emit(encodeState(s))
}

// nextStateFn makes the state after a round, or passes the last one on
// once the estimate has settled.
func nextStateFn(_ []byte, prevB []byte, acc func(*string, *float64) bool, copying func(*string, *Copying) bool,
	emit func([]byte)) error {
	prev, err := decodeState(prevB)
	if err != nil {
		return err
	}
	if prev.Converged {
		emit(prevB)
		return nil
	}
	next := gather(acc, copying)
	next.Rounds = prev.Rounds + 1
	next.Converged = resolve.Moved(prev, next) < resolve.Convergence
	emit(encodeState(next))
	return nil
}

func gather(acc func(*string, *float64) bool, copying func(*string, *Copying) bool) *resolve.State {
	s := &resolve.State{Accuracy: map[string]float64{}, Copying: map[resolve.Pair]resolve.Copying{}}
	var o string
	var a float64
	for acc(&o, &a) {
		s.Accuracy[o] = a
	}
	var k string
	var c Copying
	for copying(&k, &c) {
		s.Copying[pairOf(k)] = resolve.Copying(c)
	}
	return s
}
