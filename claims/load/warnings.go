package load

import (
	"fmt"
	"runtime"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parallel"
	"github.com/claimdiff/claimdiff/internal/suggest"
)

// Warnings finds what is legal but probably a mistake: a topic spelt
// slightly wrong, a source nobody cites, a claim nobody dated. Only lint
// asks, so other commands do not pay for it.
func Warnings(l *claims.Ledger) []diag.Problem {
	// Each core counts its share of the claims; topics are counted by
	// their place in TopicOrder, as a million claims on a quarter of a
	// million topics would spend most of lint in a map.
	size := max(4096, len(l.Claims)/runtime.GOMAXPROCS(0)+1)
	parts := make([]claimWarnings, (len(l.Claims)+size-1)/size)
	parallel.Chunked(len(l.Claims), size, func() func(c, from, to int) {
		return func(c, from, to int) { parts[c] = countClaims(l, from, to) }
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

func countClaims(l *claims.Ledger, from, to int) claimWarnings {
	w := claimWarnings{uses: make([]int32, len(l.TopicOrder)), first: make([]int32, len(l.TopicOrder)), cited: map[string]bool{}}
	var lastSource string
	for i := from; i < to; i++ {
		c := &l.Claims[i]
		if t := c.TopicRef; t != nil && t.Index() < len(w.uses) {
			if w.uses[t.Index()] == 0 {
				w.first[t.Index()] = int32(i)
			}
			w.uses[t.Index()]++
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

// typos finds topics used once that are a small edit away from another
// topic, likely a misspelling of it. Candidates come from a symmetric
// one-deletion index, so the search stays linear in the number of topics
// (a pairwise scan would be quadratic on a big ledger); each candidate is
// then confirmed by edit distance. The index holds the suspects, which are
// few, rather than the established topics, which may be a quarter of a
// million: each established topic's deletions are then only looked up.
func typos(l *claims.Ledger, uses []int, first func(topic int) diag.Pos) []diag.Problem {
	// The topics in order, found by walking the map once rather than
	// looking each of a quarter of a million up.
	topics := make([]*claims.Topic, len(l.TopicOrder))
	for _, t := range l.Topics {
		if t.Index() < len(topics) {
			topics[t.Index()] = t
		}
	}
	var suspects []*claims.Topic
	index := map[string][]int{}
	for _, t := range topics {
		if uses[t.Index()] == 1 && !t.Declared {
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
		if uses[t.Index()] < 2 && !t.Declared {
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
		if near := suggest.Nearest(t.ID, candidates[s], 2); near != "" {
			out = append(out, diag.Problem{Pos: first(t.Index()), Severity: diag.Warning, Code: "likely-typo",
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
