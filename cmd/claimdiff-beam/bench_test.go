package main

import (
	"bytes"
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// fusionFiles writes a generated fusion ledger of -ledger-claims claims
// as a head with four claim shards.
func fusionFiles(b *testing.B) (head string, shards []string) {
	b.Helper()
	var fusion bytes.Buffer
	if err := gen.NewFusion(gen.FusionOptions{Claims: *claimsN, Seed: 20}).YAML(&fusion); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	return ledgerFiles(b, dir, fusion.Bytes(), 4)
}

// BenchmarkPipeline runs the pipeline under prism on a generated fusion
// ledger of -ledger-claims claims. Run it with -cpu 1,2 for one and two
// workers (prism's workers share one process), -benchtime 1x. Besides
// the time, it reports what crossed each shuffle, per claim: the
// figures BENCHMARKS.md scales to a cluster from.
func BenchmarkPipeline(b *testing.B) {
	head, shards := fusionFiles(b)
	day, _ := time.Parse(time.DateOnly, testDay)
	var counters map[string]int64
	for b.Loop() {
		counters = runPipeline(b, Config{Head: head, Claims: shards, Out: filepath.Join(b.TempDir(), "out"), Shards: 4, Today: day})
	}
	n := float64(counters["claims"])
	b.ReportMetric(n/b.Elapsed().Seconds()*float64(b.N), "claims/s")
	b.ReportMetric(float64(counters["claim_bytes"])/n, "group-shuffle-B/claim")
	b.ReportMetric(float64(counters["id_bytes"])/n, "id-shuffle-B/claim")
	b.ReportMetric(float64(counters["part_bytes"])/n, "part-B/claim")
	b.ReportMetric(float64(counters["copy_bytes"])/n, "copy-shuffle-B/claim")
	b.ReportMetric(float64(counters["evidence_bytes"])/n, "accuracy-shuffle-B/claim")
	b.ReportMetric(float64(counters["parts"]), "parts")
	b.ReportMetric(maxRSS()/(1<<20), "maxRSS-MiB")
}

// BenchmarkEngine is the same ledger judged on one machine as the CLI
// judges it: load, analyse, estimate.
func BenchmarkEngine(b *testing.B) {
	var fusion bytes.Buffer
	if err := gen.NewFusion(gen.FusionOptions{Claims: *claimsN, Seed: 20}).YAML(&fusion); err != nil {
		b.Fatal(err)
	}
	day, _ := time.Parse(time.DateOnly, testDay)
	for b.Loop() {
		l, err := load.Load([]load.File{{Name: "ledger.yaml", Data: fusion.Bytes()}}, load.Options{})
		if err != nil {
			b.Fatal(err)
		}
		a := claims.Analyze(l, claims.Options{Today: day})
		resolve.Run(a, resolve.Options{})
	}
	b.ReportMetric(float64(*claimsN)/b.Elapsed().Seconds()*float64(b.N), "claims/s")
	b.ReportMetric(maxRSS()/(1<<20), "maxRSS-MiB")
}

// maxRSS is the process's peak resident memory in bytes.
func maxRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) * 1024
}

// BenchmarkRoundWork is the engine's work in one round of the pipeline,
// without the runner: every batch of the ledger loaded against the head,
// analysed, and put through one round. Per claim, it is what a cluster's
// workers spend in claimdiff's code each round.
func BenchmarkRoundWork(b *testing.B) {
	var fusion bytes.Buffer
	if err := gen.NewFusion(gen.FusionOptions{Claims: *claimsN, Seed: 20}).YAML(&fusion); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	headPath, _ := ledgerFiles(b, dir, fusion.Bytes(), 1)
	l, err := load.Load([]load.File{{Name: "ledger.yaml", Data: fusion.Bytes()}}, load.Options{})
	if err != nil {
		b.Fatal(err)
	}
	batches := make([][]claims.Claim, max(1, len(l.Claims)/claimsPerBatch))
	for i := range l.Claims {
		c := &l.Claims[i]
		k, _ := batchFn{}.ProcessElement(l.GroupOf(c).String(), nil, len(l.Claims))
		batches[k] = append(batches[k], *c)
	}
	parts := make([][]byte, len(batches))
	for i, cs := range batches {
		var buf bytes.Buffer
		if err := bulk.WriteJSONL(&buf, cs); err != nil {
			b.Fatal(err)
		}
		parts[i] = buf.Bytes()
	}
	day, _ := time.Parse(time.DateOnly, testDay)
	j := judge{Head: headPath, Today: day.Unix()}
	s := resolve.First(nil, nil)
	ctx := context.Background()
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		for _, part := range parts {
			a, err := j.load(ctx, part, map[string]value.Value{})
			if err != nil {
				b.Fatal(err)
			}
			resolve.NewPart(a).Round(s, func(string, int64, int64) {}, func(resolve.Pair, resolve.CopyEvidence) {})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(l.Claims)), "ns/claim")
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/float64(len(l.Claims)), "cpu-ns/claim")
}

// cpuTime is the CPU time the process has used, user and system, in ns.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
