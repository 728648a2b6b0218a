package claims

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// undatedReviser returns the claim that revised u, an undated claim, or
// -1. A figure given without a day says nothing of when it was said, and
// so revises nothing; but one whose own words place it in its origin's
// past ("originally reported at 587", "not the 300-350,000 that I had
// settled on") was said before the origin's record, and its origin's last
// word revises it: when every one of the origin's claims of its latest
// day revises u as a later claim would, the first of them did; when any
// of them still allows u, it stands. As for dated claims, an origin heard
// directly is revised only by its own words (rule 9a). rv.dated holds
// the group's dated claims in origin and date order.
func (rv *reviser) undatedReviser(l *Ledger, u int, vals *values) int {
	c := &l.Claims[u]
	if c.Date != "" || !saysEarlier(c.Quote) {
		return -1
	}
	src := func(j int) string { return l.Claims[rv.dated[j]].Source }
	start := sort.Search(len(rv.dated), func(j int) bool { return src(j) >= c.Source })
	end := start
	for end < len(rv.dated) && src(end) == c.Source {
		end++
	}
	run := rv.dated[start:end]
	direct := len(c.Via) == 0 || slices.ContainsFunc(run, func(i int) bool { return len(l.Claims[i].Via) == 0 })
	last, q := "", -1
	pair := [2]int{u, 0}
	for k := len(run) - 1; k >= 0 && len(run)-k <= maxDirectLook; k-- {
		i := run[k]
		if direct && len(l.Claims[i].Via) > 0 {
			continue
		}
		if last != "" && l.Claims[i].Date != last {
			break
		}
		last = l.Claims[i].Date
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
	if quote == "" {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(quote), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	})
	for i := range words {
		for _, w := range earlierWords {
			if i+len(w) <= len(words) && slices.Equal(words[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}
