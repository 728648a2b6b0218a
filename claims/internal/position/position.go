package position

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/claimdiff/claimdiff/claims/internal/figure"
	"github.com/claimdiff/claimdiff/claims/value"
)

// Package position lays out a group's claims in positions: the sets of
// claims that share a value, which a dispute sets against each other, and
// the vague claims that fit several.
//
// A position is a group of claims that all share at least one value: its
// common set. Claims are taken narrowest set first (ties by the set, then
// by the value as written, never by where they sit in the ledger, so that
// shuffling a ledger gives the same positions):
//
//   - a claim that meets no position's common set starts a position;
//   - one that meets exactly one joins it and narrows its common set;
//   - one that meets two or more is vague: it fits several positions that
//     conflict with each other, so it sides with none of them.
//
// Common sets therefore stay pairwise disjoint, and the ones a claim meets
// lie next to each other in value order; an ordered tree finds them in
// O(log n), so a group of n claims costs O(n log n). Words (bool, choice,
// text) meet only the same normalised word, so they group by it and are
// never vague.
//
// A denial ("not 2,100") conflicts with the positions whose common set
// lies wholly inside what it denies, and with nothing else. Denials of one
// set form one position. A denial that hits no position denies what nobody
// currently says: it fits every position and is vague.

// Layout is what the Builder makes of a group: positions that hold a
// value, in value order (their rank), then one position per denied set;
// and the vague claims.
type Layout struct {
	Positions []Pos
	// NPlain is how many of Positions hold a value; the rest deny one.
	NPlain int
	Vague  []Vague
}

// Pos is one position: the claims (their indexes in the ledger) that
// share its common set.
type Pos struct {
	Members []int
	Common  value.Value
	// Rank is the position's place in value order; -1 for a denial.
	Rank   int
	Denies bool
	// HitLo and HitHi are, for a denial, the ranks [HitLo, HitHi) of the
	// positions it denies; -1 for the others, which the dispute marks.
	HitLo, HitHi int
}

// Vague is a vague claim and the positions it fits: those of ranks Lo to
// Hi-1, or every position when All is set (a denial of a value nobody
// holds).
type Vague struct {
	Member int
	Lo, Hi int
	All    bool
	// Ranks, when set, lists the ranks it fits instead of Lo to Hi-1, for
	// names, whose positions a list fits need not be next to each other.
	Ranks []int
}

// Values is what the Builder reads of the ledger: claim i's value, as
// the analysis reads it (relative values resolved), and its source.
type Values interface {
	At(i int) value.Value
	Source(i int) string
}

// Builder builds a group's positions. It keeps its buffers from group
// to group, so that a ledger of many small topics allocates little.
type Builder struct {
	plain, denials []int
	keys           []claimKey
	pos            []numPos
	tree           treap
	aside, still   []int // places in keys
	owner          []int32
	commons        []figure.Interval
	// positions backs each Layout's Positions, which the caller copies
	// out before the next Build: a dispute keeps its own.
	positions []Pos
}

// claimKey is a numeric claim with what orders it.
type claimKey struct {
	claim int
	set   figure.Interval
	width float64
	raw   string
}

// numPos is a position being built.
type numPos struct {
	common figure.Interval
	value  value.Value // the common set as a value, for display
}

func compareKeys(a, b claimKey) int {
	return cmp.Or(cmp.Compare(a.width, b.width), figure.Compare(a.set, b.set), strings.Compare(a.raw, b.raw))
}

// maxRounds bounds how often claims first found vague are looked at again
// (see numeric).
const maxRounds = 8

// Build lays out a group's live claims, given by their indexes in the
// ledger. The Layout's Positions live in the Builder's buffer until the
// next Build, so that a ledger of many groups allocates them once; the
// members and the vague claims are the caller's to keep.
func (b *Builder) Build(live []int, vals Values) Layout {
	b.plain, b.denials = b.plain[:0], b.denials[:0]
	for _, i := range live {
		if vals.At(i).Negated {
			b.denials = append(b.denials, i)
		} else {
			b.plain = append(b.plain, i)
		}
	}
	var out Layout
	b.positions = b.positions[:0]
	numeric := len(live) > 0 && figure.IsNumeric(vals.At(live[0]).Type)
	switch {
	case numeric:
		out = b.numeric(vals)
	case len(live) > 0 && vals.At(live[0]).Type == value.Names:
		out = b.names(vals)
	default:
		out = b.words(vals)
	}
	out.NPlain = len(out.Positions)
	b.denyAll(&out, vals, numeric)
	b.positions = out.Positions[:0]
	return out
}

// numeric lays out the plain claims of a numeric group.
func (b *Builder) numeric(vals Values) Layout {
	b.keys = b.keys[:0]
	for _, i := range b.plain {
		v := vals.At(i)
		s := figure.Of(v)
		b.keys = append(b.keys, claimKey{claim: i, set: s, width: s.Hi - s.Lo, raw: v.Raw})
	}
	slices.SortFunc(b.keys, compareKeys)
	b.pos, b.aside = b.pos[:0], b.aside[:0]
	b.tree.reset()
	if cap(b.owner) < len(b.keys) {
		b.owner = make([]int32, len(b.keys))
	}
	// owner maps a key (by its place in keys) to its position, or -1.
	owner := b.owner[:len(b.keys)]
	for k := range b.keys {
		owner[k] = -1
	}
	for k := range b.keys {
		if p, ok := b.place(&b.keys[k], vals); ok {
			owner[k] = int32(p)
		} else {
			b.aside = append(b.aside, k)
		}
	}
	// A later, wider claim may narrow a position's common set away from a
	// claim set aside earlier, which then fits fewer positions than it
	// did. Look at those claims again, in the same order, until nothing
	// changes (in practice once; maxRounds bounds contrived cascades).
	for round := 0; round < maxRounds && len(b.aside) > 0; round++ {
		b.still = b.still[:0]
		for _, k := range b.aside {
			if p, ok := b.place(&b.keys[k], vals); ok {
				owner[k] = int32(p)
			} else {
				b.still = append(b.still, k)
			}
		}
		changed := len(b.still) < len(b.aside)
		b.aside, b.still = b.still, b.aside
		if !changed {
			break
		}
	}
	b.unplaceSpanning(owner, vals)
	// Rank positions by value; members go in ledger order.
	order := b.tree.inOrder()
	rank := make([]int, len(b.pos))
	b.commons = b.commons[:0]
	for r, p := range order {
		rank[p] = r
		b.commons = append(b.commons, b.pos[p].common)
	}
	out := Layout{Positions: slices.Grow(b.positions[:0], len(b.pos))[:len(b.pos)]}
	backing := make([]int, 0, len(b.keys)-len(b.aside))
	starts := make([]int, len(b.pos)+1)
	for k := range b.keys {
		if owner[k] >= 0 {
			starts[rank[owner[k]]+1]++
		}
	}
	for r := 1; r < len(starts); r++ {
		starts[r] += starts[r-1]
	}
	backing = backing[:starts[len(b.pos)]]
	fill := slices.Clone(starts[:len(b.pos)])
	for k := range b.keys {
		if owner[k] >= 0 {
			r := rank[owner[k]]
			backing[fill[r]] = b.keys[k].claim
			fill[r]++
		}
	}
	for p := range b.pos {
		r := rank[p]
		members := backing[starts[r]:starts[r+1]:starts[r+1]]
		slices.Sort(members)
		out.Positions[r] = Pos{Members: members, Common: b.pos[p].value, Rank: r, HitLo: -1, HitHi: -1}
	}
	fitsOnly(&out, vals)
	for _, k := range b.aside {
		set := b.keys[k].set
		lo := sort.Search(len(b.commons), func(i int) bool { return !b.commons[i].Below(set) })
		hi := sort.Search(len(b.commons), func(i int) bool { return set.Below(b.commons[i]) })
		out.Vague = append(out.Vague, Vague{Member: b.keys[k].claim, Lo: lo, Hi: max(lo, hi)})
	}
	slices.SortFunc(out.Vague, func(x, y Vague) int { return cmp.Compare(x.Member, y.Member) })
	return out
}

// unplaceSpanning sets aside, as vague, a range or bound that joined one
// side while it also fits another: "400 to 600" beside "between 500 and
// 700" and "up to 400" fits both sides and states neither. It was placed
// with the first because the other side was not there yet, or because a
// bound had narrowed the other's common set away from it ("more than
// 300,000" beside 300,000). A range fits a side when it meets the side's
// common set or one of its figures. A claim is left where it is when it
// is all its side holds, or when the side without it would meet another.
func (b *Builder) unplaceSpanning(owner []int32, vals Values) {
	// Most groups, and nearly all of a bulk feed's, have one side or no
	// range in a side: nothing to look at.
	if len(b.pos) < 2 || !slices.ContainsFunc(b.keys, func(k claimKey) bool { return !figure.IsFigure(vals.At(k.claim)) }) {
		return
	}
	// hull is, per position, the span of its figures' sets: each holds
	// the common set, so the span does too.
	hull := make([]figure.Interval, len(b.pos))
	figures := make([]bool, len(b.pos))
	for k := range b.keys {
		p := owner[k]
		if p < 0 || !figure.IsFigure(vals.At(b.keys[k].claim)) {
			continue
		}
		s := b.keys[k].set
		if !figures[p] {
			hull[p], figures[p] = s, true
			continue
		}
		if figure.Compare(s, hull[p]) < 0 {
			hull[p].Lo, hull[p].LoOpen = s.Lo, s.LoOpen
		}
		if s.Hi > hull[p].Hi || s.Hi == hull[p].Hi && !s.HiOpen {
			hull[p].Hi, hull[p].HiOpen = s.Hi, s.HiOpen
		}
	}
	// meets reports whether s meets a position other than p: its common
	// set, or, with spans, the span of its figures. Positions lie in value
	// order, so only those around s need a look.
	order := b.tree.inOrder()
	meets := func(s figure.Interval, p int, spans bool) bool {
		lo := sort.Search(len(order), func(i int) bool { return !b.pos[order[i]].common.Below(s) })
		for i := max(lo-1, 0); i < len(order); i++ {
			q := order[i]
			meets := b.pos[q].common.Meets(s)
			if q != p && (meets || spans && figures[q] && s.Meets(hull[q])) {
				return true
			}
			if i >= lo && !meets {
				break
			}
		}
		return false
	}
	// Each side at once: its spanning ranges leave together, so that the
	// side's common set is worked out once, in one pass over the claims.
	spanning := make([]bool, len(b.keys))
	leaving := make([]int, len(b.pos))
	for k := range b.keys {
		if p := owner[k]; p >= 0 && !figure.IsFigure(vals.At(b.keys[k].claim)) && meets(b.keys[k].set, int(p), true) {
			spanning[k] = true
			leaving[p]++
		}
	}
	rest := make([]int, len(b.pos))
	common := make([]figure.Interval, len(b.pos))
	v := make([]value.Value, len(b.pos))
	for k := range b.keys {
		p := owner[k]
		if p < 0 || spanning[k] || leaving[p] == 0 {
			continue
		}
		if rest[p] == 0 {
			common[p], v[p] = b.keys[k].set, vals.At(b.keys[k].claim)
		} else {
			common[p], v[p] = common[p].And(b.keys[k].set), figure.Intersect(v[p], vals.At(b.keys[k].claim))
		}
		rest[p]++
	}
	for p := range b.pos {
		if leaving[p] == 0 || rest[p] == 0 {
			leaving[p] = 0
			continue
		}
		// Looked at before the side widens, so that the positions stay
		// in value order for the search.
		if meets(common[p], p, false) {
			leaving[p] = 0
			continue
		}
		b.pos[p].common, b.pos[p].value = common[p], v[p]
	}
	for k := range b.keys {
		if p := owner[k]; p >= 0 && spanning[k] && leaving[p] > 0 {
			owner[k] = -1
			b.aside = append(b.aside, k)
		}
	}
}

// fitsOnly takes ranges and bounds ("up to $95 billion", "between 45 and 95
// billion") out of the positions that hold a figure ("$90 billion"): they
// allow the figure but do not state it, so they fit its side without being
// an independent origin of it. A side whose ranges (two ends, not a bound)
// more origins state than its figures keeps them: then the range is the estimate, and a figure
// inside it one reading of it ("between 46,000 and 85,000" from two
// studies, "about 60,000" from one author). Dates are left alone, since
// "in December" beside "13 December" is how dates are usually written, not
// a hedge.
func fitsOnly(out *Layout, vals Values) {
	for r := range out.Positions {
		ms := out.Positions[r].Members
		if len(ms) < 2 || !slices.ContainsFunc(ms, func(i int) bool { return figure.IsFigure(vals.At(i)) }) {
			continue
		}
		figures, ranges := map[string]bool{}, map[string]bool{}
		for _, i := range ms {
			switch v := vals.At(i); {
			case figure.IsFigure(v):
				figures[vals.Source(i)] = true
			case !math.IsInf(v.Lo, 0) && !math.IsInf(v.Hi, 0):
				ranges[vals.Source(i)] = true
			}
		}
		if len(ranges) > len(figures) {
			continue
		}
		kept := ms[:0]
		for _, i := range ms {
			if figure.IsFigure(vals.At(i)) {
				kept = append(kept, i)
			} else {
				out.Vague = append(out.Vague, Vague{Member: i, Lo: r, Hi: r + 1})
			}
		}
		out.Positions[r].Members = kept
	}
}

// place puts a claim in the one position whose common set it meets, or in
// a new one when it meets none, and returns the position; it reports false
// when the claim meets two or more.
func (b *Builder) place(k *claimKey, vals Values) (int, bool) {
	first := b.tree.firstNotBelow(k.set, b.pos)
	if first < 0 || !b.pos[first].common.Meets(k.set) {
		b.pos = append(b.pos, numPos{common: k.set, value: vals.At(k.claim)})
		b.tree.insert(len(b.pos)-1, b.pos)
		return len(b.pos) - 1, true
	}
	if next := b.tree.next(first, b.pos); next >= 0 && b.pos[next].common.Meets(k.set) {
		return -1, false
	}
	p := &b.pos[first]
	p.common = p.common.And(k.set)
	p.value = figure.Intersect(p.value, vals.At(k.claim))
	return first, true
}

// words lays out the plain claims of a bool, choice or text group: one
// position per normalised word, ranked by it.
func (b *Builder) words(vals Values) Layout {
	byAtom := map[string]int{}
	out := Layout{Positions: b.positions[:0]}
	for _, i := range b.plain {
		v := vals.At(i)
		p, ok := byAtom[v.Atom]
		if !ok {
			p = len(out.Positions)
			byAtom[v.Atom] = p
			out.Positions = append(out.Positions, Pos{Common: v, HitLo: -1, HitHi: -1})
		}
		out.Positions[p].Members = append(out.Positions[p].Members, i)
	}
	slices.SortFunc(out.Positions, func(x, y Pos) int { return strings.Compare(x.Common.Atom, y.Common.Atom) })
	for r := range out.Positions {
		out.Positions[r].Rank = r
		slices.Sort(out.Positions[r].Members)
	}
	return out
}

// names lays out the plain claims of a names group. A list agrees with
// any list it is part of ("Knuth" with "Knuth; Patashnik"), so lists are
// taken longest first: a list that fits no position's list starts one,
// one that fits exactly one joins it, and one that fits several, being
// part of lists that conflict, is vague. A position's list is its
// longest, and no position's list is part of another's, so every two
// positions conflict. Ties go by the canonical list, never by input order.
// Each list is tried against every position: names topics hold a handful
// of distinct lists, not thousands.
func (b *Builder) names(vals Values) Layout {
	order := slices.Clone(b.plain)
	size := func(i int) int { return len(value.NameList(vals.At(i))) }
	slices.SortFunc(order, func(x, y int) int {
		return cmp.Or(cmp.Compare(size(y), size(x)), strings.Compare(vals.At(x).Atom, vals.At(y).Atom), cmp.Compare(x, y))
	})
	out := Layout{Positions: b.positions[:0]}
	var fits []int
	for _, i := range order {
		v := vals.At(i)
		fits = fits[:0]
		for p := range out.Positions {
			if value.Meets(v, out.Positions[p].Common) {
				fits = append(fits, p)
			}
		}
		switch len(fits) {
		case 0:
			out.Positions = append(out.Positions, Pos{Common: v, HitLo: -1, HitHi: -1, Members: []int{i}})
		case 1:
			out.Positions[fits[0]].Members = append(out.Positions[fits[0]].Members, i)
		default:
			out.Vague = append(out.Vague, Vague{Member: i, Ranks: slices.Clone(fits)})
		}
	}
	// Positions were made in a stable order, so their places are their ranks.
	for r := range out.Positions {
		out.Positions[r].Rank = r
		slices.Sort(out.Positions[r].Members)
	}
	return out
}

// denyAll places the group's denials: one position per denied set, which
// conflicts with the positions it hits, or vague when it hits none.
func (b *Builder) denyAll(out *Layout, vals Values, numeric bool) {
	if len(b.denials) == 0 {
		return
	}
	type denied struct {
		set  figure.Interval
		atom string
	}
	byKey := map[denied]int{}
	var atomRank map[string]int
	if !numeric {
		atomRank = make(map[string]int, out.NPlain)
		for r := range out.NPlain {
			atomRank[out.Positions[r].Common.Atom] = r
		}
	}
	first := len(out.Positions)
	for _, i := range b.denials {
		v := vals.At(i)
		var key denied
		if numeric {
			key.set = figure.Of(v)
		} else {
			key.atom = v.Atom
		}
		if p, ok := byKey[key]; ok {
			if p >= 0 {
				out.Positions[p].Members = append(out.Positions[p].Members, i)
			} else {
				out.Vague = append(out.Vague, Vague{Member: i, All: true})
			}
			continue
		}
		lo, hi := 0, 0
		if numeric {
			lo, hi = b.deniedRanks(key.set, out.NPlain)
		} else if r, ok := atomRank[key.atom]; ok {
			lo, hi = r, r+1
		}
		if hi <= lo {
			byKey[key] = -1
			out.Vague = append(out.Vague, Vague{Member: i, All: true})
			continue
		}
		byKey[key] = len(out.Positions)
		out.Positions = append(out.Positions, Pos{Members: []int{i}, Common: v, Denies: true,
			Rank: -1, HitLo: lo, HitHi: hi})
	}
	for p := first; p < len(out.Positions); p++ {
		slices.Sort(out.Positions[p].Members)
	}
	// Denial positions follow in the order of what they deny, so that the
	// Layout does not depend on the ledger's order either.
	slices.SortStableFunc(out.Positions[first:], func(x, y Pos) int {
		return cmp.Or(cmp.Compare(x.HitLo, y.HitLo), cmp.Compare(x.HitHi, y.HitHi),
			figure.Compare(figure.Of(x.Common), figure.Of(y.Common)), strings.Compare(x.Common.Atom, y.Common.Atom))
	})
	slices.SortFunc(out.Vague, func(x, y Vague) int { return cmp.Compare(x.Member, y.Member) })
}

// deniedRanks returns the ranks lo to hi-1 of the positions a denial of
// the set d hits. d is the denied value widened by the topic's tolerance,
// the same band that makes two figures one value: a position is hit when
// its figure lies in that band ("not 1,200" with 5% hits 1,180), or when
// its whole set does. Both tests move one way along the value order, so
// each end is a binary search.
func (b *Builder) deniedRanks(d figure.Interval, n int) (lo, hi int) {
	lo = sort.Search(n, func(r int) bool {
		m, ok := b.commons[r].Middle()
		return b.commons[r].StartsWithin(d) || ok && d.FromLo(m)
	})
	hi = sort.Search(n, func(r int) bool {
		m, ok := b.commons[r].Middle()
		return !(b.commons[r].EndsWithin(d) || ok && d.ToHi(m))
	})
	return lo, hi
}

// treap is a balanced search tree of positions by their common sets, which
// are disjoint, so value order is a total order and stays one as they
// narrow. Node i is position i; the tree lives in one slice, reused.
type treap struct {
	nodes []tnode
	root  int32
	seed  uint32
}

type tnode struct {
	left, right int32
	prio        uint32
}

func (t *treap) reset() {
	t.nodes, t.root = t.nodes[:0], -1
	if t.seed == 0 {
		t.seed = 2463534242
	}
}

// firstNotBelow returns the first position, in value order, whose common
// set does not lie wholly below s, or -1.
func (t *treap) firstNotBelow(s figure.Interval, pos []numPos) int {
	res := int32(-1)
	for n := t.root; n >= 0; {
		if pos[n].common.Below(s) {
			n = t.nodes[n].right
		} else {
			res, n = n, t.nodes[n].left
		}
	}
	return int(res)
}

// next returns the position after p in value order, or -1.
func (t *treap) next(p int, pos []numPos) int {
	res := int32(-1)
	for n := t.root; n >= 0; {
		if pos[p].common.Below(pos[n].common) {
			res, n = n, t.nodes[n].left
		} else {
			n = t.nodes[n].right
		}
	}
	return int(res)
}

// insert adds position i, whose common set meets no other.
func (t *treap) insert(i int, pos []numPos) {
	// xorshift: the priorities need only look random, and the same every
	// run, so that timing does not vary from run to run.
	t.seed ^= t.seed << 13
	t.seed ^= t.seed >> 17
	t.seed ^= t.seed << 5
	t.nodes = append(t.nodes, tnode{left: -1, right: -1, prio: t.seed})
	l, r := t.split(t.root, pos[i].common, pos)
	t.root = t.merge(t.merge(l, int32(i)), r)
}

// split cuts the tree under n into the positions below s and the rest.
func (t *treap) split(n int32, s figure.Interval, pos []numPos) (int32, int32) {
	if n < 0 {
		return -1, -1
	}
	if pos[n].common.Below(s) {
		l, r := t.split(t.nodes[n].right, s, pos)
		t.nodes[n].right = l
		return n, r
	}
	l, r := t.split(t.nodes[n].left, s, pos)
	t.nodes[n].left = r
	return l, n
}

// merge joins two trees, every position of a lying below every one of b.
func (t *treap) merge(a, b int32) int32 {
	switch {
	case a < 0:
		return b
	case b < 0:
		return a
	case t.nodes[a].prio > t.nodes[b].prio:
		t.nodes[a].right = t.merge(t.nodes[a].right, b)
		return a
	}
	t.nodes[b].left = t.merge(a, t.nodes[b].left)
	return b
}

// inOrder lists the positions in value order.
func (t *treap) inOrder() []int {
	out := make([]int, 0, len(t.nodes))
	var stack []int32
	for n := t.root; n >= 0 || len(stack) > 0; {
		for ; n >= 0; n = t.nodes[n].left {
			stack = append(stack, n)
		}
		n = stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		out = append(out, int(n))
		n = t.nodes[n].right
	}
	return out
}
