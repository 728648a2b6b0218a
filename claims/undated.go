package claims

import (
	"slices"
	"strings"
	"unicode"
)

// originRun is one origin's dated claims in a group: where they lie in
// reviser.dated, and whether any is the origin's own (no via).
type originRun struct {
	start, end int
	direct     bool
}

// originRuns finds each origin's run in rv.dated, which is in origin and
// date order, once for all the group's undated claims.
func (rv *reviser) originRuns(l *Ledger) map[string]originRun {
	runs := map[string]originRun{}
	for start := 0; start < len(rv.dated); {
		src := l.Claims[rv.dated[start]].Source
		r := originRun{start: start, end: start}
		for r.end < len(rv.dated) && l.Claims[rv.dated[r.end]].Source == src {
			r.direct = r.direct || len(l.Claims[rv.dated[r.end]].Via) == 0
			r.end++
		}
		runs[src] = r
		start = r.end
	}
	return runs
}

// undatedReviser returns the claim that revised u, an undated claim, or
// -1. A figure given without a day says nothing of when it was said, and
// so revises nothing; but one whose own words place it in its origin's
// past ("originally reported at 587", "not the 300-350,000 that I had
// settled on") was said before the origin's record, and its origin's last
// word revises it: when every one of the origin's claims of its latest
// day revises u as a later claim would, the first of them did; when any
// of them still allows u, it stands. As for dated claims, an origin heard
// directly is revised only by its own words (rule 9a). runs holds each
// origin's dated claims of the group (originRuns).
func (rv *reviser) undatedReviser(l *Ledger, u int, vals *values, runs map[string]originRun) int {
	c := &l.Claims[u]
	if c.Date != "" || !saysEarlier(c.Quote) {
		return -1
	}
	or, ok := runs[c.Source]
	if !ok {
		return -1
	}
	run := rv.dated[or.start:or.end]
	direct := len(c.Via) == 0 || or.direct
	last, q := -1, -1
	pair := [2]int{u, 0}
	for k := len(run) - 1; k >= 0 && len(run)-k <= maxDirectLook; k-- {
		i := run[k]
		if direct && len(l.Claims[i].Via) > 0 {
			continue
		}
		if last >= 0 && !vals.sameWhen(i, last) {
			break
		}
		last = i
		pair[1] = i
		if firstRevisers(l, pair[:], vals, rv.brute)[0] != 1 {
			return -1
		}
		q = i
	}
	return q
}

// earlierWords are the words with which a report places a figure in its
// origin's past. Only these count: a pluperfect alone ("had watched") is
// how reports tell any past, not a sign that a figure was replaced.
var earlierWords = [][]string{
	{"originally"}, {"initially"}, {"previously"}, {"formerly"}, {"earlier"},
	{"at", "first"}, {"first", "reported"}, {"first", "estimated"},
	{"had", "settled"}, {"had", "said"}, {"had", "put"}, {"had", "reported"},
	{"had", "given"}, {"had", "estimated"}, {"had", "announced"},
}

// saysEarlier reports whether a quote places its figure in its origin's
// past: it holds one of earlierWords, as whole words.
func saysEarlier(quote string) bool {
	words := quoteWords(quote)
	for i := range words {
		for _, w := range earlierWords {
			if i+len(w) <= len(words) && slices.Equal(words[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// quoteWords are a quote's words, in lower case.
func quoteWords(quote string) []string {
	if quote == "" {
		return nil
	}
	return strings.FieldsFunc(strings.ToLower(quote), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	})
}
