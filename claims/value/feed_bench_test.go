package value

import (
	"errors"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/internal/gen"
)

// BenchmarkParseFeed reads the values of a generated flight-status feed
// (internal/gen's web feed, issue 15), each with the spec the loader
// gives its claim: the topic pattern's, with its site's zone, date order
// and no_value: words, and the claim's date to read a time near. "web"
// holds the times as the sites write them, in fourteen forms, with 1.5%
// placeholders; "iso" the same instants in RFC 3339. "forms/iso" and
// "forms/web" read BenchmarkParseDatetime's lists the same way.
//
// A web value may cost at most 1.5 times an ISO one. Beside ns/value,
// wall time, each reports cpu-ns/value: the CPU time the process spent
// (getrusage), which a machine shared with other work disturbs far less,
// since time the benchmark waits for a core is not counted.
func BenchmarkParseFeed(b *testing.B) {
	for _, twin := range []struct {
		name string
		iso  bool
	}{{"iso", true}, {"web", false}} {
		vals := gen.WebValues(gen.WebOptions{Claims: 20000, Seed: 1, ISO: twin.iso})
		raws, specs := make([]string, len(vals)), make([]Spec, len(vals))
		for i, v := range vals {
			raws[i], specs[i] = v.Raw, feedSpec(b, v)
		}
		b.Run(twin.name, func(b *testing.B) { parseEach(b, raws, specs) })
	}
	spec := Spec{Type: DateTime, Zone: mustZone(b, "America/New_York"), Near: time.Date(2011, 12, 1, 17, 0, 0, 0, time.UTC)}
	for _, set := range []struct {
		name string
		raws []string
	}{{"forms/iso", isoForms}, {"forms/web", webForms}} {
		specs := make([]Spec, len(set.raws))
		for i := range specs {
			specs[i] = spec
		}
		b.Run(set.name, func(b *testing.B) { parseEach(b, set.raws, specs) })
	}
}

// parseEach parses every raw with its spec, b.N times, and reports the
// wall and CPU time per value.
func parseEach(b *testing.B, raws []string, specs []Spec) {
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		for i, raw := range raws {
			if _, err := Parse(raw, specs[i]); err != nil && !errors.Is(err, ErrNoValue) {
				b.Fatal(err)
			}
		}
	}
	n := float64(b.N * len(raws))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/value")
	if cpu0 >= 0 {
		b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/n, "cpu-ns/value")
	}
}

// feedSpec is the spec claims/load's specFor gives a web feed's claim.
func feedSpec(b *testing.B, v gen.WebValue) Spec {
	tol, err := ParseTolerance("1 minute")
	if err != nil {
		b.Fatal(err)
	}
	spec := Spec{Type: DateTime, Tolerance: tol, NoValue: v.NoValue}
	if v.Zone != "" {
		if spec.Zone, err = ParseZone(v.Zone); err != nil {
			b.Fatal(err)
		}
	}
	if v.DateOrder != "" {
		var ok bool
		if spec.DateOrder, ok = ParseDateOrder(v.DateOrder); !ok {
			b.Fatalf("date order %q", v.DateOrder)
		}
	}
	d, err := time.Parse(time.DateOnly, v.Date)
	if err != nil {
		b.Fatal(err)
	}
	loc := spec.Zone
	if loc == nil {
		loc = time.UTC
	}
	spec.Near = time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, loc)
	return spec
}
