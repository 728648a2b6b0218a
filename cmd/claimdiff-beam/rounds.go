package main

import (
	"context"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
)

// The estimate's rounds, unrolled: each round is a ParDo over the parts
// with the last round's state as a side input, which reports every
// origin's accuracy evidence and every pair's copy evidence; a combine
// per origin and per pair, which Beam lifts to where the evidence is
// made, since both are sums of whole numbers; and the next state, from
// resolve.State.Next. A round after the estimate settled passes the
// state on unchanged, as Run stops.

// partFn is what every stage that opens parts embeds.
type partFn struct {
	judge
	side partSide
}

// open loads and analyses a part, with the whole ledger's references,
// and prepares its estimate.
func (f *partFn) open(ctx context.Context, part []byte, refs func(*string, *[]byte) bool) (*claims.Analysis, *resolve.Part, error) {
	rs, err := f.side.references(refs)
	if err != nil {
		return nil, nil, err
	}
	a, err := f.load(ctx, part, rs)
	if err != nil {
		return nil, nil, err
	}
	return a, resolve.NewPart(a), nil
}

// startFn reports a part's origins and its pairs' copy evidence as the
// first round weighs it.
type startFn struct{ partFn }

func (f *startFn) ProcessElement(ctx context.Context, part []byte, refs func(*string, *[]byte) bool,
	origin func(string), copying func(string, resolve.CopyEvidence)) error {
	_, p, err := f.open(ctx, part, refs)
	if err != nil {
		return err
	}
	for _, o := range p.Origins() {
		origin(o)
	}
	p.Start(func(pr resolve.Pair, ev resolve.CopyEvidence) { emitCopying(ctx, copying, pr, ev) })
	return nil
}

func emitCopying(ctx context.Context, emit func(string, resolve.CopyEvidence), pr resolve.Pair, ev resolve.CopyEvidence) {
	key := pairKey(pr)
	copyOut.Inc(ctx, 1)
	copyBytes.Inc(ctx, int64(len(key)+40))
	emit(key, ev)
}

// roundFn runs one round on a part.
type roundFn struct{ partFn }

func (f *roundFn) ProcessElement(ctx context.Context, part []byte, refs func(*string, *[]byte) bool, state []byte,
	evidence func(string, resolve.Evidence), copying func(string, resolve.CopyEvidence)) error {
	s, err := f.side.stateOf(state)
	if err != nil || s.Converged {
		return err
	}
	_, p, err := f.open(ctx, part, refs)
	if err != nil {
		return err
	}
	p.Round(s, func(o string, num, den int64) {
		evidenceOut.Inc(ctx, 1)
		evidenceB.Inc(ctx, int64(len(o)+16))
		evidence(o, resolve.Evidence{Num: num, Den: den})
	}, func(pr resolve.Pair, ev resolve.CopyEvidence) { emitCopying(ctx, copying, pr, ev) })
	return nil
}

func sumEvidence(a, b resolve.Evidence) resolve.Evidence {
	return resolve.Evidence{Num: a.Num + b.Num, Den: a.Den + b.Den}
}

func mergeCopying(a, b resolve.CopyEvidence) resolve.CopyEvidence {
	a.Merge(b)
	return a
}

func sumInts(a, b int) int { return a + b }

// firstStateFn makes the state the first round starts from.
func firstStateFn(_ []byte, origins func(*string) bool, copying func(*string, *resolve.CopyEvidence) bool, emit func([]byte)) {
	var all []string
	var o string
	for origins(&o) {
		all = append(all, o)
	}
	emit(encodeState(resolve.First(all, copyingOf(copying))))
}

// nextStateFn makes the state after a round.
func nextStateFn(_ []byte, prevB []byte, evidence func(*string, *resolve.Evidence) bool,
	copying func(*string, *resolve.CopyEvidence) bool, emit func([]byte)) error {
	prev, err := decodeState(prevB)
	if err != nil {
		return err
	}
	if prev.Converged {
		emit(prevB)
		return nil
	}
	ev := map[string]resolve.Evidence{}
	var o string
	var e resolve.Evidence
	for evidence(&o, &e) {
		ev[o] = e
	}
	emit(encodeState(prev.Next(ev, copyingOf(copying))))
	return nil
}

func copyingOf(it func(*string, *resolve.CopyEvidence) bool) map[resolve.Pair]resolve.CopyEvidence {
	out := map[resolve.Pair]resolve.CopyEvidence{}
	var k string
	var ev resolve.CopyEvidence
	for it(&k, &ev) {
		out[pairOf(k)] = ev
	}
	return out
}
