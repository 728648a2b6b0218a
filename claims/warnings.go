package claims

import (
	"fmt"
	"runtime"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// Warnings finds what is legal but probably a mistake: a topic spelt
// slightly wrong, a source nobody cites, a claim nobody dated. Only lint
// asks, so other commands do not pay for it.
func (l *Ledger) Warnings() []diag.Problem {
	// Each core counts its share of the claims; topics are counted by
	// their place in TopicOrder, as a million claims on a quarter of a
	// million topics would spend most of lint in a map.
	size := max(4096, len(l.Claims)/runtime.GOMAXPROCS(0)+1)
	parts := make([]claimWarnings, (len(l.Claims)+size-1)/size)
	chunked(len(l.Claims), size, func() func(c, from, to int) {
		return func(c, from, to int) { parts[c] = l.claimWarnings(from, to) }
	})
	uses := make([]int, len(l.TopicOrder))
	first := make([]int32, len(l.TopicOrder))
	cited := map[string]bool{}
	var out []diag.Problem
	for _, p := range parts {
		for t, n := range p.uses {
			if n > 0 && uses[t] == 0 {
				first[t] = p.first[t]
			}
			uses[t] += int(n)
		}
		for id := range p.cited {
			cited[id] = true
		}
		out = append(out, p.out...)
	}
	for _, s := range l.Sources.All() {
		for _, v := range s.Via {
			cited[v] = true
		}
	}
	for _, s := range l.Sources.All() {
		if !cited[s.ID] {
			out = append(out, diag.Warnf(s.Pos, "unused-source", "source %q is not cited by any claim", s.ID))
		}
	}
	out = append(out, typos(l, uses, func(t int) diag.Pos { return l.Claims[first[t]].Pos })...)
	return out
}

// claimWarnings is what one core found in a share of the claims.
type claimWarnings struct {
	uses  []int32 // claims per topic, by its place in TopicOrder
	first []int32 // each topic's first claim
	cited map[string]bool
	out   []diag.Problem
}

func (l *Ledger) claimWarnings(from, to int) claimWarnings {
	w := claimWarnings{uses: make([]int32, len(l.TopicOrder)), first: make([]int32, len(l.TopicOrder)), cited: map[string]bool{}}
	var lastSource string
	for i := from; i < to; i++ {
		c := &l.Claims[i]
		if t := c.topic; t != nil && t.index < len(w.uses) {
			if w.uses[t.index] == 0 {
				w.first[t.index] = int32(i)
			}
			w.uses[t.index]++
		}
		if c.Source != lastSource {
			w.cited[c.Source], lastSource = true, c.Source
		}
		for _, v := range c.Via {
			w.cited[v] = true
		}
		if c.Date == "" {
			w.out = append(w.out, diag.Problem{Pos: c.Pos, Severity: diag.Warning, Code: "no-date",
				Message: fmt.Sprintf("claim %q has no date", c.ID),
				Hint:    "add date: YYYY-MM-DD, when the source said it, so revisions can be told apart"})
		}
	}
	return w
}

// nearest returns the candidate within maxDist edits of name, the closest
// first and the alphabetically first among equals; "" if there is none.
func nearest(name string, candidates []string, maxDist int) string {
	best, bestDist := "", maxDist+1
	for _, c := range candidates {
		if c == name || abs(len(c)-len(name)) > maxDist {
			continue
		}
		if d := editDistance(name, c, maxDist); d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	if bestDist > maxDist {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance, or a number above limit once it
// is sure to exceed it.
func editDistance(a, b string, limit int) int {
	ar, br := []rune(a), []rune(b)
	prev := make([]int, len(br)+1)
	cur := make([]int, len(br)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ar); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(br); j++ {
			cost := 1
			if ar[i-1] == br[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(br)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// typos finds topics used once that are a small edit away from another
// topic, likely a misspelling of it. Candidates come from a symmetric
// one-deletion index, so the search stays linear in the number of topics
// (a pairwise scan would be quadratic on a big ledger); each candidate is
// then confirmed by edit distance. The index holds the suspects, which are
// few, rather than the established topics, which may be a quarter of a
// million: each established topic's deletions are then only looked up.
func typos(l *Ledger, uses []int, first func(topic int) diag.Pos) []diag.Problem {
	// The topics in order, found by walking the map once rather than
	// looking each of a quarter of a million up.
	topics := make([]*Topic, len(l.TopicOrder))
	for _, t := range l.Topics {
		if t.index < len(topics) {
			topics[t.index] = t
		}
	}
	var suspects []*Topic
	index := map[string][]int{}
	for _, t := range topics {
		if uses[t.index] == 1 && !t.Declared {
			for _, k := range deletions(t.ID) {
				index[k] = append(index[k], len(suspects))
			}
			suspects = append(suspects, t)
		}
	}
	if len(suspects) == 0 {
		return nil
	}
	candidates := make([][]string, len(suspects))
	var key []byte
	for _, t := range topics {
		id := t.ID
		if uses[t.index] < 2 && !t.Declared {
			continue
		}
		for _, s := range index[id] {
			candidates[s] = append(candidates[s], id)
		}
		for i := range id {
			_, size := utf8.DecodeRuneInString(id[i:])
			key = append(append(key[:0], id[:i]...), id[i+size:]...)
			for _, s := range index[string(key)] {
				candidates[s] = append(candidates[s], id)
			}
		}
	}
	var out []diag.Problem
	for s, t := range suspects {
		if near := nearest(t.ID, candidates[s], 2); near != "" {
			out = append(out, diag.Problem{Pos: first(t.index), Severity: diag.Warning, Code: "likely-typo",
				Message: fmt.Sprintf("topic %q is used once and is close to %q", t.ID, near),
				Hint:    fmt.Sprintf("if they are the same topic, write %q", near)})
		}
	}
	return out
}

// deletions is s with each one character removed, and s itself.
func deletions(s string) []string {
	out := []string{s}
	for i := range s {
		_, size := utf8.DecodeRuneInString(s[i:])
		out = append(out, s[:i]+s[i+size:])
	}
	return out
}
