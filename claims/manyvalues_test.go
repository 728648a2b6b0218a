package claims_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	. "github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
)

// manyValues writes a ledger with one topic on which n claims each give a
// different figure, from 64 sources on one date: the worst case for the
// engine, since every claim is a position of its own. shift moves one
// claim's figure, so that a diff has something to find.
func manyValues(n, shift int) []byte {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n")
	for s := range 64 {
		fmt.Fprintf(&b, "  s%d: {name: Source %d, kind: outlet}\n", s, s)
	}
	b.WriteString("topics:\n  toll: {type: number}\nclaims:\n")
	for i := range n {
		v := 1000 + 3*i
		if i == n/2 {
			v += shift
		}
		fmt.Fprintf(&b, "  - {id: c%d, topic: toll, value: %d, source: s%d, date: 2025-11-20}\n", i, v, i%64)
	}
	return []byte(b.String())
}

// BenchmarkManyValues measures the analysis of one topic with many
// distinct values (claims/diff measures a diff of it). Run with:
// go test ./claims -run '^$' -bench ManyValues -benchtime 1x
func BenchmarkManyValues(b *testing.B) {
	opts := Options{Today: time.Unix(0, 0)}
	for _, n := range []int{10_000, 40_000, 160_000} {
		before := load.Bytes("before.yaml", manyValues(n, 0))
		b.Run(fmt.Sprintf("analyze/values=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Analyze(before, opts)
			}
		})
	}
}
