// Package complete says what the shell may offer for a flag that names
// something in the ledger: its topics, sources and context pairs, and
// those that start with what was typed.
package complete

import (
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
)

// Match is the names that start with what was typed, once each. split
// says the value is a comma-separated list, so the word being completed
// is the text after the last comma, and what comes before is kept.
func Match(names []string, typed string, split bool) []string {
	before, word := "", typed
	if i := strings.LastIndexByte(typed, ','); split && i >= 0 {
		before, word = typed[:i+1], typed[i+1:]
	}
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, word) {
			out = append(out, before+n)
		}
	}
	return slices.Compact(out)
}

// Topics lists the ledger's topics in the order first seen.
func Topics(l *claims.Ledger) []string { return l.TopicOrder }

// Sources lists the ledger's sources by id, in definition order.
func Sources(l *claims.Ledger) []string {
	var ids []string
	for _, s := range l.Sources.All() {
		ids = append(ids, s.ID)
	}
	return ids
}

// ContextPairs lists every key=value pair of the claims' contexts, in
// the order the ledger first has them.
func ContextPairs(l *claims.Ledger) []string {
	seen, have := map[string]bool{}, map[string]bool{}
	var pairs []string
	for i := range l.Claims {
		ctx := l.Claims[i].Context
		if ctx == "" || seen[ctx] {
			continue
		}
		seen[ctx] = true
		for _, kv := range claims.ContextPairs(ctx) {
			if p := kv[0] + "=" + kv[1]; !have[p] {
				have[p] = true
				pairs = append(pairs, p)
			}
		}
	}
	return pairs
}
