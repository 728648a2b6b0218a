package main

import (
	"fmt"
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// sayNoValues counts the claims whose source says it has no value: they
// are not problems, but a feed of mostly "N/A" is worth knowing about.
func sayNoValues(ios *iostreams.IOStreams, l *claims.Ledger) {
	n := 0
	for i := range l.Claims {
		if l.Claims[i].NoValue {
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(ios.ErrOut, "claimdiff lint: %s give no value (N/A, TBD, no_value: words); they are listed, never compared\n",
			render.Plural(n, "claim"))
	}
}

// sayPatterns tells which topics: patterns typed how many topics, so that
// a pattern that matches nothing, or far more than meant, shows up.
func sayPatterns(ios *iostreams.IOStreams, l *claims.Ledger) {
	count := map[string]int{}
	first := map[string]string{}
	for _, id := range l.TopicOrder {
		if p := l.Topics[id].Pattern; p != "" {
			if count[p] == 0 {
				first[p] = id
			}
			count[p]++
		}
	}
	var patterns []string
	for p := range count {
		patterns = append(patterns, p)
	}
	slices.Sort(patterns)
	for _, p := range patterns {
		fmt.Fprintf(ios.ErrOut, "claimdiff lint: pattern %q typed %s (first %s)\n",
			safetext.Line(p), render.Plural(count[p], "topic"), safetext.Line(first[p]))
	}
}
