// Package suggest finds the name a user most likely meant, for "did you
// mean" hints on unknown fields, topics and sources.
package suggest

import (
	"fmt"
	"strings"
)

// Nearest returns the candidate within maxDist edits of name, the closest
// first and the alphabetically first among equals; "" if there is none.
func Nearest(name string, candidates []string, maxDist int) string {
	best, bestDist := "", maxDist+1
	for _, c := range candidates {
		if c == name || abs(len(c)-len(name)) > maxDist {
			continue
		}
		if d := Distance(name, c, maxDist); d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	if bestDist > maxDist {
		return ""
	}
	return best
}

// Field suggests the nearest known field name, or lists them all.
func Field(name string, known []string) string {
	if near := Nearest(name, known, 2); near != "" {
		return fmt.Sprintf("did you mean %q?", near)
	}
	return "known fields: " + strings.Join(known, ", ")
}

// Distance is the edit distance counting a swap of two neighbouring
// letters as one edit, as typists make them ("qoute" is one edit from
// "quote", not two), or a number above limit once it is sure to exceed it.
func Distance(a, b string, limit int) int {
	return Edits([]rune(a), []rune(b), limit, true)
}

// Edits is the number of insertions, deletions and substitutions that
// turn a into b, and when swaps is set, of swaps of two neighbours, each
// one edit; or a number above limit once it is sure to exceed it (a
// negative limit sets none). It is the one edit distance: of letters for
// hints, of words for aligning a quote with its source.
func Edits[T comparable](a, b []T, limit int, swaps bool) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if swaps && i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if limit >= 0 && rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
