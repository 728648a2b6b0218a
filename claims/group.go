package claims

import (
	"cmp"
	"iter"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/parallel"
)

// values gives each claim's comparable value: its own, or for a relative
// claim the value resolved against the topic it refers to. Only relative
// claims are stored apart, so a big ledger is not copied.
type values struct {
	l        *Ledger
	resolved map[int]value.Value
	// step places a claim among its origin's claims of the same day on a
	// running count, where the day gives no time (see orderDay); a claim
	// without one is at 0. It is made before groups are revised, on every
	// core at once, each writing only its own claims' places; nil when the
	// ledger has no running count.
	step []int32
}

// At and Source are what the positioner reads (position.Values).
func (v *values) At(i int) value.Value { return v.at(i) }

func (v *values) Source(i int) string { return v.l.Claims[i].Source }

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

// GroupKey names the claims that are compared with one another: one
// topic, in one context, at one moment. Disputes and likely values are
// each about one group, so a ledger split by group can be judged group
// by group.
type GroupKey struct{ Topic, Context, Moment string }

// GroupOf is the group claim c is compared in.
func (l *Ledger) GroupOf(c *Claim) GroupKey {
	return GroupKey{Topic: c.Topic, Context: c.Context, Moment: moment(l, c)}
}

// String joins the key's parts with NUL, which no id, context or date
// holds, so that keys sort as the groups do.
func (k GroupKey) String() string { return k.Topic + "\x00" + k.Context + "\x00" + k.Moment }

// Key is all that separates claims that are compared: their group, and
// for money the currency, since currencies are never converted. A
// relative claim's currency is known only once the analysis has resolved
// it, so GroupKey, which splits a ledger before any analysis, leaves the
// currency out: a part holds every currency of its groups, and Groups
// parts them.
type Key struct {
	GroupKey
	Currency string
}

// Compare orders keys as Groups yields the groups of one topic.
func (k Key) Compare(o Key) int {
	return cmp.Or(strings.Compare(k.Topic, o.Topic), strings.Compare(k.Context, o.Context),
		strings.Compare(k.Moment, o.Moment), strings.Compare(k.Currency, o.Currency))
}

// KeyOf is the key claim i is compared under, with its comparable value's
// currency.
func (a *Analysis) KeyOf(i int) Key { return a.vals.key(i) }

func (v *values) key(i int) Key {
	return Key{v.l.GroupOf(&v.l.Claims[i]), v.at(i).Currency}
}

// Groups sorts the claims keep accepts into the groups that are compared
// (see Key), and yields each group's key and claims, in ledger order.
// Topics come in TopicOrder, and a topic's groups in key order. A group's
// claims are the yielder's to reorder.
func Groups[I int | int32](a *Analysis, keep func(i int) bool) iter.Seq2[Key, []I] {
	return groups[I](a.Ledger, a.vals, keep)
}

// groupClaims gives the groups of comparable claims that may dispute,
// those of two claims or more.
func groupClaims(l *Ledger, vals *values) [][]int {
	var out [][]int
	for _, g := range groups[int](l, vals, vals.comparable) {
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	return out
}

func groups[I int | int32](l *Ledger, vals *values, keep func(i int) bool) iter.Seq2[Key, []I] {
	return func(yield func(Key, []I) bool) {
		// Claims go into buckets by topic first, in linear time (a
		// counting sort on the topic's index); only a topic whose claims
		// differ in context, moment or currency needs a real sort, and
		// only of its own. Each topic's sort reads and reorders only its
		// own bucket, so topics are sorted on every core before the
		// groups are yielded, in the same order.
		starts, idx := ByTopic[I](l, keep)
		keyOf := func(i I) Key { return vals.key(int(i)) }
		ends := make([][]int, len(starts)-1)
		parallel.Chunked(len(ends), 64, func() func(c, from, to int) {
			return func(_, from, to int) {
				for t := from; t < to; t++ {
					ends[t] = splitTopic(idx[starts[t]:starts[t+1]], keyOf)
				}
			}
		})
		for t := range ends {
			bucket := idx[starts[t]:starts[t+1]:starts[t+1]]
			if len(bucket) == 0 {
				continue
			}
			if ends[t] == nil {
				if !yield(keyOf(bucket[0]), bucket) {
					return
				}
				continue
			}
			start := 0
			for _, end := range ends[t] {
				if !yield(keyOf(bucket[start]), bucket[start:end:end]) {
					return
				}
				start = end
			}
		}
	}
}

// splitTopic sorts one topic's claims (bucket, in ledger order) into
// their groups, in key order and each in ledger order, and returns where
// each group ends; nil when they are all one group, left as they are.
func splitTopic[I int | int32](bucket []I, keyOf func(I) Key) []int {
	if len(bucket) < 2 {
		return nil
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
		return nil
	}
	slices.SortFunc(bucket, func(x, y I) int { return cmp.Or(keyOf(x).Compare(keyOf(y)), cmp.Compare(x, y)) })
	var ends []int
	for start := 0; start < len(bucket); {
		k := keyOf(bucket[start])
		end := start + 1
		for end < len(bucket) && keyOf(bucket[end]) == k {
			end++
		}
		ends = append(ends, end)
		start = end
	}
	return ends
}
