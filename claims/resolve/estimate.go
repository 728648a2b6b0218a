package resolve

import (
	"math"
	"slices"
	"sync"

	"github.com/claimdiff/claimdiff/internal/parallel"
)

// The estimate, after Accu (Dong et al. 2009). A source of accuracy A
// gives the values it claims a vote of ln(n·A/(1−A)), where n is the
// number of wrong values the topic is taken to have. A value's score is
// the sum of its votes, each discounted for likely copying, and its
// probability exp(score) over the sum of exp(score) of every value,
// those nobody claimed included (scoring 0). Under Accu's assumptions
// (sources err independently, wrong values equally likely) that is the
// posterior probability that the value is true; a lone claim from a
// source of accuracy A gets exactly A. A source's accuracy is then the
// average probability that its claims are right, and the two are
// repeated until the accuracies settle.

// iterate runs the rounds of Accu with copy detection.
func (e *estimator) iterate() {
	e.alloc()
	e.atPrior()
	// Round 0: every source alike, and copying judged from agreement
	// alone.
	e.detectCopying(true)
	prevAcc := make([]float64, len(e.acc))
	prevSlot := make([]float64, len(e.sacc))
	prevDep := make([]float64, len(e.pairs))
	for e.rounds < e.opts.MaxIterations {
		e.rounds++
		copy(prevAcc, e.acc)
		copy(prevSlot, e.sacc)
		for p := range prevDep {
			prevDep[p] = e.pairs[p].pAB + e.pairs[p].pBA
		}
		e.discount()
		e.tally()
		// Copying and accuracy are both estimated from the round's
		// starting point, so that a round's work splits by group.
		e.detectCopying(false)
		e.estimateAccuracy()
		moved := 0.0
		for s := range e.acc {
			moved = max(moved, math.Abs(e.acc[s]-prevAcc[s]))
		}
		for s := range e.sacc {
			moved = max(moved, math.Abs(e.sacc[s]-prevSlot[s]))
		}
		for p := range prevDep {
			moved = max(moved, math.Abs(e.pairs[p].pAB+e.pairs[p].pBA-prevDep[p]))
		}
		if moved < convergence {
			e.converge = true
			break
		}
	}
	// The values reported are those of the settled accuracies.
	e.discount()
	e.tally()
}

// majority gives each origin one vote: the baseline.
func (e *estimator) majority() {
	e.alloc()
	e.tally()
	e.converge = true
}

func (e *estimator) alloc() {
	e.acc = make([]float64, len(e.origins))
	e.sacc = make([]float64, len(e.slots))
	e.evidence = make([]float64, len(e.origins))
	e.disc = make([]float64, len(e.votes))
	for v := range e.disc {
		e.disc[v] = 1
	}
	e.score = make([]float64, len(e.cands))
	e.prob = make([]float64, len(e.cands))
	e.pool = make([]float64, len(e.groups))
}

// atPrior sets every accuracy to the prior, as before any evidence.
func (e *estimator) atPrior() {
	for s := range e.acc {
		e.acc[s] = priorAccuracy
	}
	for s := range e.sacc {
		e.sacc[s] = priorAccuracy
	}
}

// weight is a vote's weight, ln(n·A/(1−A)) with its slot's accuracy, or
// 1 for the majority.
func (e *estimator) weight(g *group, v int32) float64 {
	if e.opts.Method == Majority {
		return 1
	}
	a := e.sacc[e.votes[v].slot]
	return math.Log(g.n) + math.Log(a/(1-a))
}

// tally scores every candidate and turns scores into probabilities.
// Groups are independent, so they are scored on every core; each writes
// only its own candidates' figures.
func (e *estimator) tally() {
	// A vote's weight is weight's, its two logarithms taken once per
	// slot and once per group rather than once per vote: the same
	// figures, a million fewer logarithms a round.
	logit := slices.Grow(e.logit[:0], len(e.sacc))[:len(e.sacc)]
	for s, a := range e.sacc {
		logit[s] = math.Log(a / (1 - a))
	}
	e.logit = logit
	parallel.Chunked(len(e.groups)-1, groupsPerChunk, func() func(c, from, to int) {
		var spread []float64
		return func(_, from, to int) {
			for gi := from; gi < to; gi++ {
				spread = e.tallyGroup(gi, spread)
			}
		}
	})
}

// groupsPerChunk is how many groups one worker takes at a time.
const groupsPerChunk = 2048

// tallyGroup scores group gi's candidates; spread is scratch space,
// returned for the next group.
func (e *estimator) tallyGroup(gi int, spread []float64) []float64 {
	logit := e.logit
	majority := e.opts.Method == Majority
	g := &e.groups[gi]
	c0, c1 := g.cands, e.groups[gi+1].cands
	k := int(c1 - c0)
	score := e.score[c0:c1]
	clear(score)
	// Spread votes add to ranges of candidates: a difference array
	// keeps that linear however wide the ranges.
	spread = slices.Grow(spread[:0], k+1)[:k+1]
	clear(spread)
	all, pool := 0.0, 0.0
	lnN := math.Log(g.n)
	for v := g.votes; v < e.groups[gi+1].votes; v++ {
		vt := &e.votes[v]
		w := float64(vt.share)
		if !majority {
			w *= lnN + logit[vt.slot]
		}
		switch vt.kind {
		case kindPoint:
			w *= e.disc[v]
			score[vt.a-c0] += w
			for _, p := range e.partial[e.cands[vt.a].partial:e.cands[vt.a+1].partial] {
				score[p-c0] += partialWeight * w
			}
		case kindVague:
			score[vt.a-c0] += w
		case kindSpread:
			fit := float64(vt.b-vt.a) + g.unseen
			w *= vagueWeight / fit
			spread[vt.a-c0] += w
			spread[vt.b-c0] -= w
			pool += w
		case kindDenial:
			fit := float64(k-int(vt.b-vt.a)) + g.unseen
			if fit == 0 {
				continue
			}
			w *= vagueWeight / fit
			all += w
			spread[vt.a-c0] -= w
			spread[vt.b-c0] += w
			pool += w
		}
	}
	run := 0.0
	for c := range k {
		run += spread[c]
		score[c] += run + all
	}
	e.pool[gi] = pool
	e.probabilities(gi, g)
	return spread
}

// probabilities turns a group's scores into probabilities.
func (e *estimator) probabilities(gi int, g *group) {
	c0, c1 := g.cands, e.groups[gi+1].cands
	score, prob := e.score[c0:c1], e.prob[c0:c1]
	if e.opts.Method == Majority {
		sum := 0.0
		for _, s := range score {
			sum += s
		}
		for c, s := range score {
			prob[c] = s / sum
		}
		return
	}
	top := math.Inf(-1)
	for _, s := range score {
		top = max(top, s)
	}
	if g.unseen > 0 {
		top = max(top, e.pool[gi])
	}
	z := 0.0
	for c, s := range score {
		prob[c] = math.Exp(s - top)
		z += prob[c]
	}
	z += g.unseen * math.Exp(e.pool[gi]-top)
	for c := range prob {
		prob[c] /= z
	}
}

// rightness is the probability that vote v is right, given the
// candidates' probabilities, and how much it counts towards its
// origin's accuracy: a vague claim is right more easily, so it counts
// for less.
func (e *estimator) rightness(gi int, v int32, cum []float64) (r, weight float64) {
	g := &e.groups[gi]
	vt := &e.votes[v]
	c0 := g.cands
	switch vt.kind {
	case kindPoint:
		r = e.prob[vt.a]
		for _, p := range e.partial[e.cands[vt.a].partial:e.cands[vt.a+1].partial] {
			r += partialWeight * e.prob[p]
		}
		return min(r, 1), 1
	case kindVague:
		return e.prob[vt.a], vagueWeight
	case kindSpread:
		return cum[vt.b-c0] - cum[vt.a-c0], vagueWeight
	}
	return max(0, 1-(cum[vt.b-c0]-cum[vt.a-c0])), vagueWeight
}

// cumulative fills cum with the running sums of a group's probabilities.
func (e *estimator) cumulative(gi int, cum []float64) []float64 {
	c0, c1 := e.groups[gi].cands, e.groups[gi+1].cands
	cum = slices.Grow(cum[:0], int(c1-c0)+1)[:int(c1-c0)+1]
	cum[0] = 0
	for c := c0; c < c1; c++ {
		cum[c-c0+1] = cum[c-c0] + e.prob[c]
	}
	return cum
}

// estimateAccuracy sets each source's and each slot's accuracy to the
// weighted share of its claims that are likely right, drawn towards the
// prior (see accuracy.go), a step from where the round started.
func (e *estimator) estimateAccuracy() {
	num := make([]int64, len(e.sacc))
	den := make([]int64, len(e.sacc))
	e.accuracyEvidence(num, den)
	onum, oden := e.originEvidence(num, den)
	for s := range e.acc {
		e.acc[s] = step(e.acc[s], accuracyOf(onum[s], oden[s]), e.rounds)
		e.evidence[s] = float64(oden[s]) / evidenceScale
	}
	for s, k := range e.slots {
		e.sacc[s] = step(e.sacc[s], slotAccuracyOf(num[s], den[s], e.acc[k.origin]), e.rounds)
	}
}

// originEvidence sums the slots' evidence by origin.
func (e *estimator) originEvidence(num, den []int64) (onum, oden []int64) {
	onum = make([]int64, len(e.acc))
	oden = make([]int64, len(e.acc))
	for s, k := range e.slots {
		onum[k.origin] += num[s]
		oden[k.origin] += den[s]
	}
	return onum, oden
}

// evidenceScale makes accuracy evidence whole numbers, in units of
// 2^-32 of a claim. Sums of whole numbers do not depend on the order they
// are taken in, so a ledger whose parts are summed on many machines, in
// whatever order they finish, gives the same accuracies, bit for bit, as
// one machine. 2^-32 is far finer than any accuracy needs, and 2^31
// claims of one origin still fit in an int64.
const evidenceScale = 1 << 32

// accuracyEvidence adds up, per slot, the weighted rightness of its
// claims (num) and their weight (den), in units of 1/evidenceScale.
// Groups are weighed on every core, each worker into sums of its own;
// the sums are whole numbers, so adding them up gives the same figures
// in any order.
func (e *estimator) accuracyEvidence(num, den []int64) {
	var mu sync.Mutex
	parallel.Chunked(len(e.groups)-1, groupsPerChunk, func() func(c, from, to int) {
		var cum []float64
		wnum, wden := make([]int64, len(num)), make([]int64, len(den))
		return func(_, from, to int) {
			for gi := from; gi < to; gi++ {
				cum = e.cumulative(gi, cum)
				for v := e.groups[gi].votes; v < e.groups[gi+1].votes; v++ {
					r, w := e.rightness(gi, v, cum)
					o := e.votes[v].slot
					w *= float64(e.votes[v].share)
					wnum[o] += int64(math.Round(w * r * evidenceScale))
					wden[o] += int64(math.Round(w * evidenceScale))
				}
			}
			// Each chunk adds what it found and starts afresh: a worker is
			// not told which chunk is its last.
			mu.Lock()
			for s := range wnum {
				num[s] += wnum[s]
				den[s] += wden[s]
			}
			mu.Unlock()
			clear(wnum)
			clear(wden)
		}
	})
}
