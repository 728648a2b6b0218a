package resolve

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value"
)

// Explanation is why one topic, in one context at one moment, got the
// value it got: every value claimed, the votes behind each and what
// weighed them.
type Explanation struct {
	Topic, Context, Moment, Currency string
	// WrongValues is how many wrong values the topic is taken to have
	// (Accu's n); Unclaimed how many of those n+1 values no claim names,
	// and UnclaimedScore the score each of them gets from vague claims
	// and denials. They share the probability the candidates leave.
	WrongValues, Unclaimed, UnclaimedScore float64
	// UnclaimedSupport are the votes for each value no claim names:
	// vague claims and denials, which fit those too.
	UnclaimedSupport []Support
	// Candidates are the values claimed, most likely first.
	Candidates []Candidate
	// Ignored are the topic's claims here that took no part, and why.
	Ignored []Ignored
	// Copying is the evidence behind each likely copying between two
	// sources that claim the same value here.
	Copying []CopyFinding
}

// CopyFinding is why two sources are taken to copy one another: what
// they share across the whole ledger.
type CopyFinding struct {
	A, B       string
	Dependence float64
	// Shared counts the values both claim; LikelyWrong those of them
	// judged more likely wrong than right, which independent sources
	// seldom share.
	Shared, LikelyWrong int
	// Differ counts the topics where the two claim different values.
	Differ int
	// SameForm counts shared values the two write alike where their
	// other sources write them otherwise; OtherForm those they write
	// differently.
	SameForm, OtherForm int
}

// Candidate is one value claimed and the votes behind it.
type Candidate struct {
	Value, Canonical string
	Probability      float64
	// Score is the sum of its votes' scores.
	Score   float64
	Support []Support
}

// Support is one origin's vote for a candidate.
type Support struct {
	Origin string
	// Claims indexes Ledger.Claims: the origin's claims that say this.
	Claims []int
	// How the claims support the value: "exact", "within tolerance",
	// "partial" (overlaps it), "vague" (fits it among others) or
	// "denial" (denies another value).
	How      string
	Accuracy float64
	// Weight is the vote of a source of that accuracy, ln(n·A/(1−A)),
	// or 1 under the majority method.
	Weight float64
	// Share is 1/m when the origin says m different things here.
	Share float64
	// Fit is the part of the vote this value gets: 1 for the value
	// claimed, less for one that a vague claim only fits.
	Fit float64
	// Discount is the part of the vote left after likely copying, 1 for
	// none; DiscountedFor names the sources before it that claim the
	// same value and how dependent on each it is.
	Discount      float64
	DiscountedFor []Copy
	// Score is Weight × Share × Fit × Discount.
	Score float64
}

// Ignored is a claim that took no part, and why.
type Ignored struct {
	Claim  int
	Reason string
}

func (e *estimator) explain() []Explanation {
	var out []Explanation
	var ignored map[explainKey][]Ignored
	for gi := range len(e.groups) - 1 {
		if g := &e.groups[gi]; e.opts.Explain(g.topic.ID) {
			if ignored == nil {
				ignored = e.ignoredByGroup()
			}
			out = append(out, e.explainGroup(gi, ignored))
		}
	}
	return out
}

// votesByCandidate lists, for each candidate of group gi (indexed from
// the group's first), the votes that may support it, in vote order: those
// that name it, the precise ones that overlap it, and the vague claims
// and denials, which may fit any. Asking every vote of a topic of 100,000
// values about every value took 41 s.
func (e *estimator) votesByCandidate(gi int) [][]int32 {
	g, next := &e.groups[gi], &e.groups[gi+1]
	c0, n := g.cands, next.cands-g.cands
	direct := make([][]int32, n)
	var wide []int32
	for v := g.votes; v < next.votes; v++ {
		switch vt := &e.votes[v]; vt.kind {
		case kindPoint, kindVague:
			direct[vt.a-c0] = append(direct[vt.a-c0], v)
		default:
			wide = append(wide, v)
		}
	}
	overlaps := make([][]int32, n)
	for a := c0; a < next.cands; a++ {
		for _, c := range e.partial[e.cands[a].partial:e.cands[a+1].partial] {
			if c >= c0 && c < next.cands {
				overlaps[c-c0] = append(overlaps[c-c0], a)
			}
		}
	}
	out := make([][]int32, n)
	for i := range out {
		vs := slices.Clone(direct[i])
		for _, a := range overlaps[i] {
			for _, v := range direct[a-c0] {
				if e.votes[v].kind == kindPoint {
					vs = append(vs, v)
				}
			}
		}
		vs = append(vs, wide...)
		slices.Sort(vs)
		out[i] = slices.Compact(vs)
	}
	return out
}

func (e *estimator) explainGroup(gi int, ignored map[explainKey][]Ignored) Explanation {
	g := &e.groups[gi]
	x := Explanation{Topic: g.topic.ID, Context: g.context, Moment: g.moment, Currency: g.currency,
		WrongValues: g.n, Unclaimed: g.unseen, UnclaimedScore: e.pool[gi]}
	if e.opts.Method == Majority {
		x.UnclaimedScore = 0
	}
	byCand := e.votesByCandidate(gi)
	for _, c := range e.ranked(gi, nil) {
		cd := Candidate{Value: e.wording(c), Canonical: value.Canonical(e.val(e.cands[c].rep)), Probability: e.prob[c], Score: e.score[c]}
		for _, v := range byCand[c-g.cands] {
			fit := e.supports(gi, v, c)
			if fit == 0 {
				continue
			}
			vt := &e.votes[v]
			s := Support{Origin: e.origins[vt.origin], How: e.how(v, c), Weight: e.weight(g, v),
				Share: float64(vt.share), Fit: fit, Discount: 1}
			if e.opts.Method != Majority {
				s.Accuracy = e.sacc[vt.slot]
			}
			for _, i := range e.voteClaimsOf(v) {
				s.Claims = append(s.Claims, int(i))
			}
			if vt.kind == kindPoint {
				s.Discount = e.disc[v]
				s.DiscountedFor = e.discountedFor(vt.a, v)
			}
			s.Score = s.Weight * s.Share * s.Fit * s.Discount
			cd.Support = append(cd.Support, s)
		}
		slices.SortStableFunc(cd.Support, func(a, b Support) int {
			return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Origin, b.Origin))
		})
		x.Candidates = append(x.Candidates, cd)
	}
	if g.unseen > 0 {
		for v := g.votes; v < e.groups[gi+1].votes; v++ {
			vt := &e.votes[v]
			var fit float64
			switch k := float64(e.groups[gi+1].cands - g.cands); vt.kind {
			case kindSpread:
				fit = vagueWeight / (float64(vt.b-vt.a) + g.unseen)
			case kindDenial:
				fit = vagueWeight / (k - float64(vt.b-vt.a) + g.unseen)
			default:
				continue
			}
			s := Support{Origin: e.origins[vt.origin], How: e.how(v, -1), Weight: e.weight(g, v),
				Share: float64(vt.share), Fit: fit, Discount: 1}
			if e.opts.Method != Majority {
				s.Accuracy = e.sacc[vt.slot]
			}
			for _, i := range e.voteClaimsOf(v) {
				s.Claims = append(s.Claims, int(i))
			}
			s.Score = s.Weight * s.Share * s.Fit
			x.UnclaimedSupport = append(x.UnclaimedSupport, s)
		}
	}
	x.Ignored = ignored[explainKey{g.topic.ID, g.context, g.moment, g.currency}]
	x.Copying = e.copyFindings(gi)
	return x
}

// copyFindings lists the likely copying between providers of group gi's
// values, with its evidence, each pair once.
func (e *estimator) copyFindings(gi int) []CopyFinding {
	if len(e.pairs) == 0 {
		return nil
	}
	var out []CopyFinding
	for c := e.groups[gi].cands; c < e.groups[gi+1].cands; c++ {
		provs := e.provs[e.cands[c].provs:e.cands[c+1].provs]
		for x := range provs {
			for y := x + 1; y < len(provs); y++ {
				pi := e.provPairs[int(e.cands[c].pairs)+triangle(len(provs), x, y)]
				if p := &e.pairs[pi]; p.pAB+p.pBA >= copyThreshold {
					out = append(out, e.copyFinding(pi))
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b CopyFinding) int {
		return cmp.Or(cmp.Compare(b.Dependence, a.Dependence), strings.Compare(a.A, b.A), strings.Compare(a.B, b.B))
	})
	return out
}

func (e *estimator) copyFinding(pi int32) CopyFinding {
	p := &e.pairs[pi]
	f := CopyFinding{A: e.origins[p.a], B: e.origins[p.b], Dependence: p.pAB + p.pBA, Differ: int(p.diff)}
	var forms []int32
	for _, c := range e.shared[p.shared:e.pairs[pi+1].shared] {
		f.Shared++
		if e.prob[c] < 0.5 {
			f.LikelyWrong++
		}
		provs := e.provs[e.cands[c].provs:e.cands[c+1].provs]
		if forms = e.rawForms(provs, forms); forms == nil {
			continue
		}
		x := slices.IndexFunc(provs, func(v int32) bool { return e.votes[v].origin == p.a })
		y := slices.IndexFunc(provs, func(v int32) bool { return e.votes[v].origin == p.b })
		if x < 0 || y < 0 {
			continue
		}
		if forms[x] == forms[y] {
			f.SameForm++
		} else {
			f.OtherForm++
		}
	}
	return f
}

// how names the way vote v supports candidate c.
func (e *estimator) how(v int32, c int32) string {
	vt := &e.votes[v]
	switch vt.kind {
	case kindSpread:
		return "vague"
	case kindDenial:
		return "denial"
	case kindPoint:
		if c != vt.a {
			return "partial"
		}
		if n := e.cands[c].nominal; !math.IsNaN(n) {
			for _, i := range e.voteClaimsOf(v) {
				if e.val(i).Nominal == n {
					return "exact"
				}
			}
			return "within tolerance"
		}
	}
	return "exact"
}

// providerOrder is the order in which candidate c's providers keep
// their votes: most accurate first, then by id.
func (e *estimator) providerOrder(c int32, order []int) []int {
	provs := e.provs[e.cands[c].provs:e.cands[c+1].provs]
	order = order[:0]
	for x := range provs {
		order = append(order, x)
	}
	slices.SortFunc(order, func(x, y int) int {
		return cmp.Or(cmp.Compare(e.sacc[e.votes[provs[y]].slot], e.sacc[e.votes[provs[x]].slot]), cmp.Compare(x, y))
	})
	return order
}

// discountedFor lists the providers of c before vote v in the order,
// with v's origin's dependence on each, where it is worth a mention.
func (e *estimator) discountedFor(c int32, v int32) []Copy {
	if len(e.pairs) == 0 {
		return nil
	}
	provs := e.provs[e.cands[c].provs:e.cands[c+1].provs]
	me := slices.Index(provs, v)
	if me < 0 {
		return nil
	}
	var out []Copy
	for _, y := range e.providerOrder(c, nil) {
		if y == me {
			break
		}
		p := &e.pairs[e.provPairs[int(e.cands[c].pairs)+triangle(len(provs), min(me, y), max(me, y))]]
		dep := p.pAB + p.pBA
		if dep < 0.005 {
			continue
		}
		prob := p.pAB
		if e.votes[v].origin == p.b {
			prob = p.pBA
		}
		out = append(out, Copy{From: e.origins[e.votes[provs[y]].origin], Probability: prob, Dependence: dep})
	}
	return out
}

// explainKey names a group: topic, context, moment and currency.
type explainKey struct{ topic, context, moment, currency string }

// ignoredByGroup lists the claims that took no part, by the group they
// would be in, in one pass over the claims rather than one per group.
func (e *estimator) ignoredByGroup() map[explainKey][]Ignored {
	out := map[explainKey][]Ignored{}
	for i := range e.l.Claims {
		c := &e.l.Claims[i]
		if e.live[i] || !e.opts.Explain(c.Topic) {
			continue
		}
		reason := "no value that can be compared"
		switch j, sup := e.a.Superseded[i]; {
		case sup:
			reason = "revised by " + e.l.Claims[j].ID
		case c.NoValue, e.a.Comparable(i) && IsPlaceholder(e.a.Value(i)):
			reason = "a placeholder for no value"
		}
		k := explainKey{c.Topic, c.Context, e.l.Moment(c), e.a.Value(i).Currency}
		out[k] = append(out[k], Ignored{Claim: i, Reason: reason})
	}
	for _, list := range out {
		slices.SortFunc(list, func(a, b Ignored) int { return strings.Compare(e.l.Claims[a.Claim].ID, e.l.Claims[b.Claim].ID) })
	}
	return out
}
