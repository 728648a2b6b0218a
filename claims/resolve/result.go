package resolve

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/value"
)

// maxAlternatives caps the alternatives kept for one value: a topic
// with thousands of distinct claims lists its most likely ones.
const maxAlternatives = 20

// supports says how much vote v supports candidate c (an index into
// e.cands), as a share of the vote: 1 for the value it claims, less for
// a value it only fits; 0 for none.
func (e *estimator) supports(gi int, v int32, c int32) float64 {
	vt := &e.votes[v]
	g := &e.groups[gi]
	switch vt.kind {
	case kindPoint:
		if c == vt.a {
			return 1
		}
		if slices.Contains(e.partial[e.cands[vt.a].partial:e.cands[vt.a+1].partial], c) {
			return partialWeight
		}
	case kindVague:
		if c == vt.a {
			return 1
		}
	case kindSpread:
		if vt.a <= c && c < vt.b {
			return vagueWeight / (float64(vt.b-vt.a) + g.unseen)
		}
	case kindDenial:
		k := e.groups[gi+1].cands - g.cands
		// What it rules out are precise values; vague ones it fits.
		if c < vt.a || c >= vt.b {
			return vagueWeight / (float64(k-(vt.b-vt.a)) + g.unseen)
		}
	}
	return 0
}

func (e *estimator) voteClaimsOf(v int32) []int32 {
	return e.voteClaims[e.votes[v].claims:e.votes[v+1].claims]
}

// ranked returns a group's candidates, most likely first. Ties go to
// the value more origins claim, then to the canonical form in text
// order, so they never depend on the order of the ledger.
// The order is written into buf, reused when it is large enough.
func (e *estimator) ranked(gi int, buf []int32) []int32 {
	c0, c1 := e.groups[gi].cands, e.groups[gi+1].cands
	out := buf[:0]
	for c := c0; c < c1; c++ {
		out = append(out, c)
	}
	if len(out) == 1 {
		return out
	}
	// Canonical forms are wanted only for ties, which are few.
	var canon map[int32]string
	canonical := func(c int32) string {
		s, ok := canon[c]
		if !ok {
			if canon == nil {
				canon = map[int32]string{}
			}
			s = value.Canonical(e.val(e.cands[c].rep))
			canon[c] = s
		}
		return s
	}
	slices.SortStableFunc(out, func(x, y int32) int {
		px, py := e.prob[x], e.prob[y]
		if !nearlyEqual(px, py) {
			return cmp.Compare(py, px)
		}
		return cmp.Or(cmp.Compare(e.cands[y].origins, e.cands[x].origins), strings.Compare(canonical(x), canonical(y)))
	})
	return out
}

// nearlyEqual treats probabilities that differ only by rounding as a tie.
func nearlyEqual(x, y float64) bool {
	return math.Abs(x-y) <= 1e-12*max(math.Abs(x), math.Abs(y), 1e-300)
}

// result gathers what the rounds settled on.
func (e *estimator) result() *Result {
	r := &Result{Ledger: e.l, Method: e.opts.Method, Iterations: e.rounds, Converged: e.converge, Ignored: e.ignored,
		claimProb: make([]float32, len(e.l.Claims)), sourceIdx: map[string]int{}, analysis: e.a}
	for i := range r.claimProb {
		r.claimProb[i] = float32(math.NaN())
	}
	r.Values = make([]Value, 0, len(e.groups)-1)
	var cum []float64
	var order []int32
	claimsOf := make([]int, len(e.origins))
	for gi := range len(e.groups) - 1 {
		g := &e.groups[gi]
		cum = e.cumulative(gi, cum)
		for v := g.votes; v < e.groups[gi+1].votes; v++ {
			p, _ := e.rightness(gi, v, cum)
			for _, i := range e.voteClaimsOf(v) {
				r.claimProb[i] = float32(p)
				claimsOf[e.votes[v].origin]++
			}
		}
		if e.opts.only != nil && !e.opts.only[[3]string{g.topic.ID, g.context, g.moment}] {
			continue
		}
		order = e.ranked(gi, order)
		best := order[0]
		val := Value{Topic: g.topic.ID, Context: g.context, Moment: g.moment, Currency: g.currency}
		val.Value, val.Canonical, val.Confidence = e.wording(best), value.Canonical(e.val(e.cands[best].rep)), e.prob[best]
		val.Claims, val.Origins = e.backers(gi, best)
		val.Rep = int(e.cands[best].rep)
		val.Thin = e.thin(gi, order)
		for _, c := range order[1:min(len(order), maxAlternatives+1)] {
			alt := Alternative{Value: e.wording(c), Canonical: value.Canonical(e.val(e.cands[c].rep)), Probability: e.prob[c]}
			alt.Claims, alt.Origins = e.backers(gi, c)
			val.Alternatives = append(val.Alternatives, alt)
		}
		r.Values = append(r.Values, val)
	}
	if e.opts.Method != Majority {
		// An origin whose claims all fell in groups with nothing to judge
		// (only denials) was not taken into account.
		at := make([]int, len(e.origins))
		r.Sources = make([]Source, 0, len(e.origins))
		for s, id := range e.origins {
			at[s] = -1
			if claimsOf[s] > 0 {
				at[s] = len(r.Sources)
				r.sourceIdx[id] = at[s]
				r.Sources = append(r.Sources, Source{ID: id, Accuracy: e.acc[s], Claims: claimsOf[s]})
			}
		}
		for pi := range len(e.pairs) - 1 {
			p := &e.pairs[pi]
			dep := p.pAB + p.pBA
			if dep < copyThreshold {
				continue
			}
			// Pairs share a value, so both have claims taken into account.
			a, b := &r.Sources[at[p.a]], &r.Sources[at[p.b]]
			a.Copies = append(a.Copies, Copy{From: b.ID, Probability: p.pAB, Dependence: dep})
			b.Copies = append(b.Copies, Copy{From: a.ID, Probability: p.pBA, Dependence: dep})
		}
		for s := range r.Sources {
			slices.SortFunc(r.Sources[s].Copies, func(x, y Copy) int {
				return cmp.Or(cmp.Compare(y.Probability, x.Probability), strings.Compare(x.From, y.From))
			})
		}
	}
	if e.opts.Explain != nil {
		r.Explanations = e.explain()
	}
	return r
}

// thin reports whether group gi's estimate rests on too little evidence
// (see Value.Thin), its candidates ranked in order.
func (e *estimator) thin(gi int, order []int32) bool {
	if e.opts.Method == Majority || len(order) < 2 {
		return false
	}
	// A vote by independent origins would name the estimate's choice
	// when more origins stand for it than for the next; otherwise only
	// the origins' accuracies choose it, and a desk cannot lean on an
	// accuracy learnt from a handful of claims. Only origins that name
	// one of the two count: a range fits, it does not affirm, and a
	// denial of a figure leaves every other. An origin whose vote the
	// estimate mostly discounts as copied is no independent origin.
	first, end := e.groups[gi].votes, e.groups[gi+1].votes
	few := false
	for v := first; v < end && !few; v++ {
		few = e.evidence[e.votes[v].origin] < thinEvidence
	}
	if !few {
		return false // every accuracy here is known: the usual case in a feed
	}
	x, y := order[0], order[1]
	var forX, forY []int32 // origins, each counted once a side
	thin := false
	stand := func(v int32, c int32) {
		o := e.votes[v].origin
		if c == x {
			forX = addOrigin(forX, o)
		} else {
			forY = addOrigin(forY, o)
		}
		thin = thin || e.evidence[o] < thinEvidence
	}
	for v := first; v < end; v++ {
		if vt := &e.votes[v]; e.disc[v] >= 0.5 && (vt.kind == kindPoint || vt.kind == kindVague) && (vt.a == x || vt.a == y) {
			stand(v, vt.a)
		}
	}
	// On a yes-or-no question, denying one answer names the other.
	if e.val(e.cands[x].rep).Type == value.Bool {
		for v := first; v < end; v++ {
			vt := &e.votes[v]
			if e.disc[v] < 0.5 || vt.kind != kindDenial {
				continue
			}
			switch outX, outY := vt.a <= x && x < vt.b, vt.a <= y && y < vt.b; {
			case outX && !outY:
				stand(v, y)
			case outY && !outX:
				stand(v, x)
			}
		}
	}
	return thin && len(forX) <= len(forY)
}

func addOrigin(set []int32, o int32) []int32 {
	if slices.Contains(set, o) {
		return set
	}
	return append(set, o)
}

// Matching returns the values whose topic passes f's topics and, when f
// names sources, that a claim of a matching source supports or opposes.
// Only f's topics and sources are asked; the estimate behind the values
// is always the whole ledger's.
func (r *Result) Matching(f claims.Filter) []Value {
	f = claims.Filter{Topics: f.Topics, Sources: f.Sources}
	if f.IsZero() || r.analysis == nil {
		return r.Values
	}
	var out []Value
	for _, v := range r.Values {
		if !f.MatchTopic(v.Topic) {
			continue
		}
		keep := len(f.Sources) == 0 || slices.ContainsFunc(v.Claims, func(i int) bool { return r.analysis.MatchClaim(f, i) })
		for _, alt := range v.Alternatives {
			keep = keep || slices.ContainsFunc(alt.Claims, func(i int) bool { return r.analysis.MatchClaim(f, i) })
		}
		if keep {
			out = append(out, v)
		}
	}
	return out
}

// wording is a candidate as one of its claims wrote it.
func (e *estimator) wording(c int32) string {
	raw := e.l.Claims[e.cands[c].rep].Value.Raw
	if oneSpaced(raw) {
		return raw
	}
	return strings.Join(strings.Fields(raw), " ")
}

// oneSpaced reports whether s is already its words joined by single
// spaces, so that wording can keep it as it is: plain ASCII, no space at
// either end, no two together and no other white space.
func oneSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= 0x80 || b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r':
			return false
		case b == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// backers returns the claims that support candidate c, by id, and their
// origins.
func (e *estimator) backers(gi int, c int32) ([]int, []string) {
	var claimIdx []int
	var origins []string
	for v := e.groups[gi].votes; v < e.groups[gi+1].votes; v++ {
		if e.supports(gi, v, c) == 0 {
			continue
		}
		if o := e.origins[e.votes[v].origin]; len(origins) == 0 || origins[len(origins)-1] != o {
			origins = append(origins, o)
		}
		for _, i := range e.voteClaimsOf(v) {
			claimIdx = append(claimIdx, int(i))
		}
	}
	slices.SortFunc(claimIdx, func(x, y int) int { return strings.Compare(e.l.Claims[x].ID, e.l.Claims[y].ID) })
	return claimIdx, origins
}
