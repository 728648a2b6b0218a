package resolve

import (
	"math"
	"slices"

	"github.com/claimdiff/claimdiff/internal/parallel"
)

// Copy detection, after AccuCopy (Dong, Berti-Équille and Srivastava,
// VLDB 2009), held to what only copying explains. For two sources, every
// value both claim is weighed under two stories: they claim it
// independently, or one copies the other, taking the other's value with
// probability copyRate. Once the first round is over, sharing a true
// value is no evidence at all:
// accurate sources agree on the truth without copying, and thousands of
// such agreements must not make two good sources copies. Sharing a
// wrong one is strong, since independent sources seldom err alike;
// claiming different values is evidence against. So is the way a value
// is written: where the sources that claim a value write it in more
// than one way, two that write it the same way, above all a way few
// others use, are likelier to copy, and two that write it differently
// less likely. The posterior over "a copies b", "b copies a" and
// "independent", with a small prior on copying, is recomputed every
// round from the current accuracies and probabilities.
//
// Only pairs that claim the same value somewhere are ever looked at:
// the candidates' provider lists are the index, so thousands of sources
// cost what their shared values cost, not the square of their number.

// findPairs indexes the pairs of origins that share a value, the values
// each pair shares, and the groups where a pair claims different values.
func (e *estimator) findPairs() {
	index := newPairIndex(len(e.origins))
	nc := len(e.cands) - 1
	total := 0
	for c := range nc {
		e.cands[c].pairs = int32(total)
		n := int(e.cands[c+1].provs - e.cands[c].provs)
		total += n * (n - 1) / 2
	}
	// How two providers write a candidate depends on that candidate
	// alone: that evidence is weighed on every core first, in the order
	// the pairs are listed below, and only summed in order after.
	raws := make([]int64, total)
	parallel.Chunked(nc, candsPerChunk, func() func(c, from, to int) {
		var forms []int32
		return func(_, from, to int) {
			for c := from; c < to; c++ {
				provs := e.provs[e.cands[c].provs:e.cands[c+1].provs]
				if forms = e.rawForms(provs, forms); forms == nil {
					continue
				}
				k := e.cands[c].pairs
				for x := range provs {
					for y := x + 1; y < len(provs); y++ {
						raws[k] = rawEvidence(forms, x, y)
						k++
					}
				}
			}
		}
	})
	e.provPairs = make([]int32, 0, total)
	for c := range nc {
		provs := e.provs[e.cands[c].provs:e.cands[c+1].provs]
		for x := range provs {
			ox := e.votes[provs[x]].origin
			for y := x + 1; y < len(provs); y++ {
				// Providers are distinct origins in ascending order.
				oy := e.votes[provs[y]].origin
				p := index.find(ox, oy)
				if p < 0 {
					p = int32(len(e.pairs))
					index.add(ox, oy, p)
					e.pairs = append(e.pairs, pair{a: ox, b: oy})
				}
				e.pairs[p].raw += raws[len(e.provPairs)]
				e.provPairs = append(e.provPairs, p)
			}
		}
	}
	e.cands[nc].pairs = int32(len(e.provPairs))

	// The values each pair shares, pair by pair, in candidate order:
	// provPairs lists each candidate's pairs, candidates in order.
	starts := make([]int32, len(e.pairs)+1)
	for _, p := range e.provPairs {
		starts[p+1]++
	}
	for p := 1; p < len(starts); p++ {
		starts[p] += starts[p-1]
	}
	e.shared = make([]int32, len(e.provPairs))
	fill := slices.Clone(starts)
	for c := range nc {
		for _, p := range e.provPairs[e.cands[c].pairs:e.cands[c+1].pairs] {
			e.shared[fill[p]] = int32(c)
			fill[p]++
		}
	}
	for p := range e.pairs {
		e.pairs[p].shared = starts[p]
	}
	e.wrongs = make([]float64, nc)
	for c := range nc {
		e.wrongs[c] = e.groups[e.cands[c].group].n
	}

	// Groups where a known pair claims different values.
	e.disagreements(func(a, b int32) {
		if p := index.find(a, b); p >= 0 {
			e.pairs[p].diff++
		}
	})
	e.pairs = append(e.pairs, pair{shared: int32(len(e.shared))})
}

// pairIndex finds a pair of origins' place in estimator.pairs: in a
// table of every two origins while there are few enough (the usual
// case, and a million lookups cost no hashing), else in a map.
type pairIndex struct {
	n     int
	table []int32
	m     map[uint64]int32
}

// maxPairTable caps the table at 16 MiB: 2,048 origins.
const maxPairTable = 1 << 22

func newPairIndex(origins int) *pairIndex {
	if origins*origins <= maxPairTable {
		t := make([]int32, origins*origins)
		for i := range t {
			t[i] = -1
		}
		return &pairIndex{n: origins, table: t}
	}
	return &pairIndex{m: map[uint64]int32{}}
}

// find returns the place of origins a < b, or -1.
func (x *pairIndex) find(a, b int32) int32 {
	if x.table != nil {
		return x.table[int(a)*x.n+int(b)]
	}
	if p, ok := x.m[uint64(a)<<32|uint64(b)]; ok {
		return p
	}
	return -1
}

func (x *pairIndex) add(a, b, p int32) {
	if x.table != nil {
		x.table[int(a)*x.n+int(b)] = p
		return
	}
	x.m[uint64(a)<<32|uint64(b)] = p
}

// rawForms numbers the ways a candidate's n providers write it: forms[x]
// is the first provider that writes it as provider x does, and
// forms[n+f] how many write it as first provider f does. It returns nil when they all write it alike, which says
// nothing about copying, or when there are too few to compare.
func (e *estimator) rawForms(provs []int32, forms []int32) []int32 {
	n := len(provs)
	if n < 2 {
		return nil
	}
	forms = slices.Grow(forms[:0], 2*n)[:2*n]
	clear(forms[n:])
	distinct := 0
	for x := range provs {
		rx := e.rawOf(provs[x])
		forms[x] = int32(x)
		for y := range x {
			if forms[y] == int32(y) && e.rawOf(provs[y]) == rx {
				forms[x] = int32(y)
				break
			}
		}
		if forms[x] == int32(x) {
			distinct++
		}
		forms[n+int(forms[x])]++
	}
	if distinct < 2 {
		return nil
	}
	return forms
}

// rawOf is how vote v's first claim writes its value.
func (e *estimator) rawOf(v int32) string {
	return e.l.Claims[e.voteClaims[e.votes[v].claims]].Value.Raw
}

// rawEvidence is the log odds, in units of 1/logScale, that providers x
// and y of a candidate copy one another rather than claim it
// independently, from how they write it (forms from rawForms). An
// independent source writes it as the other does about as often as the
// candidate's other providers do (smoothed towards even odds); a copier
// keeps the form of what it copies with probability keepForm.
func rawEvidence(forms []int32, x, y int) int64 {
	n := len(forms) / 2
	if forms[x] != forms[y] {
		return int64(math.Round(math.Log(1-copyRate*keepForm) * logScale))
	}
	same := float64(forms[n+int(forms[x])] - 1)
	rho := (same + 0.5) / (float64(n-1) + 1)
	return int64(math.Round(math.Log((copyRate*keepForm+(1-copyRate*keepForm)*rho)/rho) * logScale))
}

// disagreements calls differ for each two origins (a < b) that claim
// one value each, but not the same, in a group small enough to be
// evidence of copying: once per such group.
func (e *estimator) disagreements(differ func(a, b int32)) {
	type one struct{ origin, cand int32 }
	var ones []one
	for gi := range len(e.groups) - 1 {
		g := &e.groups[gi]
		if !g.copyOK {
			continue
		}
		ones = ones[:0]
		for v := g.votes; v < e.groups[gi+1].votes; v++ {
			if vt := &e.votes[v]; vt.kind == kindPoint && vt.share == 1 {
				ones = append(ones, one{vt.origin, vt.a})
			}
		}
		for x := range ones {
			for _, y := range ones[x+1:] {
				if ones[x].cand != y.cand {
					differ(ones[x].origin, y.origin)
				}
			}
		}
	}
}

// detectCopying recomputes every pair's probabilities of copying from
// the accuracies the round started with and the value probabilities of
// its tally. uninformed weighs agreement as sources at the prior
// accuracy would show it (Agree), how the pair writes its values and
// where it differs: the first round must not learn which values are
// wrong from a vote that the copying it looks for may have swayed, or
// independent sources that agree on the truth against a copied majority
// look like copiers themselves.
//
// Pairs are independent, so they are weighed on every core; a pair that
// shares many values is a chunk's work by itself.
func (e *estimator) detectCopying(uninformed bool) {
	parallel.Chunked(len(e.pairs)-1, 1, func() func(c, from, to int) {
		return func(_, from, to int) {
			for pi := from; pi < to; pi++ {
				e.detectPair(pi, uninformed)
			}
		}
	})
}

func (e *estimator) detectPair(pi int, uninformed bool) {
	p := &e.pairs[pi]
	ev := e.copyEvidence(pi, uninformed)
	ev.Differ = int64(p.diff)
	ab, ba := ev.Posterior(e.acc[p.a], e.acc[p.b])
	if uninformed {
		p.pAB, p.pBA = ab, ba
		return
	}
	p.pAB, p.pBA = step(p.pAB, ab, e.rounds), step(p.pBA, ba, e.rounds)
}

// copyEvidence weighs the values pair pi shares.
func (e *estimator) copyEvidence(pi int, uninformed bool) CopyEvidence {
	p := &e.pairs[pi]
	a1, a2 := e.acc[p.a], e.acc[p.b]
	ev := CopyEvidence{Raw: p.raw}
	shared := e.shared[p.shared:e.pairs[pi+1].shared]
	if uninformed {
		ev.agree(int64(len(shared)))
		return ev
	}
	for _, c := range shared {
		ev.Add(a1, a2, e.prob[c], e.wrongs[c])
	}
	return ev
}

// CopyEvidence is what one pair of origins' claims say about copying
// between them: the log odds of "a copies b" and of "b copies a" over
// independence, from the values both claim and the groups where they
// claim different ones. The log odds are kept in whole units of 2^-28,
// so that evidence from many parts of a ledger sums (Merge) to the same
// figures in any order: a pipeline adds it up where it is found.
type CopyEvidence struct {
	R12, R21 int64
	// Raw is the log odds of copying either way from how the two write
	// the values they share (see rawEvidence), in the same units.
	Raw int64
	// Values counts the shared values; Differ the groups where the two
	// claim one value each, but not the same.
	Values, Differ int64
}

// logScale is the unit of CopyEvidence's log odds: fine enough that
// rounding never shows in a probability, coarse enough that a billion
// shared values still fit in an int64.
const logScale = 1 << 28

// Add weighs one value both claim: pv is the probability it is true, n
// the number of wrong values its group is taken to have, a1 and a2 the
// pair's accuracies.
//
// A true value counts the same under both stories, so only the chance
// that the value is wrong weighs.
func (ev *CopyEvidence) Add(a1, a2, pv, n float64) {
	ev.Values++
	if pv >= 1-1e-6 {
		return
	}
	pt := a1 * a2
	pf := (1 - a1) * (1 - a2) / n
	ind := pv*pt + (1-pv)*pf
	c12 := pv*pt + (1-pv)*((1-a2)*copyRate+pf*(1-copyRate))
	c21 := pv*pt + (1-pv)*((1-a1)*copyRate+pf*(1-copyRate))
	ev.R12 += int64(math.Round(math.Log(c12/ind) * logScale))
	ev.R21 += int64(math.Round(math.Log(c21/ind) * logScale))
}

// Agree weighs one value both claim before anything is known of which
// values are true: as sources at the prior accuracy sharing a value
// that is true, so that agreeing more often than that accuracy explains
// is evidence, and differing (Differ) against it. Only the first round
// weighs values so; later rounds know which are true, and a true value
// is no evidence.
func (ev *CopyEvidence) Agree() { ev.agree(1) }

// agree is n values agreed on at once: whole numbers, so the same as n
// calls of Agree.
func (ev *CopyEvidence) agree(n int64) {
	ev.Values += n
	ev.R12 += n * agreeLog
	ev.R21 += n * agreeLog
}

var agreeLog = int64(math.Round(math.Log(copyRate/priorAccuracy+1-copyRate) * logScale))

// Merge adds other's evidence to ev.
func (ev *CopyEvidence) Merge(other CopyEvidence) {
	ev.R12 += other.R12
	ev.R21 += other.R21
	ev.Raw += other.Raw
	ev.Values += other.Values
	ev.Differ += other.Differ
}

// Posterior is the probability that a copies b (ab) and that b copies a
// (ba), given the evidence, weighed with the accuracies a1 and a2 it was
// gathered with.
func (ev *CopyEvidence) Posterior(a1, a2 float64) (ab, ba float64) {
	if ev.Values < minCopyValues {
		return 0, 0
	}
	lnPrior, lnIndependent := math.Log(copyPrior), math.Log(1-2*copyPrior)
	lnDiff := float64(ev.Differ) * math.Log(1-copyRate)
	r12 := float64(ev.R12+ev.Raw)/logScale + lnDiff
	r21 := float64(ev.R21+ev.Raw)/logScale + lnDiff
	x12, x21 := lnPrior+r12, lnPrior+r21
	top := max(x12, x21, lnIndependent)
	e12, e21 := math.Exp(x12-top), math.Exp(x21-top)
	z := e12 + e21 + math.Exp(lnIndependent-top)
	return e12 / z, e21 / z
}

// discount sets each provider's vote discount. A candidate's providers
// are taken most accurate first (ties by id); each keeps the part of its
// vote that is independent of every provider before it: the product of
// 1 − copyRate·dependence over them. The first keeps its whole vote.
//
// Candidates are independent, so they are discounted on every core.
func (e *estimator) discount() {
	parallel.Chunked(len(e.cands)-1, candsPerChunk, func() func(c, from, to int) {
		var order []int
		return func(_, from, to int) {
			for c := from; c < to; c++ {
				order = e.discountCand(c, order)
			}
		}
	})
}

// candsPerChunk is how many candidates one worker takes at a time.
const candsPerChunk = 4096

// discountCand discounts candidate c's providers; order is scratch
// space, returned for the next.
func (e *estimator) discountCand(c int, order []int) []int {
	provs := e.provs[e.cands[c].provs:e.cands[c+1].provs]
	n := len(provs)
	if n < 2 {
		for _, v := range provs {
			e.disc[v] = 1
		}
		return order
	}
	order = e.providerOrder(int32(c), order)
	base := int(e.cands[c].pairs)
	for i, x := range order {
		d := 1.0
		for _, y := range order[:i] {
			d *= 1 - copyRate*e.dependence(e.provPairs[base+triangle(n, min(x, y), max(x, y))])
		}
		e.disc[provs[x]] = d
	}
	return order
}

func (e *estimator) dependence(p int32) float64 { return e.pairs[p].pAB + e.pairs[p].pBA }

// triangle is the place of (x, y), x < y, in the upper triangle of an
// n×n matrix written row by row.
func triangle(n, x, y int) int { return x*(2*n-x-1)/2 + (y - x - 1) }
