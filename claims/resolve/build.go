package resolve

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/internal/figure"
	"github.com/claimdiff/claimdiff/claims/value"
)

// Everything below is laid out in flat arrays, in an order that depends
// only on what the ledger says and never on the order it says it in:
// groups by topic id, context, moment and currency; within a group,
// origins by id. Sums are then taken in the same order whatever the
// input order, so the same ledger gives the same floats, bit for bit,
// and ties fall the same way.

// voteKind is how a vote supports the values of its group.
type voteKind uint8

const (
	// kindPoint: a value, supporting the candidate it belongs to (and,
	// partially, candidates it overlaps).
	kindPoint voteKind = iota
	// kindVague: a vague claim that fits no precise value and so is a
	// candidate of its own.
	kindVague
	// kindSpread: a vague claim spread over the precise candidates
	// [a, b) it fits, and over the values nobody claimed.
	kindSpread
	// kindDenial: a denial, spread over every value but the candidates
	// [a, b) it rules out.
	kindDenial
)

// vote is what one origin says in one group: its claims that say the
// same thing, counted once. An origin that says several things in a
// group splits its vote between them (share).
type vote struct {
	origin int32
	// slot is the origin's accuracy on its group's kind of question.
	slot  int32
	a, b  int32 // see voteKind
	share float32
	kind  voteKind
	// claims starts this vote's claims in estimator.voteClaims; the next
	// vote's start ends them.
	claims int32
}

// group is one topic in one context at one moment (and currency).
type group struct {
	topic                     *claims.Topic
	context, moment, currency string
	numeric                   bool
	// n is how many wrong values the group is taken to have; unseen how
	// many values no claim names (n+1 less the candidates).
	n, unseen float64
	// cands and votes start this group's candidates and votes; the next
	// group's start ends them.
	cands, votes int32
	// copyOK says whether the group is small enough to be evidence of
	// copying (maxCopyOrigins).
	copyOK bool
}

// cand is a value a group's claims put forward.
type cand struct {
	group int32
	// rep is the claim whose value stands for the candidate.
	rep int32
	// nominal is a precise numeric candidate's number; NaN otherwise.
	nominal float64
	vague   bool
	// provs starts the candidate's providers in estimator.provs: the
	// votes of origins that claim exactly it and nothing else in the
	// group, which are evidence of copying and may be discounted.
	provs int32
	// pairs starts the pair index of each two providers, in
	// estimator.provPairs (upper triangle, row by row).
	pairs int32
	// partial starts the candidates it partially supports, in
	// estimator.partial.
	partial int32
	// origins counts the distinct origins claiming it exactly, for
	// tie-breaks.
	origins int32
}

// pair is two origins (a < b) that claim the same value somewhere.
type pair struct {
	a, b int32
	// shared starts the candidates both claim, in estimator.shared.
	shared int32
	// diff counts groups where both claim one value each, but not the
	// same.
	diff int32
	// raw is the evidence of copying from how the two write the values
	// they share (rawEvidence), summed.
	raw int64
	// pAB is the probability that a copies b, pBA that b copies a.
	pAB, pBA float64
}

type estimator struct {
	a    *claims.Analysis
	l    *claims.Ledger
	opts Options

	origins []string // sorted
	rank    []int32  // per claim: its origin's place in origins
	live    []bool   // per claim: whether it takes part
	groups  []group  // plus a sentinel
	cands   []cand   // plus a sentinel
	votes   []vote   // plus a sentinel

	voteClaims []int32
	provs      []int32 // vote indexes
	provPairs  []int32 // pair indexes
	partial    []int32 // candidate indexes

	pairs  []pair // plus a sentinel
	shared []int32
	// wrongs is each candidate's group's n, where copyEvidence reads it
	// for every value a pair shares without a walk through the groups.
	wrongs []float64

	// slots are the origins' accuracies by kind of question (see
	// accuracy.go), in the order they were met.
	slots   []slotID
	slotIdx map[slotID]int32

	// Scratch space reused from group to group, so that a million small
	// groups do not each allocate their own.
	scratch struct {
		says   []said
		points []point
		nums   []number
		reps   []int32
		vague  []int32
		counts []int32
	}

	// Per round.
	acc  []float64 // per origin
	sacc []float64 // per slot
	// evidence is each origin's claims' worth of evidence in the last
	// round, which says whether its accuracy is known (Value.Thin).
	evidence []float64
	disc     []float64 // per vote; 1 when undiscounted
	score    []float64 // per candidate
	prob     []float64 // per candidate
	logit    []float64 // per slot: ln(A/(1−A)) of its accuracy, for tally
	pool     []float64 // per group: the score of each unseen value
	ignored  int
	rounds   int
	converge bool
}

// IsPlaceholder reports whether v is a placeholder for no value ("not
// available", "n/a", "unknown", "-"), which supports nothing; the words
// are value's (value.IsPlaceholder).
func IsPlaceholder(v value.Value) bool { return value.IsPlaceholder(v) }

func build(a *claims.Analysis, opts Options) *estimator {
	l := a.Ledger
	e := &estimator{a: a, l: l, opts: opts, slotIdx: map[slotID]int32{}}

	// Claims that take part, and their origins' ranks.
	live := make([]bool, len(l.Claims))
	e.live = live
	rankOf := map[string]int32{}
	for i := range l.Claims {
		c := &l.Claims[i]
		if _, sup := a.Superseded[i]; sup || c.TopicRef == nil || !a.Comparable(i) || IsPlaceholder(a.Value(i)) {
			e.ignored++
			continue
		}
		live[i] = true
		rankOf[c.Source] = 0
	}
	e.origins = make([]string, 0, len(rankOf))
	for id := range rankOf {
		e.origins = append(e.origins, id)
	}
	slices.Sort(e.origins)
	for r, id := range e.origins {
		rankOf[id] = int32(r)
	}
	e.rank = make([]int32, len(l.Claims))
	for i := range l.Claims {
		if live[i] {
			e.rank[i] = rankOf[l.Claims[i].Source]
		}
	}

	// Every live claim makes at most one vote, and most make one: the
	// arrays are made once at that size rather than grown a quarter at
	// a time, which for a million claims allocated five times as much.
	raw := e.splitGroups(live)
	nLive := len(l.Claims) - e.ignored
	e.groups = make([]group, 0, len(raw)+1)
	e.votes = make([]vote, 0, nLive+1)
	e.voteClaims = make([]int32, 0, nLive)
	for _, g := range raw {
		e.addGroup(g.members, g.key)
	}
	e.groups = append(e.groups, group{cands: int32(len(e.cands)), votes: int32(len(e.votes))})
	e.cands = append(e.cands, cand{provs: int32(len(e.provs)), pairs: int32(len(e.provPairs)), partial: int32(len(e.partial))})
	e.votes = append(e.votes, vote{claims: int32(len(e.voteClaims))})
	if opts.Method != Majority {
		e.findPairs()
	}
	return e
}

type rawGroup struct {
	topic   *claims.Topic
	key     claims.Key
	members []int32
}

// splitGroups sorts live claims into groups (see claims.Groups), in
// canonical order: topics in id order, and a topic's groups in key order.
func (e *estimator) splitGroups(live []bool) []rawGroup {
	l := e.l
	var in []rawGroup
	for k, members := range claims.Groups[int32](e.a, func(i int) bool { return live[i] }) {
		in = append(in, rawGroup{l.Claims[members[0]].TopicRef, k, members})
	}
	// Groups yields a topic's groups together and in key order, so only
	// the topics need sorting, each a run of groups.
	var runs [][]rawGroup
	for s := 0; s < len(in); {
		end := s + 1
		for end < len(in) && in[end].topic == in[s].topic {
			end++
		}
		runs = append(runs, in[s:end])
		s = end
	}
	slices.SortFunc(runs, func(x, y []rawGroup) int { return strings.Compare(x[0].topic.ID, y[0].topic.ID) })
	out := make([]rawGroup, 0, len(in))
	for _, r := range runs {
		out = append(out, r...)
	}
	return out
}

// said is one claim as the group reads it: which kind of vote it makes
// and on which candidates.
type said struct {
	claim int32
	kind  voteKind
	a, b  int32
}

// addGroup turns one group's claims into candidates and votes.
func (e *estimator) addGroup(members []int32, key claims.Key) {
	l, rank := e.l, e.rank
	// Canonical order: by origin, then claim id (ids are unique).
	slices.SortFunc(members, func(x, y int32) int { return e.byOrigin(x, y) })
	gi := int32(len(e.groups))
	topic := l.Claims[members[0]].TopicRef
	g := group{topic: topic, context: key.Context, moment: key.Moment, currency: key.Currency,
		numeric: e.val(members[0]).Type.Numeric(), cands: int32(len(e.cands)), votes: int32(len(e.votes))}

	// A group has at most a candidate and a provider per claim.
	e.cands = reserve(e.cands, len(members)+1)
	e.provs = reserve(e.provs, len(members))
	var says []said
	if g.numeric {
		says = e.numericCands(gi, members)
	} else {
		says = e.atomCands(gi, members)
	}
	k := len(e.cands) - int(g.cands)
	if k == 0 {
		// Only denials: nothing to choose between.
		e.ignored += len(members)
		return
	}
	g.n = openFalse
	switch e.val(members[0]).Type {
	case value.Bool:
		g.n = 1
	case value.Choice:
		g.n = max(1, float64(len(topic.Spec.Choices)-1))
	}
	g.n = max(g.n, float64(k-1))
	g.unseen = g.n + 1 - float64(k)
	attr := attribute(topic)

	// Votes: each origin's distinct sayings, its claims saying the same
	// thing merged.
	for s := 0; s < len(says); {
		origin := rank[says[s].claim]
		end := s + 1
		for end < len(says) && rank[says[end].claim] == origin {
			end++
		}
		mine := says[s:end]
		slices.SortStableFunc(mine, func(x, y said) int {
			return cmp.Or(cmp.Compare(x.kind, y.kind), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
		})
		absorbImplied(mine)
		distinct := 1
		for j := 1; j < len(mine); j++ {
			if !sameSaying(mine[j], mine[j-1]) {
				distinct++
			}
		}
		share := float32(1) / float32(distinct)
		slot := e.slotOf(origin, attr)
		for j := range mine {
			if j == 0 || !sameSaying(mine[j], mine[j-1]) {
				e.votes = append(e.votes, vote{origin: origin, slot: slot, a: mine[j].a, b: mine[j].b, share: share,
					kind: mine[j].kind, claims: int32(len(e.voteClaims))})
			}
			e.voteClaims = append(e.voteClaims, mine[j].claim)
		}
		s = end
	}
	nOrigins := 0
	for v := g.votes; v < int32(len(e.votes)); v++ {
		if v == g.votes || e.votes[v].origin != e.votes[v-1].origin {
			nOrigins++
		}
	}
	g.copyOK = nOrigins <= maxCopyOrigins

	// Providers: origins that claim exactly one candidate and nothing
	// else here. The candidates' provider lists fill in vote order, so
	// by origin.
	counts := slices.Grow(e.scratch.counts[:0], k+1)[:k+1]
	clear(counts)
	for v := g.votes; v < int32(len(e.votes)); v++ {
		vt := &e.votes[v]
		// An origin says each thing once, so each vote is one origin.
		switch vt.kind {
		case kindPoint:
			e.cands[vt.a].origins++
			if g.copyOK && vt.share == 1 {
				counts[vt.a-g.cands+1]++
			}
		case kindVague:
			e.cands[vt.a].origins++
		}
	}
	at := int32(len(e.provs))
	for c := range k {
		e.cands[g.cands+int32(c)].provs = at
		at += counts[c+1]
		counts[c+1] = e.cands[g.cands+int32(c)].provs
	}
	e.provs = slices.Grow(e.provs, int(at)-len(e.provs))[:at]
	for v := g.votes; v < int32(len(e.votes)); v++ {
		if vt := &e.votes[v]; vt.kind == kindPoint && g.copyOK && vt.share == 1 {
			e.provs[counts[vt.a-g.cands+1]] = v
			counts[vt.a-g.cands+1]++
		}
	}
	e.scratch.counts = counts

	// Partial support between values that overlap without being the
	// same (author lists, one part of the other). Atoms of text, bools
	// and choices meet only when equal, so there is nothing to look for.
	typ := e.val(members[0]).Type
	for c := range k {
		ci := g.cands + int32(c)
		e.cands[ci].partial = int32(len(e.partial))
		if g.numeric || typ == value.Bool || typ == value.Choice || typ == value.Text || k > maxPartial {
			continue
		}
		rc := e.val(e.cands[ci].rep)
		for d := range k {
			if d != c && value.Meets(rc, e.val(e.cands[g.cands+int32(d)].rep)) {
				e.partial = append(e.partial, g.cands+int32(d))
			}
		}
	}
	e.groups = append(e.groups, g)
}

// reserve makes room in s for n more, doubling its capacity when it
// must grow: append grows a large slice by a quarter, and so allocates
// and copies about four times its final size on the way.
func reserve[T any](s []T, n int) []T {
	if cap(s)-len(s) >= n {
		return s
	}
	out := make([]T, len(s), max(2*cap(s), len(s)+n))
	copy(out, s)
	return out
}

func sameSaying(x, y said) bool { return x.kind == y.kind && x.a == y.a && x.b == y.b }

// absorbImplied folds into an origin's one value the vague claims and
// denials of its own that the value already implies: "100 days" and
// "within 100 days" from one outlet are one vote for 100 days, not a
// vote split between a value and a vaguer version of it. mine is one
// origin's sayings, sorted by kind.
func absorbImplied(mine []said) {
	if mine[0].kind != kindPoint {
		return
	}
	t := mine[0].a
	for _, m := range mine[1:] {
		if m.kind == kindPoint && m.a != t || m.kind == kindVague {
			return // it says several things: nothing is implied
		}
	}
	moved := false
	for j := range mine {
		m := &mine[j]
		if m.kind == kindSpread && m.a <= t && t < m.b || m.kind == kindDenial && (t < m.a || t >= m.b) {
			m.kind, m.a, m.b = kindPoint, t, t
			moved = true
		}
	}
	if moved {
		slices.SortStableFunc(mine, func(x, y said) int {
			return cmp.Or(cmp.Compare(x.kind, y.kind), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
		})
	}
}

func (e *estimator) val(i int32) value.Value { return e.a.Value(int(i)) }

// atomCands makes one candidate per distinct normalised atom (bools,
// choices, text and other values that are not numbers), in atom order.
func (e *estimator) atomCands(gi int32, members []int32) []said {
	var atoms []string
	byAtom := map[string]int32{}
	for _, i := range members {
		v := e.val(i)
		if v.Negated {
			continue
		}
		if _, ok := byAtom[v.Atom]; !ok {
			byAtom[v.Atom] = 0
			atoms = append(atoms, v.Atom)
		}
	}
	slices.Sort(atoms)
	base := int32(len(e.cands))
	for j, at := range atoms {
		byAtom[at] = base + int32(j)
		e.cands = append(e.cands, cand{group: gi, rep: -1, nominal: math.NaN()})
	}
	says := e.scratch.says[:0]
	repOf := make([][]int32, len(atoms))
	for _, i := range members {
		v := e.val(i)
		c, ok := byAtom[v.Atom]
		switch {
		case v.Negated && ok:
			says = append(says, said{claim: i, kind: kindDenial, a: c, b: c + 1})
		case v.Negated:
			says = append(says, said{claim: i, kind: kindDenial, a: base, b: base})
		default:
			says = append(says, said{claim: i, kind: kindPoint, a: c, b: c})
			repOf[c-base] = append(repOf[c-base], i)
		}
	}
	for j := range atoms {
		e.cands[base+int32(j)].rep = e.pickRep(repOf[j])
	}
	e.scratch.says = says
	return says
}

// numericCands makes the candidates of a group of numbers, dates or
// amounts: precise values within tolerance of each other form one
// candidate, as the engine's positions do; vague values that fit none
// are candidates of their own.
func (e *estimator) numericCands(gi int32, members []int32) []said {
	points, vague, denials := e.splitNumeric(members)
	numbers := e.distinctNumbers(points)
	base := int32(len(e.cands))
	e.clusterNumbers(gi, points, numbers)
	nPrecise := int32(len(e.cands)) - base
	// fitting returns the precise candidates [a, b) whose number lies in
	// v's set: their numbers ascend, so it is a range.
	fitting := func(v value.Value) (int32, int32) {
		lo := sortSearch(nPrecise, func(c int32) bool { return above(v, e.cands[base+c].nominal) })
		hi := sortSearch(nPrecise, func(c int32) bool { return beyond(v, e.cands[base+c].nominal) })
		if hi < lo {
			hi = lo
		}
		return base + lo, base + hi
	}

	says := e.scratch.says[:0]
	for _, n := range numbers {
		for _, p := range points[n.from:n.to] {
			says = append(says, said{claim: p.claim, kind: kindPoint, a: n.candidate, b: n.candidate})
		}
	}
	says = e.vagueSays(gi, vague, says, fitting)
	// A denial rules out the precise values inside what it denies.
	for _, i := range denials {
		v := e.val(i)
		v.Negated = false
		a, b := fitting(v)
		says = append(says, said{claim: i, kind: kindDenial, a: a, b: b})
	}
	e.scratch.says = says
	// Back to canonical order: by origin, then claim id.
	slices.SortFunc(says, func(x, y said) int { return e.byOrigin(x.claim, y.claim) })
	return says
}

// splitNumeric sorts a numeric group's members into precise values (by
// number), vague ones (ranges, bounds) and denials.
func (e *estimator) splitNumeric(members []int32) (points []point, vague, denials []int32) {
	points = e.scratch.points[:0]
	vague = e.scratch.vague[:0]
	for _, i := range members {
		v := e.val(i)
		switch {
		case v.Negated:
			denials = append(denials, i)
		case math.IsNaN(v.Nominal) || math.IsInf(v.Nominal, 0):
			vague = append(vague, i)
		default:
			points = append(points, point{v.Nominal, i})
		}
	}
	// Members come by origin, and a stable sort keeps them so within
	// each number.
	slices.SortStableFunc(points, func(x, y point) int { return cmp.Compare(x.x, y.x) })
	e.scratch.points, e.scratch.vague = points, vague
	return points, vague, denials
}

// distinctNumbers is the distinct numbers of points (sorted), each with
// the set all its claims share and how many origins claim it.
func (e *estimator) distinctNumbers(points []point) []number {
	numbers := e.scratch.nums[:0]
	for s := 0; s < len(points); {
		end := s + 1
		for end < len(points) && points[end].x == points[s].x {
			end++
		}
		set := e.val(points[s].claim)
		origins := 0
		for j, p := range points[s:end] {
			set = narrow(set, e.val(p.claim))
			if j == 0 || e.rank[p.claim] != e.rank[points[s+j-1].claim] {
				origins++
			}
		}
		numbers = append(numbers, number{x: points[s].x, from: s, to: end, set: set, origins: origins})
		s = end
	}
	e.scratch.nums = numbers
	return numbers
}

// clusterNumbers sweeps the numbers into clusters while their sets keep a
// common part, and makes a candidate of each cluster, setting each
// number's candidate.
func (e *estimator) clusterNumbers(gi int32, points []point, numbers []number) {
	var common value.Value
	clusterStart := 0
	closeCluster := func(end int) {
		// The number most origins claim stands for the cluster; ties go
		// to the smaller.
		best := clusterStart
		for j := clusterStart + 1; j < end; j++ {
			if numbers[j].origins > numbers[best].origins {
				best = j
			}
		}
		ci := int32(len(e.cands))
		reps := e.scratch.reps[:0]
		for _, p := range points[numbers[best].from:numbers[best].to] {
			reps = append(reps, p.claim)
		}
		e.scratch.reps = reps
		e.cands = append(e.cands, cand{group: gi, rep: e.pickRep(reps), nominal: numbers[best].x})
		for j := clusterStart; j < end; j++ {
			numbers[j].candidate = ci
		}
	}
	for j := range numbers {
		if j > 0 && value.Meets(common, numbers[j].set) {
			common = narrow(common, numbers[j].set)
			continue
		}
		if j > 0 {
			closeCluster(j)
		}
		clusterStart, common = j, numbers[j].set
	}
	if len(numbers) > 0 {
		closeCluster(len(numbers))
	}
}

// vagueSays adds to says what each vague claim says: the precise
// candidates it fits (fitting), or, when it fits none, a candidate of its
// own, one per distinct set.
func (e *estimator) vagueSays(gi int32, vague []int32, says []said, fitting func(value.Value) (int32, int32)) []said {
	type setKey struct {
		lo, hi         float64
		loOpen, hiOpen bool
	}
	var unfit []int32
	for _, i := range vague {
		v := e.val(i)
		if a, b := fitting(v); a < b {
			says = append(says, said{claim: i, kind: kindSpread, a: a, b: b})
			continue
		}
		unfit = append(unfit, i)
	}
	slices.SortStableFunc(unfit, func(x, y int32) int {
		a, b := e.val(x), e.val(y)
		return cmp.Or(cmp.Compare(a.Lo, b.Lo), cmp.Compare(a.Hi, b.Hi), figure.CompareBool(a.LoOpen, b.LoOpen), figure.CompareBool(a.HiOpen, b.HiOpen))
	})
	first := int32(len(e.cands))
	var vagueCand map[setKey]int32
	var vagueReps [][]int32
	for _, i := range unfit {
		v := e.val(i)
		k := setKey{v.Lo, v.Hi, v.LoOpen, v.HiOpen}
		c, ok := vagueCand[k]
		if !ok {
			if vagueCand == nil {
				vagueCand = map[setKey]int32{}
			}
			c = int32(len(e.cands))
			vagueCand[k] = c
			e.cands = append(e.cands, cand{group: gi, rep: i, nominal: math.NaN(), vague: true})
			vagueReps = append(vagueReps, nil)
		}
		vagueReps[c-first] = append(vagueReps[c-first], i)
		says = append(says, said{claim: i, kind: kindVague, a: c, b: c})
	}
	for j, reps := range vagueReps {
		e.cands[first+int32(j)].rep = e.pickRep(reps)
	}
	return says
}

// byOrigin orders claims x and y canonically within a group: by origin,
// then claim id (ids are unique). The ids are compared only between
// claims of one origin, which are few.
func (e *estimator) byOrigin(x, y int32) int {
	if c := cmp.Compare(e.rank[x], e.rank[y]); c != 0 {
		return c
	}
	return strings.Compare(e.l.Claims[x].ID, e.l.Claims[y].ID)
}

type point struct {
	x     float64
	claim int32
}

// number is one distinct number claimed in a group.
type number struct {
	x         float64
	from, to  int // in points
	set       value.Value
	origins   int
	candidate int32
}

// sortSearch is sort.Search over int32.
func sortSearch(n int32, f func(int32) bool) int32 {
	lo, hi := int32(0), n
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// above reports whether x lies at or above v's lower end (inside it on
// that side); beyond, whether it lies past its upper end.
func above(v value.Value, x float64) bool {
	lo := v.Lo
	if math.IsNaN(lo) || math.IsInf(lo, -1) {
		return true
	}
	return x > lo || x == lo && !v.LoOpen
}

func beyond(v value.Value, x float64) bool {
	hi := v.Hi
	if math.IsNaN(hi) || math.IsInf(hi, 1) {
		return false
	}
	return x > hi || x == hi && v.HiOpen
}

// narrow is the part of a's set it shares with b (numeric, meeting or
// not); only the interval matters.
func narrow(a, b value.Value) value.Value {
	x := a.Ends().And(b.Ends())
	a.Lo, a.Hi, a.LoOpen, a.HiOpen = x.Lo, x.Hi, x.LoOpen, x.HiOpen
	return a
}

// pickRep chooses the claim whose wording stands for a candidate: the
// wording most of its claims use, plain values before relative ones,
// then the first in text order, so that it does not depend on the
// order of the ledger.
func (e *estimator) pickRep(claimsOf []int32) int32 {
	if len(claimsOf) == 0 {
		return -1
	}
	if len(claimsOf) == 1 {
		return claimsOf[0]
	}
	var count func(raw string) int
	if len(claimsOf) <= 16 {
		count = func(raw string) int {
			n := 0
			for _, i := range claimsOf {
				if e.l.Claims[i].Value.Raw == raw {
					n++
				}
			}
			return n
		}
	} else {
		counts := map[string]int{}
		for _, i := range claimsOf {
			counts[e.l.Claims[i].Value.Raw]++
		}
		count = func(raw string) int { return counts[raw] }
	}
	best := claimsOf[0]
	for _, i := range claimsOf[1:] {
		ci, cb := &e.l.Claims[i], &e.l.Claims[best]
		if c := cmp.Or(figure.CompareBool(ci.Value.Ref != "", cb.Value.Ref != ""), cmp.Compare(count(cb.Value.Raw), count(ci.Value.Raw)),
			strings.Compare(ci.Value.Raw, cb.Value.Raw), strings.Compare(ci.ID, cb.ID)); c < 0 {
			best = i
		}
	}
	return best
}
