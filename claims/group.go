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
	if t := c.TopicRef; t != nil && t.Changes {
		return cmp.Or(c.AsOf, c.Date)
	}
	return ""
}

// ByTopic buckets the claims keep accepts by topic in linear time, a
// counting sort on the topic's place in TopicOrder: the claims of topic t
// are idx[starts[t]:starts[t+1]], in ledger order.
func ByTopic[I int | int32](l *Ledger, keep func(i int) bool) (starts []int, idx []I) {
	starts = make([]int, len(l.TopicOrder)+1)
	n := 0
	for i := range l.Claims {
		if keep(i) {
			starts[l.Claims[i].TopicRef.index+1]++
			n++
		}
	}
	for t := 1; t < len(starts); t++ {
		starts[t] += starts[t-1]
	}
	idx = make([]I, n)
	fill := slices.Clone(starts[:len(starts)-1])
	for i := range l.Claims {
		if keep(i) {
			t := l.Claims[i].TopicRef.index
			idx[fill[t]] = I(i)
			fill[t]++
		}
	}
	return starts, idx
}

// groupClaims sorts comparable claims into groups that may dispute: same
// topic, context and moment, and for money the same currency (currencies
// are never converted, so different ones cannot be compared).
func groupClaims(l *Ledger, vals *values) [][]int {
	// Claims go into buckets by topic first, in linear time (a counting
	// sort on the topic's index); only a topic whose claims differ in
	// context, moment or currency needs a real sort, and only of its own.
	type key struct{ context, moment, currency string }
	starts, idx := ByTopic[int](l, vals.comparable)
	keyOf := func(i int) key {
		c := &l.Claims[i]
		return key{c.Context, moment(l, c), vals.at(i).Currency}
	}
	var groups [][]int
	for t := 0; t+1 < len(starts); t++ {
		bucket := idx[starts[t]:starts[t+1]:starts[t+1]]
		if len(bucket) < 2 {
			continue
		}
		first := keyOf(bucket[0])
		same := true
		for _, i := range bucket[1:] {
			if keyOf(i) != first {
				same = false
				break
			}
		}
		if same {
			groups = append(groups, bucket)
			continue
		}
		slices.SortStableFunc(bucket, func(x, y int) int {
			a, b := keyOf(x), keyOf(y)
			return cmp.Or(strings.Compare(a.context, b.context), strings.Compare(a.moment, b.moment), strings.Compare(a.currency, b.currency))
		})
		for start := 0; start < len(bucket); {
			end := start + 1
			k := keyOf(bucket[start])
			for end < len(bucket) && keyOf(bucket[end]) == k {
				end++
			}
			if end-start > 1 {
				groups = append(groups, bucket[start:end:end])
			}
			start = end
		}
	}
	return groups
}
