package claims

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value"
)

// values gives each claim's comparable value: its own, or for a relative
// claim the value resolved against the topic it refers to. Only relative
// claims are stored apart, so a big ledger is not copied.
type values struct {
	l        *Ledger
	resolved map[int]value.Value
}

func (v *values) at(i int) value.Value {
	if r, ok := v.resolved[i]; ok {
		return r
	}
	return v.l.Claims[i].Value
}

// comparable reports whether claim i takes part in comparison at all.
func (v *values) comparable(i int) bool {
	c := &v.l.Claims[i]
	if c.Value.Ref != "" {
		_, ok := v.resolved[i]
		return ok
	}
	return c.Value.Type != ""
}

// moment is what a claim of a changing topic is about: its as_of, or else
// its date. Claims about different moments are never compared.
func moment(l *Ledger, c *Claim) string {
	if t := l.Topics[c.Topic]; t != nil && t.Changes {
		return cmp.Or(c.AsOf, c.Date)
	}
	return ""
}

// groupClaims sorts comparable claims into groups that may dispute: same
// topic, context and moment, and for money the same currency (currencies
// are never converted, so different ones cannot be compared).
func groupClaims(l *Ledger, vals *values) [][]int {
	// Keys are worked out once per claim, not once per comparison.
	type key struct{ topic, context, moment, currency string }
	keys := make([]key, len(l.Claims))
	idx := make([]int, 0, len(l.Claims))
	for i := range l.Claims {
		if vals.comparable(i) {
			c := &l.Claims[i]
			keys[i] = key{c.Topic, c.Context, moment(l, c), vals.at(i).Currency}
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(x, y int) int {
		a, b := &keys[x], &keys[y]
		return cmp.Or(strings.Compare(a.topic, b.topic), strings.Compare(a.context, b.context),
			strings.Compare(a.moment, b.moment), strings.Compare(a.currency, b.currency), cmp.Compare(x, y))
	})
	var groups [][]int
	for start := 0; start < len(idx); {
		end := start + 1
		for end < len(idx) && keys[idx[end]] == keys[idx[start]] {
			end++
		}
		if end-start > 1 {
			groups = append(groups, idx[start:end:end])
		}
		start = end
	}
	return groups
}

// supersede drops, for each origin, its claims from earlier dates than its
// latest in the group: the same origin saying something new later revises
// itself, which is shown in history but never flagged. Undated claims are
// never superseded, since nothing says which came first.
func (a *Analysis) supersede(group []int) []int {
	l := a.Ledger
	latest := map[string]int{} // origin -> claim index of its latest dated claim
	for _, i := range group {
		c := &l.Claims[i]
		if c.Date == "" {
			continue
		}
		if j, ok := latest[c.Source]; !ok || l.Claims[j].Date < c.Date {
			latest[c.Source] = i
		}
	}
	live := make([]int, 0, len(group))
	for _, i := range group {
		c := &l.Claims[i]
		if j, ok := latest[c.Source]; ok && c.Date != "" && c.Date < l.Claims[j].Date {
			a.Superseded[i] = j
			continue
		}
		live = append(live, i)
	}
	return live
}
