package diff

import (
	"fmt"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/claims/load"
)

// BenchmarkManyValues measures a diff of one topic with many distinct
// values that moves one of them. Run with:
// go test ./claims/diff -run '^$' -bench ManyValues -benchtime 1x
func BenchmarkManyValues(b *testing.B) {
	opts := claims.Options{Today: time.Unix(0, 0)}
	for _, n := range []int{10_000, 40_000, 160_000} {
		before := load.Bytes("before.yaml", claimstest.ManyValues(n, 0))
		after := load.Bytes("after.yaml", claimstest.ManyValues(n, 1))
		b.Run(fmt.Sprintf("values=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Ledgers(before, after, opts)
			}
		})
	}
}
