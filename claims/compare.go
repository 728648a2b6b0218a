package claims

import (
	"cmp"
	"math"
	"slices"

	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/sources"
)

// compare builds the positions of one group's live claims and returns the
// dispute, if any two positions conflict.
func (a *Analysis) compare(group, live []int, vals *values, refs map[int]relativeRef) (Dispute, bool) {
	if len(live) < 2 {
		return Dispute{}, false
	}
	var plain, denials []int
	for _, i := range live {
		if vals.at(i).Negated {
			denials = append(denials, i)
		} else {
			plain = append(plain, i)
		}
	}
	positions := sweep(plain, vals)
	nPlain := len(positions)
	positions = append(positions, groupDenials(denials, vals)...)

	// conflicts[i][j] is true when positions i and j cannot both be right.
	// Plain positions from the sweep all conflict with each other; a
	// denial conflicts with the plain positions it denies.
	conflicts := func(i, j int) bool {
		if i < nPlain && j < nPlain {
			return i != j
		}
		if i >= nPlain && j >= nPlain {
			return false
		}
		return !value.Meets(positions[i].common, positions[j].common)
	}
	kinds := map[Kind]bool{}
	l := a.Ledger
	for i := range positions {
		for j := i + 1; j < len(positions); j++ {
			if !conflicts(i, j) {
				continue
			}
			if i >= nPlain || j >= nPlain {
				kinds[KindNegation] = true
				continue
			}
			if sharesOrigin(l, positions[i].members, positions[j].members) {
				kinds[KindSelf] = true
			}
			if !sameSingleOrigin(l, positions[i].members, positions[j].members) {
				kinds[KindConflict] = true
			}
		}
	}
	if len(kinds) == 0 {
		return Dispute{}, false
	}
	first := &l.Claims[live[0]]
	d := Dispute{Topic: first.Topic, Context: first.Context, Moment: moment(l, first)}
	if t := l.Topics[first.Topic]; t != nil {
		d.Question = t.Question
	}
	for _, k := range Kinds {
		if kinds[k] {
			d.Kinds = append(d.Kinds, k)
		}
	}
	for p := range positions {
		a.fill(&positions[p], vals)
		for _, i := range positions[p].members {
			a.disputedClaims[i] = true
		}
	}
	slices.SortStableFunc(positions, func(x, y Position) int {
		return cmp.Or(cmp.Compare(y.Strength, x.Strength), cmp.Compare(len(y.members), len(x.members)))
	})
	d.Positions = positions
	d.Arithmetic = arithmetic(l, positions, vals, refs)
	rate(&d, l)
	return d, true
}

// sweep groups plain claims into positions of mutually compatible claims.
// For numeric sets it sorts by lower bound and keeps the running common
// interval; a claim that does not meet it starts a new position (and must
// conflict with the claim that set the interval's upper end). Words group
// by their normalised form.
func sweep(idx []int, vals *values) []Position {
	if len(idx) == 0 {
		return nil
	}
	if !isNumeric(vals.at(idx[0]).Type) {
		byAtom := map[string]int{}
		var out []Position
		for _, i := range idx {
			v := vals.at(i)
			p, ok := byAtom[v.Atom]
			if !ok {
				p = len(out)
				byAtom[v.Atom] = p
				out = append(out, Position{common: v})
			}
			out[p].members = append(out[p].members, i)
		}
		return out
	}
	sorted := slices.Clone(idx)
	slices.SortFunc(sorted, func(x, y int) int {
		a, b := vals.at(x), vals.at(y)
		return cmp.Or(cmp.Compare(a.Lo, b.Lo), cmp.Compare(a.Hi, b.Hi), cmp.Compare(x, y))
	})
	var out []Position
	for _, i := range sorted {
		v := vals.at(i)
		if n := len(out); n > 0 && value.Meets(out[n-1].common, v) {
			p := &out[n-1]
			p.common = intersect(p.common, v)
			p.members = append(p.members, i)
			continue
		}
		out = append(out, Position{common: v, members: []int{i}})
	}
	return out
}

// intersect narrows a to the part it shares with b (both numeric, meeting).
func intersect(a, b value.Value) value.Value {
	out := a
	out.Raw = ""
	if b.Lo > a.Lo || b.Lo == a.Lo && b.LoOpen {
		out.Lo, out.LoOpen = b.Lo, b.LoOpen
	}
	if b.Hi < a.Hi || b.Hi == a.Hi && b.HiOpen {
		out.Hi, out.HiOpen = b.Hi, b.HiOpen
	}
	// The figure shown is one a claim wrote: inside the common set when
	// one is, else the first claim's, since tolerances may leave a common
	// set that holds neither figure.
	inside := func(x float64) bool { return !math.IsNaN(x) && x >= out.Lo && x <= out.Hi }
	if !inside(out.Nominal) && (inside(b.Nominal) || math.IsNaN(out.Nominal)) {
		out.Nominal = b.Nominal
	}
	out.Approx = a.Approx && b.Approx
	return out
}

// groupDenials makes one position per distinct denied value.
func groupDenials(idx []int, vals *values) []Position {
	var out []Position
next:
	for _, i := range idx {
		v := vals.at(i)
		for p := range out {
			if value.Same(out[p].common, v) {
				out[p].members = append(out[p].members, i)
				continue next
			}
		}
		out = append(out, Position{common: v, members: []int{i}, Denies: true})
	}
	return out
}

func isNumeric(t value.Type) bool {
	switch t {
	case value.Bool, value.Choice, value.Text:
		return false
	}
	return true
}

func sharesOrigin(l *Ledger, a, b []int) bool {
	seen := map[string]bool{}
	for _, i := range a {
		seen[l.Claims[i].Source] = true
	}
	for _, i := range b {
		if seen[l.Claims[i].Source] {
			return true
		}
	}
	return false
}

// sameSingleOrigin is true when every claim on both sides comes from one
// origin, which makes the disagreement only a self-contradiction.
func sameSingleOrigin(l *Ledger, a, b []int) bool {
	origin := l.Claims[a[0]].Source
	for _, i := range append(slices.Clone(a), b...) {
		if l.Claims[i].Source != origin {
			return false
		}
	}
	return true
}

// fill works out what people read about a position: values, sources,
// independent origins, chains and quotes.
func (a *Analysis) fill(p *Position, vals *values) {
	l := a.Ledger
	atts := make([]sources.Attribution, 0, len(p.members))
	seenValue, seenChain := map[string]bool{}, map[string]bool{}
	anonymous := map[string]bool{}
	for _, i := range p.members {
		c := &l.Claims[i]
		p.Claims = append(p.Claims, c.ID)
		if raw := c.Value.Raw; !seenValue[raw] {
			seenValue[raw] = true
			p.Values = append(p.Values, raw)
		}
		atts = append(atts, sources.Attribution{Origin: c.Source, Via: c.Via})
		if chain := sources.ChainString(l.Sources.Chain(c.Source, c.Via)); !seenChain[chain] {
			seenChain[chain] = true
			p.Chains = append(p.Chains, chain)
		}
		if c.Quote != "" {
			p.Quotes = append(p.Quotes, Quote{Claim: c.ID, Source: c.Source, Text: c.Quote})
		}
		if s := l.Sources.Get(c.Source); s != nil && s.Anonymous() {
			anonymous[c.Source] = true
		}
	}
	p.Value = p.Values[0]
	common := p.common
	if len(p.members) == 1 {
		common = vals.at(p.members[0])
	}
	p.Common = common.String()
	sup := l.Sources.Support(atts)
	p.Sources, p.Origins, p.OriginIDs, p.Reach = sup.ReachIDs, sup.Origins, sup.OriginIDs, sup.Reach
	for _, o := range sup.OriginIDs {
		if anonymous[o] {
			p.Strength += 0.5
		} else {
			p.Strength++
		}
	}
}
