package claims_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	. "github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"

	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// The generated ledger must load clean and show the disputes it was made
// with, or the benchmarks below measure the wrong thing.
func TestGeneratedLedger(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.YAML(&buf, gen.Options{Claims: 4000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	l := load.Bytes("gen.yaml", buf.Bytes())
	if diag.HasErrors(l.Problems, false) {
		t.Fatalf("generated ledger has errors: %v", l.Problems[0].Error())
	}
	a := Analyze(l, Options{})
	// 1000 topics, 6% disputed.
	if len(a.Disputes) != 60 {
		t.Fatalf("%d disputes, want 60", len(a.Disputes))
	}
}

// BenchmarkAnalyze measures the comparison engine alone; BenchmarkLoad the
// YAML loader. Run with: go test ./claims -run '^$' -bench . -benchmem
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		l := generated(b, n)
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Analyze(l, Options{Today: time.Unix(0, 0)})
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		var buf bytes.Buffer
		if err := gen.YAML(&buf, gen.Options{Claims: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				load.Bytes("gen.yaml", buf.Bytes())
			}
		})
	}
}

func generated(b *testing.B, n int) *Ledger {
	b.Helper()
	var buf bytes.Buffer
	if err := gen.YAML(&buf, gen.Options{Claims: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return load.Bytes("gen.yaml", buf.Bytes())
}

// BenchmarkOneCrowdedGroup measures the rules that look at a group's
// claims against one another on a hostile shape: thousands of bounds in
// one side that also fit another side's figure, and thousands of relays
// of one origin printing two figures on the same days. Each was once
// quadratic in the group's claims (40 s and 106 s at 20,000).
func BenchmarkOneCrowdedGroup(b *testing.B) {
	var bounds, relays bytes.Buffer
	bounds.WriteString("ledger: 1\ntopics:\n  t: {type: number, tolerance: 5%}\nclaims:\n  - {topic: t, value: 300, source: a}\n  - {topic: t, value: 100, source: b}\n  - {topic: t, value: more than 301, source: c}\n")
	relays.WriteString("ledger: 1\nclaims:\n")
	for k := range 20_000 {
		fmt.Fprintf(&bounds, "  - {topic: t, value: up to 300, source: o%d}\n", k%400)
		v := 100
		if k%3 == 0 {
			v = 200
		}
		fmt.Fprintf(&relays, "  - {topic: t, value: %d, source: x, via: [o%d], date: 2020-01-0%d}\n", v, k%400, 1+k%5)
	}
	for name, src := range map[string][]byte{"bounds": bounds.Bytes(), "relays": relays.Bytes()} {
		l := load.Bytes(name+".yaml", src)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Analyze(l, Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
			}
		})
	}
}
