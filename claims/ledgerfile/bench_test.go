package ledgerfile_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/claims/load"
)

// flowLedger writes n claims as many people write them by hand, one flow
// mapping per line, with 64 sources and n/4 topics.
func flowLedger(n int) []byte {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n")
	for s := range 64 {
		fmt.Fprintf(&b, "  s%d: {name: Source %d, kind: outlet}\n", s, s)
	}
	b.WriteString("topics:\n")
	for t := range n / 4 {
		fmt.Fprintf(&b, "  t.%d: {type: number, tolerance: 1%%}\n", t)
	}
	b.WriteString("claims:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: c%d, topic: t.%d, value: \"%d,%03d\", source: s%d, date: 2025-11-%02d, quote: \"the figure was %d\"}\n",
			i, i/4, 400+i%7, i%1000, i%64, 1+i%28, i)
	}
	return []byte(b.String())
}

// BenchmarkLoad compares loading a ledger of flow-mapping claims with
// loading the same ledger after fmt: the canonical layout is what the
// loader's scanner reads without yaml.v3. BENCHMARKS.md has the figures.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		flow := flowLedger(n)
		formatted, err := ledgerfile.Format("l.yaml", flow)
		if err != nil {
			b.Fatal(err)
		}
		if ns := load.NotScanned(formatted); len(ns) > 0 {
			b.Fatalf("the formatted ledger is not all scanned: %v", ns)
		}
		for _, c := range []struct {
			name string
			data []byte
		}{{"flow", flow}, {"formatted", formatted}} {
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(c.data)))
				for b.Loop() {
					l := load.Bytes("l.yaml", c.data)
					if len(l.Claims) != n || len(l.Problems) > 0 {
						b.Fatalf("%d claims, %d problems", len(l.Claims), len(l.Problems))
					}
				}
			})
		}
	}
}

// BenchmarkFormat is fmt on a ledger of flow-mapping claims, with its
// checks: a load of the input and of the output, and a second layout.
func BenchmarkFormat(b *testing.B) {
	flow := flowLedger(10_000)
	b.SetBytes(int64(len(flow)))
	for b.Loop() {
		if _, err := ledgerfile.Format("l.yaml", flow); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFormatPerClaim is fmt's cost per claim at 10,000, 100,000 and
// 1,000,000 claims, on a ledger already in the canonical layout (what
// fmt -l meets in CI) and on the same claims one flow mapping per line
// (what fmt -w rewrites, with its checks): allocated bytes and
// microseconds per claim, so that growth per doubling of the file shows
// whether the cost is linear; CPU time (user and system, all threads,
// the collector's too) beside wall time, which a shared machine inflates.
// BENCHMARKS.md has the figures.
//
//	go test ./claims/ledgerfile -run '^$' -bench FormatPerClaim -benchtime 1x
func BenchmarkFormatPerClaim(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		flow := flowLedger(n)
		canonical, err := ledgerfile.Format("l.yaml", flow)
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range []struct {
			name string
			data []byte
		}{{"canonical", canonical}, {"flow", flow}} {
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				cpu := cpuTime()
				for b.Loop() {
					out, err := ledgerfile.Format("l.yaml", c.data)
					if err != nil || !bytes.Equal(out, canonical) {
						b.Fatalf("not the canonical layout (%v)", err)
					}
				}
				cpu = cpuTime() - cpu
				runtime.ReadMemStats(&after)
				claims := float64(b.N) * float64(n)
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/claims, "B/claim")
				b.ReportMetric(float64(b.Elapsed().Microseconds())/claims, "µs/claim")
				b.ReportMetric(float64(cpu.Microseconds())/claims, "cpu-µs/claim")
			})
		}
	}
}
