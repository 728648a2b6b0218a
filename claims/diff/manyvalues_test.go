package diff

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
)

// manyValues is one topic with n distinct values from 64 sources; shift
// moves the first value, so a diff of two of them changes one claim.
func manyValues(n, shift int) []byte {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n")
	for s := range 64 {
		fmt.Fprintf(&b, "  s%d: {name: Source %d, kind: outlet}\n", s, s)
	}
	b.WriteString("topics:\n  toll: {type: number}\nclaims:\n")
	for i := range n {
		v := 1000 + 10*i
		if i == 0 {
			v += shift
		}
		fmt.Fprintf(&b, "  - {id: c%d, topic: toll, value: %d, source: s%d, date: 2025-11-20}\n", i, v, i%64)
	}
	return []byte(b.String())
}

// BenchmarkManyValues measures a diff of one topic with many distinct
// values that moves one of them. Run with:
// go test ./claims/diff -run '^$' -bench ManyValues -benchtime 1x
func BenchmarkManyValues(b *testing.B) {
	opts := claims.Options{Today: time.Unix(0, 0)}
	for _, n := range []int{10_000, 40_000, 160_000} {
		before := load.Bytes("before.yaml", manyValues(n, 0))
		after := load.Bytes("after.yaml", manyValues(n, 1))
		b.Run(fmt.Sprintf("values=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Ledgers(before, after, opts)
			}
		})
	}
}
