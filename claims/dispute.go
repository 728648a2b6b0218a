package claims

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims/internal/position"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/parallel"
)

// Kind says why a dispute is one. Its names are stable: --kind takes them
// and every output prints them as they are.
type Kind string

const (
	// KindConflict: different origins disagree.
	KindConflict Kind = "conflict"
	// KindSelf: one origin made two current claims that cannot both be
	// true (a later claim that conflicts revises, and is no self).
	KindSelf Kind = "self"
	// KindNegation: a denial (denies: true) of a value that current claims
	// hold.
	KindNegation Kind = "negation"
)

// Kinds lists every kind, for flags and docs.
var Kinds = []Kind{KindConflict, KindSelf, KindNegation}

// Dispute is a topic, in one context and at one moment, on which at least
// two claims cannot both be true.
type Dispute struct {
	Topic    string
	Question string
	Context  string
	Moment   string
	Kinds    []Kind
	Severity Severity
	// Score orders disputes within a severity, 0 to 100.
	Score  int
	Status string
	// Reason and Settled come from the desk's disputes: entry.
	Reason  string
	Settled string
	Until   string
	// Expired is set when an acknowledgement's until date has passed.
	Expired   bool
	Positions []Position
	// Vague lists the claims that fit two or more positions that conflict
	// with each other ("up to 9,000" beside 1,450 and 1,720): they sit in
	// no position, add no origin to any and contradict nobody.
	Vague []VagueClaim
	// Revisions are the times an origin changed its figure on this topic,
	// in this context and at this moment; often the story itself.
	Revisions []Revision
	// Misquotes are relays whose value conflicts with what their origin
	// says itself; each counts for its relay, not its origin.
	Misquotes []Misquote
	// Arithmetic explains disputes over relative values, such as
	// "half of ukraine.army-size (≈ 850,000) ≈ 425,000 vs 600,000".
	Arithmetic []string
	// Gap is how far apart the best-supported position and the strongest
	// one opposed to it are, from 0 to 1: for numbers, durations and
	// relative values a fraction of the larger; for dates and datetimes
	// the time between them over the type's scale (see timeScale); 1 for
	// words that differ and for denials.
	Gap float64

	// origins weighs every independent origin on a side (anonymous ones
	// half), to order disputes of equal score.
	origins float64
	// nPlain counts the positions that hold a value (not a denial).
	nPlain int
}

// Position is a group of mutually compatible claims within a dispute.
type Position struct {
	// Value is the value as written in the ledger by the position's first
	// claim; Values lists every distinct way its claims wrote it.
	Value  string
	Values []string
	// Common renders the set all its claims share, such as "600,000".
	Common  string
	Denies  bool
	Claims  []string
	Sources []string
	// Origins is the number of independent origins; OriginIDs names them.
	Origins   int
	OriginIDs []string
	// Reach counts every source the claims passed through, origins included.
	Reach  int
	Chains []string
	Quotes []Quote
	// Strength weighs origins, an anonymous one counting half.
	Strength float64
	// Mistake says why a side reads as an error rather than a view:
	// MistakeSlip or MistakeMisquote; empty for a side someone holds.
	Mistake string

	members []int
	common  value.Value
	// rank orders the positions that hold a value by that value, from 0;
	// it is -1 for a denial. Two positions that hold values always
	// conflict. A denial conflicts with the positions of ranks hitLo to
	// hitHi-1 only: those whose value lies wholly inside what it denies.
	rank, hitLo, hitHi int
	// hitBy is set on a position that some denial of the dispute hits.
	hitBy bool
}

// The mistakes a side can be (see Position.Mistake).
const (
	// MistakeSlip is one outlet's slip of the pen (4,354 for 4,345, a
	// factor of ten, a date one day off) against a figure several
	// independent origins carry (see slip).
	MistakeSlip = "slip"
	// MistakeMisquote is a side made only of relays that got their
	// origin's own figure wrong (see findMisquotes).
	MistakeMisquote = "misquote"
	// MistakeMisreading is one outlet's figure that is the end of a bound
	// published before it, which fits the other side: "0.1%" for "less
	// than 0.1%" (see misread).
	MistakeMisreading = "misreading"
)

// VagueClaim is a claim that fits two or more positions of a dispute that
// conflict with each other, such as "up to 9,000" beside 1,450 and 1,720,
// or a denial of a value nobody holds.
type VagueClaim struct {
	Claim  string
	Source string
	// Value is as written; Denies marks a denial of it.
	Value  string
	Denies bool
	// Fits lists the common values of the positions it fits, at most
	// MaxFits of them; MoreFits counts the rest.
	Fits     []string
	MoreFits int
	Chain    string
	Quote    string

	member int
}

// MaxFits is how many positions a vague claim lists: "at least 0" fits
// every one, and listing thousands helps nobody.
const MaxFits = 10

// Member returns the index into Ledger.Claims of the vague claim.
func (v *VagueClaim) Member() int { return v.member }

// String is "up to 9,000 (governor) fits 1,450 · 1,720 · 8,000–9,000".
func (v VagueClaim) String() string {
	val := v.Value
	if v.Denies {
		val = "not " + val
	}
	s := fmt.Sprintf("%s (%s) fits %s", val, v.Source, strings.Join(v.Fits, " · "))
	if v.MoreFits > 0 {
		s += fmt.Sprintf(" and %d more", v.MoreFits)
	}
	return s
}

// Quote is a claim's verbatim words with who wrote them: the claim's
// source, unless the words were found in the archived text of an outlet
// that relayed the claim and not in the source's own (see
// check.CreditQuotes); then Source is that outlet and Origin the claim's
// source.
type Quote struct {
	Claim  string
	Source string
	Text   string
	Origin string
}

// By says who the words are from: "checker, relaying registry" for a
// relay's words.
func (q Quote) By() string {
	if q.Origin == "" || q.Origin == q.Source {
		return q.Source
	}
	return q.Source + ", relaying " + q.Origin
}

// Members returns the indexes into Ledger.Claims of the position's claims.
func (p *Position) Members() []int { return p.members }

// Opposed reports whether positions i and j of d cannot both be right: two
// positions that hold values always conflict; a denial conflicts only with
// the positions whose value it denies, and two denials never conflict.
// This is the one definition of "contradicts" that disputes, compare, the
// graph and the report share.
func (d *Dispute) Opposed(i, j int) bool {
	if i == j || i < 0 || j < 0 || i >= len(d.Positions) || j >= len(d.Positions) {
		return false
	}
	p, q := &d.Positions[i], &d.Positions[j]
	switch {
	case p.rank >= 0 && q.rank >= 0:
		return true
	case p.rank < 0 && q.rank < 0:
		return false
	case p.rank < 0:
		return p.hitLo <= q.rank && q.rank < p.hitHi
	}
	return q.hitLo <= p.rank && p.rank < q.hitHi
}

// Contested reports whether some other position of d is opposed to
// position i: every position that holds a value when there are two, and
// any position a denial hits. It costs O(1) (Opposed over every other
// position would cost O(positions)).
func (d *Dispute) Contested(i int) bool {
	if i < 0 || i >= len(d.Positions) {
		return false
	}
	p := &d.Positions[i]
	if p.rank < 0 {
		return p.hitHi > p.hitLo
	}
	return d.nPlain > 1 || p.hitBy
}

// SidesContradict reports whether some claim of as contradicts some claim
// of bs (see Contradict). It looks at the positions each side takes in
// each dispute, not at every pair of claims: two sides that each hold
// values contradict unless both hold the same one only, and a denial
// contradicts a side holding a value it hits.
func (a *Analysis) SidesContradict(as, bs []int) bool {
	type side struct {
		ranks   []int // of the positions holding a value, sorted, once each
		denials []int // positions, by index
	}
	collect := func(idx []int) map[int32]*side {
		out := map[int32]*side{}
		for _, i := range idx {
			pl, ok := a.placed.at(i)
			if !ok {
				continue
			}
			s := out[pl.dispute]
			if s == nil {
				s = &side{}
				out[pl.dispute] = s
			}
			if r := a.Disputes[pl.dispute].Positions[pl.position].rank; r >= 0 {
				s.ranks = append(s.ranks, r)
			} else {
				s.denials = append(s.denials, int(pl.position))
			}
		}
		for _, s := range out {
			slices.Sort(s.ranks)
			s.ranks = slices.Compact(s.ranks)
		}
		return out
	}
	hits := func(d *Dispute, denials, ranks []int) bool {
		for _, p := range denials {
			lo, hi := d.Positions[p].hitLo, d.Positions[p].hitHi
			if k, _ := slices.BinarySearch(ranks, lo); k < len(ranks) && ranks[k] < hi {
				return true
			}
		}
		return false
	}
	sa, sb := collect(as), collect(bs)
	for di, x := range sa {
		y := sb[di]
		if y == nil {
			continue
		}
		if len(x.ranks) > 0 && len(y.ranks) > 0 && !(len(x.ranks) == 1 && len(y.ranks) == 1 && x.ranks[0] == y.ranks[0]) {
			return true
		}
		d := &a.Disputes[di]
		if hits(d, x.denials, y.ranks) || hits(d, y.denials, x.ranks) {
			return true
		}
	}
	return false
}

// Analysis is what the comparison engine found in a ledger.
type Analysis struct {
	Ledger *Ledger
	// Disputes come most severe first. Contradict and SidesContradict
	// find claims by their place in it, so sort or filter a copy.
	Disputes []Dispute
	// Superseded maps a claim (by index) to the later claim of the same
	// origin that revised it; such pairs are shown, never flagged.
	Superseded map[int]int
	// Revisions lists every revision, on every topic, whether or not it
	// is disputed: by topic in ledger order, then context and moment.
	Revisions []Revision
	// Unresolved lists relative claims whose referenced topic has no
	// absolute value to scale; they take no part in comparison.
	Unresolved []int
	// placed says where each claim that sits on a side of a dispute sits.
	placed placements
	// vals holds the claims' comparable values.
	vals *values
}

// place is a claim's dispute and position, by index.
type place struct{ dispute, position int32 }

// placements holds each claim's place, by claim: an array rather than a
// map, since millions of claims may sit on sides (filling the map was a
// second of a month's analysis). A place is kept with its dispute plus
// one, so that the zero value is no place.
type placements []place

// placementsOf places the claims on the sides of ds.
func placementsOf(l *Ledger, ds []Dispute) placements {
	if len(ds) == 0 {
		return nil
	}
	ps := make(placements, len(l.Claims))
	for di := range ds {
		for pi := range ds[di].Positions {
			for _, i := range ds[di].Positions[pi].members {
				ps[i] = place{int32(di) + 1, int32(pi)}
			}
		}
	}
	return ps
}

// at is claim i's place, if it has one.
func (ps placements) at(i int) (place, bool) {
	if i < 0 || i >= len(ps) || ps[i].dispute == 0 {
		return place{}, false
	}
	p := ps[i]
	p.dispute--
	return p, true
}

// InDispute reports whether claim i sits on a side of a dispute. A vague
// claim does not: it fits several sides and contradicts nobody.
func (a *Analysis) InDispute(i int) bool {
	_, ok := a.placed.at(i)
	return ok
}

// Contradict reports whether claims i and j contradict each other: they
// sit in opposed positions of one dispute (see Dispute.Opposed).
func (a *Analysis) Contradict(i, j int) bool {
	p, ok := a.placed.at(i)
	q, ok2 := a.placed.at(j)
	return ok && ok2 && p.dispute == q.dispute && a.Disputes[p.dispute].Opposed(int(p.position), int(q.position))
}

// Options tune the analysis.
type Options struct {
	// Today decides whether acknowledgements have expired; zero means now.
	Today time.Time
	// References, when set, are the values relative claims scale, by
	// the topic they name (see References): those of the whole ledger,
	// for a part of it that holds only some of each topic's claims.
	References map[string]value.Value
	// bruteRun overrides defaultBruteRun, for tests.
	bruteRun int
}

// sortChanges puts each topic's changes in the order they ran, moments
// merged, the topics (and contexts) in the order they came. The order of
// each topic is found once per revision, not per comparison: a month of
// flight data has millions of them.
func sortChanges(revs []Revision) {
	type key struct{ topic, context string }
	first := map[key]int{}
	rank := make([]int, len(revs))
	for k := range revs {
		kk := key{revs[k].Topic, revs[k].Context}
		f, ok := first[kk]
		if !ok {
			f = k
			first[kk] = k
		}
		rank[k] = f
	}
	idx := make([]int, len(revs))
	for k := range idx {
		idx[k] = k
	}
	slices.SortStableFunc(idx, func(x, y int) int {
		return cmp.Or(cmp.Compare(rank[x], rank[y]), strings.Compare(revs[x].FromDate, revs[y].FromDate),
			strings.Compare(revs[x].ToDate, revs[y].ToDate))
	})
	sorted := make([]Revision, len(revs))
	for k, i := range idx {
		sorted[k] = revs[i]
	}
	copy(revs, sorted)
}

// Analyze finds every dispute in l. It groups claims by topic, context and
// moment, drops the claims their own origin revised, and builds each
// group's positions from its sorted sets (see claims/internal/position),
// so its cost is O(n log n) and it never compares all pairs.
func Analyze(l *Ledger, opts Options) *Analysis {
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}
	a := &Analysis{Ledger: l, Superseded: map[int]int{}}
	vals, refs := resolveRelative(l, a, opts.References)
	a.vals = vals
	if slices.ContainsFunc(l.Claims, func(c Claim) bool { return c.TopicRef != nil && c.TopicRef.Changes }) {
		vals.step = make([]int32, len(l.Claims))
	}
	a.compareGroups(groupClaims(l, vals), vals, refs, opts)
	// A changing topic's count moving from moment to moment is the
	// origin revising it too; the dispute about the later moment shows it.
	if moved := momentRevisions(l, vals); len(moved) > 0 {
		a.Revisions = append(a.Revisions, moved...)
		sortChanges(a.Revisions)
		at := make(map[GroupKey]int, len(a.Disputes))
		for di := range a.Disputes {
			d := &a.Disputes[di]
			at[GroupKey{d.Topic, d.Context, d.Moment}] = di
		}
		// A month of flight data gives its disputes millions of these:
		// each dispute's list is made once, at its size, from one array,
		// rather than grown one revision at a time.
		of := make([]int32, len(moved)) // the dispute of each, or -1
		parallel.Chunked(len(moved), 1<<14, func() func(c, from, to int) {
			return func(_, from, to int) {
				for k := from; k < to; k++ {
					r := &moved[k]
					of[k] = -1
					if di, ok := at[GroupKey{r.Topic, r.Context, r.Moment}]; ok {
						of[k] = int32(di)
					}
				}
			}
		})
		count := make([]int, len(a.Disputes))
		total := 0
		for _, di := range of {
			if di >= 0 {
				count[di]++
				total++
			}
		}
		for di, n := range count {
			if n > 0 {
				total += len(a.Disputes[di].Revisions)
			}
		}
		flat := make([]Revision, total)
		for di, n := range count {
			if n == 0 {
				continue
			}
			d := &a.Disputes[di]
			m := copy(flat, d.Revisions)
			d.Revisions, flat = flat[:m:m+n], flat[m+n:]
		}
		for k, r := range moved {
			if di := of[k]; di >= 0 {
				a.Disputes[di].Revisions = append(a.Disputes[di].Revisions, r)
			}
		}
		// The change into the moment came before the changes within it:
		// 70 (4 Aug) → 78 (5 Aug), then 78 → 135 that evening.
		for di, n := range count {
			if n > 0 {
				slices.SortStableFunc(a.Disputes[di].Revisions, func(x, y Revision) int {
					return cmp.Or(strings.Compare(x.FromDate, y.FromDate), strings.Compare(x.ToDate, y.ToDate))
				})
			}
		}
	}
	// More independent origins on the sides rank first among equal
	// scores: a split that many sources carry outranks one outlet's slip.
	// A Dispute is large: the sort orders their places, ties by place
	// as a stable sort would, and moves each dispute once.
	order := make([]int32, len(a.Disputes))
	for di := range order {
		order[di] = int32(di)
	}
	slices.SortFunc(order, func(i, j int32) int {
		x, y := &a.Disputes[i], &a.Disputes[j]
		return cmp.Or(cmp.Compare(y.Severity.rank(), x.Severity.rank()), cmp.Compare(y.Score, x.Score),
			cmp.Compare(y.origins, x.origins),
			strings.Compare(x.Topic, y.Topic), strings.Compare(x.Context, y.Context), strings.Compare(x.Moment, y.Moment),
			cmp.Compare(i, j))
	})
	sorted := make([]Dispute, len(a.Disputes))
	for k, di := range order {
		sorted[k] = a.Disputes[di]
	}
	a.Disputes = sorted
	a.placed = placementsOf(l, a.Disputes)
	return a
}

// groupOutcome is what one group of claims gave: its revisions, which
// claim revised which, and its dispute, if it has one.
type groupOutcome struct {
	revs       []Revision
	superseded map[int]int
	dispute    Dispute
	disputed   bool
}

// groupsPerChunk is how many groups a worker takes at a time: enough to
// make handing them out cheap, few enough that two cores finish together.
const groupsPerChunk = 256

// compareGroups revises and compares every group, on every core: a
// group's work reads the ledger and writes only its own outcome. The
// outcomes are then added in the groups' order, so the analysis is the
// same, to the byte, whatever the number of cores.
func (a *Analysis) compareGroups(groups [][]int, vals *values, refs map[int]relativeRef, opts Options) {
	out := make([]groupOutcome, len(groups))
	parallel.Chunked(len(groups), groupsPerChunk, func() func(c, from, to int) {
		rv := reviser{brute: cmp.Or(opts.bruteRun, defaultBruteRun)}
		var pb position.Builder
		return func(_, from, to int) {
			for gi := from; gi < to; gi++ {
				o := &out[gi]
				var live []int
				live, o.revs, o.superseded = rv.revise(a.Ledger, groups[gi], vals)
				if d, ok := a.compare(&pb, live, vals, refs); ok {
					d.Revisions = o.revs
					a.applyStatus(&d, opts.Today)
					o.dispute, o.disputed = d, true
				}
			}
		}
	})
	nRevs, nDisputes, nSuperseded := 0, 0, 0
	for gi := range out {
		nRevs += len(out[gi].revs)
		nSuperseded += len(out[gi].superseded)
		if out[gi].disputed {
			nDisputes++
		}
	}
	a.Revisions = slices.Grow(a.Revisions, nRevs)
	a.Disputes = slices.Grow(a.Disputes, nDisputes)
	if nSuperseded > 0 {
		a.Superseded = make(map[int]int, nSuperseded)
	}
	for gi := range out {
		o := &out[gi]
		a.Revisions = append(a.Revisions, o.revs...)
		for i, j := range o.superseded {
			a.Superseded[i] = j
		}
		if o.disputed {
			a.Disputes = append(a.Disputes, o.dispute)
		}
		*o = groupOutcome{}
	}
}

func (a *Analysis) applyStatus(d *Dispute, today time.Time) {
	st := a.Ledger.StatusFor(d.Topic, d.Context, d.Moment)
	d.Status, d.Reason, d.Until = st.Status, st.Reason, st.Until
	if st.Status == "resolved" {
		d.Settled = st.Value
	}
	if st.Until != "" {
		if until, err := time.Parse(time.DateOnly, st.Until[:min(len(st.Until), 10)]); err == nil && !today.Before(until.AddDate(0, 0, 1)) {
			d.Expired = true
		}
	}
}
