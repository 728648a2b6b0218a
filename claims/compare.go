package claims

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/internal/figure"
	"github.com/claimdiff/claimdiff/claims/internal/position"
	"github.com/claimdiff/claimdiff/sources"
)

// compare lays out one group's live claims in positions (see
// claims/internal/position) and returns the dispute, if any two positions
// conflict. Every step is linear in the group's claims and positions,
// after the layout's sort: no step looks at every pair of positions.
func (a *Analysis) compare(pb *position.Builder, live []int, vals *values, refs map[int]relativeRef) (Dispute, bool) {
	if len(live) < 2 {
		return Dispute{}, false
	}
	l := a.Ledger
	lay := pb.Build(live, vals)
	v, misquotes := findMisquotes(l, &lay)
	conflict, self, negation := kindsOf(l, &lay, &v)
	if !conflict && !self && !negation {
		return Dispute{}, false
	}
	first := &l.Claims[live[0]]
	d := Dispute{Topic: first.Topic, Context: first.Context, Moment: moment(l, first), nPlain: lay.NPlain}
	if t := l.Topics[first.Topic]; t != nil {
		d.Question = t.Question
	}
	for k, on := range []bool{conflict, self, negation} {
		if on {
			d.Kinds = append(d.Kinds, Kinds[k])
		}
	}
	positions := positionsOf(lay.Positions)
	markHits(positions, lay.NPlain)
	for p := range positions {
		a.fill(&positions[p], vals, &v)
		if ms := positions[p].members; len(ms) > 0 && !slices.ContainsFunc(ms, func(i int) bool { _, ok := v.misquoted[i]; return !ok }) {
			positions[p].Mistake = MistakeMisquote
		}
	}
	d.Misquotes = misquotes
	d.origins = sideOrigins(l, positions)
	// Strongest first; equal support goes by who said it first, never by
	// value, which would put a typo of a smaller figure ahead.
	earliest := func(p *Position) string {
		first := ""
		for _, i := range p.members {
			if d := l.Claims[i].Date; d != "" && (first == "" || d < first) {
				first = d
			}
		}
		if first == "" {
			return "\uffff" // undated sides after dated ones
		}
		return first
	}
	slices.SortStableFunc(positions, func(x, y Position) int {
		return cmp.Or(cmp.Compare(y.Strength, x.Strength), cmp.Compare(len(y.members), len(x.members)),
			figure.CompareBool(x.rank < 0, y.rank < 0), strings.Compare(earliest(&x), earliest(&y)), cmp.Compare(x.rank, y.rank))
	})
	d.Positions = positions
	d.Vague = a.vagueClaims(lay.Vague, positions, lay.NPlain)
	d.Arithmetic = arithmetic(l, &d, vals, refs)
	rate(&d, l)
	return d, true
}

// positionsOf turns a dispute's laid-out positions into its own, which
// the steps after it (hits, support, misquotes) fill in. Only a group
// that is a dispute pays for them: the positioner's live in its buffer.
func positionsOf(ps []position.Pos) []Position {
	out := make([]Position, len(ps))
	for i, p := range ps {
		out[i] = Position{members: p.Members, common: p.Common, rank: p.Rank, Denies: p.Denies,
			hitLo: p.HitLo, hitHi: p.HitHi}
	}
	return out
}

// kindsOf says why a layout is a dispute: positions that hold values
// always conflict, so two of them make a conflict when they hold claims of
// two origins or more, and a self-contradiction when one origin sits in
// both; a denial makes a negation of what it hits, and a
// self-contradiction when its origin also says what it denies.
func kindsOf(l *Ledger, lay *position.Layout, v *voices) (conflict, self, negation bool) {
	ps := lay.Positions
	if lay.NPlain >= 2 {
		seen := map[string]int{} // origin -> rank of the first position it sits in
		for r := range lay.NPlain {
			for _, i := range ps[r].Members {
				o := v.origin(l, i)
				if q, ok := seen[o]; !ok {
					seen[o] = r
				} else if q != r {
					self = true
				}
			}
		}
		conflict = len(seen) >= 2
	}
	if len(ps) == lay.NPlain {
		return conflict, self, false
	}
	// Every denial position hits at least one position (a denial that hits
	// none is vague), so any makes a negation.
	negation = true
	ranks := map[string][]int{} // origin -> ranks of the positions it sits in
	for r := range lay.NPlain {
		for _, i := range ps[r].Members {
			o := v.origin(l, i)
			if rs := ranks[o]; len(rs) == 0 || rs[len(rs)-1] != r {
				ranks[o] = append(rs, r)
			}
		}
	}
	for _, p := range ps[lay.NPlain:] {
		for _, i := range p.Members {
			rs := ranks[v.origin(l, i)]
			if k, _ := slices.BinarySearch(rs, p.HitLo); k < len(rs) && rs[k] < p.HitHi {
				self = true
			}
		}
	}
	return conflict, self, negation
}

// markHits sets hitBy on every position that holds a value some denial
// hits, in one pass over the denials' ranges.
func markHits(ps []Position, nPlain int) {
	if len(ps) == nPlain {
		return
	}
	depth := make([]int, nPlain+1)
	for _, p := range ps[nPlain:] {
		depth[p.hitLo]++
		depth[p.hitHi]--
	}
	n := 0
	for r := range nPlain {
		n += depth[r]
		ps[r].hitBy = n > 0
	}
}

// sideOrigins weighs the independent origins on every side of a dispute,
// each once however many sides it takes, an anonymous one counting half.
func sideOrigins(l *Ledger, ps []Position) float64 {
	seen := map[string]bool{}
	total := 0.0
	for _, p := range ps {
		for _, o := range p.OriginIDs {
			if seen[o] {
				continue
			}
			seen[o] = true
			if s := l.Sources.Get(o); s != nil && s.Anonymous() {
				total += 0.5
			} else {
				total++
			}
		}
	}
	return total
}

// vagueClaims describes the vague claims of a dispute and the positions
// each fits: a figure, those whose common sets it meets, in value order; a
// denial of what nobody says, every position.
func (a *Analysis) vagueClaims(drafts []position.Vague, ps []Position, nPlain int) []VagueClaim {
	if len(drafts) == 0 {
		return nil
	}
	l := a.Ledger
	byRank := make([]int, nPlain)
	for pi, p := range ps {
		if p.rank >= 0 {
			byRank[p.rank] = pi
		}
	}
	out := make([]VagueClaim, 0, len(drafts))
	for _, vd := range drafts {
		c := &l.Claims[vd.Member]
		v := VagueClaim{Claim: c.ID, Source: c.Source, Value: c.Value.Raw, Denies: c.Denies, Quote: c.Quote,
			Chain: sources.ChainString(l.Sources.Chain(c.Source, c.Via)), Fits: []string{}, member: vd.Member}
		n := vd.Hi - vd.Lo
		if vd.Ranks != nil {
			n = len(vd.Ranks)
			for _, r := range vd.Ranks[:min(n, MaxFits)] {
				v.Fits = append(v.Fits, ps[byRank[r]].Common)
			}
		} else if vd.All {
			n = len(ps)
			for k := range min(n, MaxFits) {
				v.Fits = append(v.Fits, ps[k].Common)
			}
		} else {
			for r := vd.Lo; r < vd.Hi && len(v.Fits) < MaxFits; r++ {
				v.Fits = append(v.Fits, ps[byRank[r]].Common)
			}
		}
		v.MoreFits = n - len(v.Fits)
		out = append(out, v)
	}
	return out
}

// fill works out what people read about a position: values, sources,
// independent origins, chains and quotes.
func (a *Analysis) fill(p *Position, vals *values, v *voices) {
	l := a.Ledger
	seenValue, seenChain := map[string]bool{}, map[string]bool{}
	anonymous := map[string]bool{}
	// relays are the sources the claims passed through on the way from
	// their origins: every id of a chain but its origin.
	relays := map[string]bool{}
	for _, i := range p.members {
		c := &l.Claims[i]
		p.Claims = append(p.Claims, c.ID)
		if raw := c.Value.Raw; !seenValue[raw] {
			seenValue[raw] = true
			p.Values = append(p.Values, raw)
		}
		ids := l.Sources.Chain(c.Source, c.Via)
		if chain := sources.ChainString(ids); !seenChain[chain] {
			seenChain[chain] = true
			p.Chains = append(p.Chains, chain)
		}
		origin := v.origin(l, i)
		for _, id := range ids {
			if id != origin {
				relays[id] = true
			}
		}
		if c.Quote != "" {
			p.Quotes = append(p.Quotes, Quote{Claim: c.ID, Source: c.Source, Text: c.Quote})
		}
		if s := l.Sources.Get(c.Source); s != nil && s.Anonymous() {
			anonymous[c.Source] = true
		}
	}
	p.Value = headOf(l, p.members, relays)
	common := p.common
	if len(p.members) == 1 {
		common = vals.at(p.members[0])
	} else if figure.IsNumeric(common.Type) {
		common = showHead(common, p.Value, l, p.members, vals)
	}
	p.Common = common.String()
	sup := l.Sources.Support(attributions(l, p.members, v))
	p.Sources, p.Reach = sup.ReachIDs, sup.Reach
	p.OriginIDs = ownOrigins(sup.OriginIDs, relays)
	p.Origins = len(p.OriginIDs)
	for _, o := range p.OriginIDs {
		if anonymous[o] {
			p.Strength += 0.5
		} else {
			p.Strength++
		}
	}
}
