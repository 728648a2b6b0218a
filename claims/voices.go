package claims

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/claimdiff/claimdiff/claims/internal/figure"
	"github.com/claimdiff/claimdiff/claims/internal/position"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/sources"
)

// Who speaks for a position.
//
// A claim's origin is its source, with two exceptions a desk makes:
//
//   - A relay (a claim carried via an outlet) whose value conflicts with
//     what its origin says itself, in the same group, is a misquote: the
//     outlet's words, not the origin's. It counts for the outlet that
//     printed it (its last via), and the dispute says so.
//   - An outlet that relays an origin's claim in a position, and prints its
//     own near-copy of it there, is one more voice for that origin, not an
//     independent origin (one source, one voice per position).

// Misquote is a relay whose value conflicts with its origin's own claim. It
// is credited to the last relay, the outlet whose words the reader has.
type Misquote struct {
	Claim  string
	Relay  string
	Origin string
	// Relayed is the value the relay printed; Own the origin's own figure.
	Relayed, Own string
}

// String is "paper relays 4,354; study's own figure is 4,345".
func (m Misquote) String() string {
	return fmt.Sprintf("%s relays %s; %s's own figure is %s", m.Relay, m.Relayed, m.Origin, m.Own)
}

// voices holds the origin each claim of a group counts for.
type voices struct {
	misquoted map[int]string // claim -> the relay it counts for
}

func (v *voices) origin(l *Ledger, i int) string {
	if r, ok := v.misquoted[i]; ok {
		return r
	}
	return l.Claims[i].Source
}

// findMisquotes marks the relays, in the layout's value positions, whose
// figure conflicts with what their origin says in another value position:
// what it says itself, or, for an origin heard only through relays, what
// its relays carried both before and after (934, then 900 through one
// outlet, then 934 again). A relay dated before the origin's own
// conflicting claim was revised by it (see revisers), so what is left here
// disagrees with what the origin had said.
func findMisquotes(l *Ledger, lay *position.Layout) (voices, []Misquote) {
	// Most groups carry no relay at all: they need none of the maps below.
	relayed := false
	for r := range lay.NPlain {
		relayed = relayed || slices.ContainsFunc(lay.Positions[r].Members, func(i int) bool { return len(l.Claims[i].Via) > 0 })
	}
	if !relayed {
		return voices{}, nil
	}
	own := map[string]int{} // origin -> rank of the position of its own claims, or -2 if several
	rankOf := map[int]int{}
	byOrigin := map[string][]int{}
	for r := range lay.NPlain {
		for _, i := range lay.Positions[r].Members {
			c := &l.Claims[i]
			rankOf[i] = r
			byOrigin[c.Source] = append(byOrigin[c.Source], i)
			if len(c.Via) > 0 {
				continue
			}
			if q, ok := own[c.Source]; !ok {
				own[c.Source] = r
			} else if q != r {
				own[c.Source] = -2
			}
		}
	}
	var v voices
	var out []Misquote
	byDate := map[string][]int{}    // origin -> its dated claims by date, made when first needed
	votes := map[string]outvoting{} // origin -> what its outlets carried most, made when first needed
	heads := map[int]string{}       // position -> its head, made when first needed
	for r := range lay.NPlain {
		for _, i := range lay.Positions[r].Members {
			c := &l.Claims[i]
			if len(c.Via) == 0 {
				continue
			}
			q, ok := own[c.Source]
			if !ok {
				dated, made := byDate[c.Source]
				if !made {
					dated = datedInOrder(l, byOrigin[c.Source])
					byDate[c.Source] = dated
				}
				q, ok = sandwiched(l, i, dated, rankOf)
				if !ok {
					o, made := votes[c.Source]
					if !made {
						o = outvote(l, byOrigin[c.Source], rankOf)
						votes[c.Source] = o
					}
					q, ok = o.against(l, i, rankOf)
				}
			}
			if !ok || q < 0 || q == r {
				continue
			}
			if v.misquoted == nil {
				v.misquoted = map[int]string{}
			}
			relay := c.Via[len(c.Via)-1]
			v.misquoted[i] = relay
			own, made := heads[q]
			if !made {
				own = headOf(l, lay.Positions[q].Members, nil)
				heads[q] = own
			}
			out = append(out, Misquote{Claim: c.ID, Relay: relay, Origin: c.Source, Relayed: c.Value.Raw, Own: own})
		}
	}
	return v, out
}

// datedInOrder is an origin's dated claims in date order, in the order
// given within a date.
func datedInOrder(l *Ledger, same []int) []int {
	dated := slices.DeleteFunc(slices.Clone(same), func(j int) bool { return l.Claims[j].Date == "" })
	slices.SortStableFunc(dated, func(x, y int) int { return cmp.Compare(l.Claims[x].Date, l.Claims[y].Date) })
	return dated
}

// sandwiched returns the position of the origin's claims dated just before
// and just after relay i (the first claim of each of those dates) when
// both stand in one position other than i's. dated is the origin's dated
// claims in date order; each end is a binary search, so an origin with many
// claims costs n log n, not n².
func sandwiched(l *Ledger, i int, dated []int, rankOf map[int]int) (int, bool) {
	d := l.Claims[i].Date
	if d == "" {
		return 0, false
	}
	date := func(k int) string { return l.Claims[dated[k]].Date }
	firstFrom := func(from string) int { return sort.Search(len(dated), func(k int) bool { return date(k) >= from }) }
	k := firstFrom(d) // the first claim dated d or later
	after := sort.Search(len(dated), func(k int) bool { return date(k) > d })
	if k == 0 || after == len(dated) {
		return 0, false
	}
	before, next := dated[firstFrom(date(k-1))], dated[after]
	if rankOf[before] != rankOf[next] || rankOf[before] == rankOf[i] {
		return 0, false
	}
	return rankOf[before], true
}

// lookBack is how long after the moment it reports a relay must be
// printed to be a recollection of it rather than news of it.
const lookBack = 7 * 24 * time.Hour

// looksBack reports whether claim c is an outlet's recollection of what
// its origin said at a moment well before the outlet printed it (Time in
// December on the ministry's count of 21 September). Such a relay revises
// nothing: the origin said nothing new by it. When it conflicts with what
// the outlets of the time carried, it is a misquote.
func looksBack(c *Claim) bool {
	if len(c.Via) == 0 || c.AsOf == "" || c.Date == "" {
		return false
	}
	at, _, ok1 := ParseDate(c.AsOf)
	on, _, ok2 := ParseDate(c.Date)
	return ok1 && ok2 && on.Sub(at) > lookBack
}

// outvoting is where more outlets carry an origin, heard only through
// relays, than carry it anywhere else: the position (rank) and the days
// those outlets printed it. rank is -1 when no position has most.
type outvoting struct {
	rank        int
	first, last string
}

// outvote finds where most outlets carry the origin whose claims in the
// group are same. An outlet counts by the first relay of its chain, the
// one that heard the origin; a position needs two outlets or more.
func outvote(l *Ledger, same []int, rankOf map[int]int) outvoting {
	outlets := map[int]map[string]bool{} // rank -> first relays
	for _, j := range same {
		c := &l.Claims[j]
		if len(c.Via) == 0 {
			continue
		}
		r := rankOf[j]
		if outlets[r] == nil {
			outlets[r] = map[string]bool{}
		}
		outlets[r][c.Via[0]] = true
	}
	best, tied := -1, false
	for r, o := range outlets {
		switch {
		case best < 0 || len(o) > len(outlets[best]):
			best, tied = r, false
		case len(o) == len(outlets[best]):
			tied = true
		}
	}
	if best < 0 || tied || len(outlets[best]) < 2 {
		return outvoting{rank: -1}
	}
	o := outvoting{rank: best}
	for _, j := range same {
		if dj := l.Claims[j].Date; rankOf[j] == best && len(l.Claims[j].Via) > 0 && dj != "" {
			if o.first == "" || dj < o.first {
				o.first = dj
			}
			o.last = max(o.last, dj)
		}
	}
	return o
}

// against returns the position where most outlets carry relay i's origin
// when i stands elsewhere, dated within the days they printed it: the
// origin said that, and i's outlet misprinted it (15.5 tonnes a floor
// through two outlets, 17 through a third, the same day).
func (o outvoting) against(l *Ledger, i int, rankOf map[int]int) (int, bool) {
	c := &l.Claims[i]
	if o.rank < 0 || o.rank == rankOf[i] {
		return 0, false
	}
	if looksBack(c) {
		return o.rank, true
	}
	if d := c.Date; d == "" || o.first == "" || d < o.first || d > o.last {
		return 0, false
	}
	return o.rank, true
}

// ownOrigins drops from a position's origins the outlets that also relay
// another origin's claim in it, unless that would leave none.
func ownOrigins(ids []string, relays map[string]bool) []string {
	kept := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return relays[id] })
	if len(kept) == 0 {
		return ids
	}
	return kept
}

// headOf picks the value that heads a position: the one its origins state
// most often (claims of sources that only relay others in the position do
// not count), then the one they state themselves most often rather than
// through a relay, then the earliest stated, then the first in the
// ledger. Never the smallest: a typo must not head a side because it sorts
// first.
func headOf(l *Ledger, members []int, relays map[string]bool) string {
	type tally struct {
		stated, direct int
		first          string // earliest date, "" if none dated
	}
	byRaw := map[string]*tally{}
	var order []string
	for _, i := range members {
		c := &l.Claims[i]
		t := byRaw[c.Value.Raw]
		if t == nil {
			t = &tally{}
			byRaw[c.Value.Raw] = t
			order = append(order, c.Value.Raw)
		}
		if !relays[c.Source] {
			t.stated++
			if len(c.Via) == 0 {
				t.direct++
			}
		}
		if c.Date != "" && (t.first == "" || c.Date < t.first) {
			t.first = c.Date
		}
	}
	best := order[0]
	for _, raw := range order[1:] {
		t, b := byRaw[raw], byRaw[best]
		switch {
		case t.stated != b.stated:
			if t.stated > b.stated {
				best = raw
			}
		case t.direct != b.direct:
			if t.direct > b.direct {
				best = raw
			}
		case t.first != b.first:
			if b.first == "" || t.first != "" && t.first < b.first {
				best = raw
			}
		}
	}
	return best
}

// showHead makes a position's common set show the heading figure when the
// set holds it, rather than whichever claim narrowed the set last.
func showHead(common value.Value, head string, l *Ledger, members []int, vals *values) value.Value {
	for _, i := range members {
		if l.Claims[i].Value.Raw != head {
			continue
		}
		n := vals.at(i).Nominal
		if !math.IsNaN(n) && n >= common.Lo && n <= common.Hi {
			common.Nominal = n
		}
		return common
	}
	return common
}

// attributions are the claims' origins and relays, for counting support.
func attributions(l *Ledger, members []int, v *voices) []sources.Attribution {
	atts := make([]sources.Attribution, 0, len(members))
	for _, i := range members {
		c := &l.Claims[i]
		origin := v.origin(l, i)
		via := c.Via
		if origin != c.Source {
			via = nil // the relay that misquoted is the origin now
		}
		atts = append(atts, sources.Attribution{Origin: origin, Via: via})
	}
	return atts
}

// DenialHits reports whether a denial (denies: true) contradicts the value
// v: for numbers, when v's figure, or all of v, lies in the denied value's
// band (the denied value widened by the topic's tolerance, the band that
// makes two figures one value); for words, when v is the denied word.
// Positions and check judge denials by it, so both read them alike.
func DenialHits(denial, v value.Value) bool {
	if !figure.IsNumeric(denial.Type) {
		return denial.Atom == v.Atom
	}
	d := denial
	d.Negated = false
	return inBand(figure.Of(v), figure.Of(d))
}

// inBand reports whether the set c is what a denial of the band d
// denies: c's figure (its middle) lies in d, or all of c does.
func inBand(c, d figure.Interval) bool {
	if c.StartsWithin(d) && c.EndsWithin(d) {
		return true
	}
	m, ok := c.Middle()
	return ok && d.FromLo(m) && d.ToHi(m)
}
