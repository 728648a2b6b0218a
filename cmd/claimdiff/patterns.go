package main

import (
	"fmt"
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

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
