package claims_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	. "github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
)

// runningHeader is tollHeader with a count that rises (`changes: true`),
// and a second outlet and wire to carry one origin's copies.
var runningHeader = strings.Replace(tollHeader, "  toll: {type: number}\n",
	"  toll: {type: number}\n  count: {type: number, changes: true}\n", 1)

// One origin's claims of one day on a running count, which give no time,
// are ordered by what they say: below a floor before it, a figure above a
// floor after it, a figure whose words place it first before the day's
// others, a correction that names the floor after it; two exact figures
// stay unordered, the origin contradicting itself.
func TestSameDayOrderOnARunningCount(t *testing.T) {
	tests := []struct {
		name, claims string
		revisions    []string
		disputed     bool // whether the day's claims still dispute
	}{
		{
			// Beirut 2020: the health ministry's "at least 30", "at least
			// 50", "at least 63", then 70 dead on the evening of 4 August,
			// through the NYT and ABC, none with a time.
			name: "floors rise, and a figure above the last is after it",
			claims: `  - {id: a, topic: count, value: 70, source: ministry, via: [wire], date: 2020-08-04, quote: "then raised the numbers to 70 dead"}
  - {id: b, topic: count, value: at least 63, source: ministry, via: [paper], date: 2020-08-04}
  - {id: c, topic: count, value: at least 30, source: ministry, via: [paper], date: 2020-08-04}
  - {id: d, topic: count, value: at least 50, source: ministry, via: [wire], date: 2020-08-04, quote: "originally said at least 50 people were killed"}
`,
			revisions: []string{"ministry revised at least 63 (4 Aug) → 70 (4 Aug)",
				"ministry revised at least 30 (4 Aug) → at least 50 (4 Aug)",
				"ministry revised at least 50 (4 Aug) → at least 63 (4 Aug)"},
		},
		{
			// Beirut 2020: 78 dead in the morning of 5 August, "at least
			// 135" by the evening, and 4,000 then "more than 5,000"
			// wounded.
			name: "a figure below a floor is before it",
			claims: `  - {id: a, topic: count, value: at least 135, source: ministry, via: [wire], date: 2020-08-05}
  - {id: b, topic: count, value: 78, source: ministry, via: [paper], date: 2020-08-05}
`,
			revisions: []string{"ministry revised 78 (5 Aug) → at least 135 (5 Aug)"},
		},
		{
			// Grenfell 2017: "it was initially six", and 12, the first
			// day's confirmed dead, both printed the next day.
			name: "words that place a figure first order two figures",
			claims: `  - {id: a, topic: count, value: 12, source: police, via: [paper], date: 2017-06-15, as_of: 2017-06-14}
  - {id: b, topic: count, value: 6, source: police, via: [wire], date: 2017-06-15, as_of: 2017-06-14, quote: "It was initially six but has been revised upwards"}
`,
			revisions: []string{"police revised 6 (15 Jun) → 12 (15 Jun)"},
		},
		{
			// Pylos 2023: "at least 79" recovered, and "78 bodies have
			// been recovered, and not 79 as reported yesterday", printed
			// the same day.
			name: "a correction that names the floor is the day's last word",
			claims: `  - {id: a, topic: count, value: 78, source: agency, via: [paper], date: 2023-06-15, quote: "78 bodies have been recovered, and not 79 as reported yesterday"}
  - {id: b, topic: count, value: at least 79, source: agency, via: [wire], date: 2023-06-15}
`,
			revisions: []string{"agency revised at least 79 (15 Jun) → 78 (15 Jun)"},
		},
		{
			// Rana Plaza 2013: "authorities" put the latest toll at 372
			// (Reuters) and at 377 (Euronews) the same day.
			name: "two exact figures stay unordered",
			claims: `  - {id: a, topic: count, value: 377, source: police, via: [paper], date: 2013-04-28}
  - {id: b, topic: count, value: 372, source: police, via: [wire], date: 2013-04-28}
`,
			disputed: true,
		},
		{
			name: "on a topic that does not change, a day's figures stay unordered",
			claims: `  - {id: a, topic: toll, value: at least 135, source: ministry, via: [wire], date: 2020-08-05}
  - {id: b, topic: toll, value: 78, source: ministry, via: [paper], date: 2020-08-05}
`,
			disputed: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, brute := range []int{-1, 1 << 30} {
				a := analyzeWith(t, runningHeader+tt.claims, WithBruteRun(testOptions, brute))
				var revs []string
				for _, r := range a.Revisions {
					revs = append(revs, r.String())
				}
				if !slices.Equal(revs, tt.revisions) {
					t.Errorf("brute run %d: revisions = %q, want %q (superseded %v)", brute, revs, tt.revisions, slices.Sorted(maps.Keys(a.Superseded)))
				}
				if got := len(a.Disputes) > 0; got != tt.disputed {
					t.Errorf("brute run %d: disputed = %v, want %v", brute, got, tt.disputed)
				}
			}
		})
	}
}

// BenchmarkRunningCountOneOrigin measures one origin's 50,000 claims of a
// running count over ten days, floors, figures and words mixed: the
// day's order must stay near linear. Run with:
// go test ./claims -run '^$' -bench RunningCount -benchtime 1x
func BenchmarkRunningCountOneOrigin(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(runningHeader)
	for i := range 50_000 {
		day := 1 + i%10
		value := fmt.Sprint(100 + i%977)
		switch i % 3 {
		case 0:
			value = "at least " + value
		case 1:
			value = "more than " + value
		}
		quote := "the count"
		if i%7 == 0 {
			quote = "originally said " + value + " and not 1,000"
		}
		fmt.Fprintf(&sb, "  - {topic: count, value: %q, source: ministry, via: [wire], date: 2020-08-%02d, quote: %q}\n", value, day, quote)
	}
	l := load.Bytes("running.yaml", []byte(sb.String()))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(l, testOptions)
	}
}
