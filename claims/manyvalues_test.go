package claims_test

import (
	"fmt"
	"testing"
	"time"

	. "github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/claims/load"
)

// BenchmarkManyValues measures the analysis of one topic with many
// distinct values (claims/diff measures a diff of it). Run with:
// go test ./claims -run '^$' -bench ManyValues -benchtime 1x
func BenchmarkManyValues(b *testing.B) {
	opts := Options{Today: time.Unix(0, 0)}
	for _, n := range []int{10_000, 40_000, 160_000} {
		before := load.Bytes("before.yaml", claimstest.ManyValues(n, 0))
		b.Run(fmt.Sprintf("analyze/values=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Analyze(before, opts)
			}
		})
	}
}
