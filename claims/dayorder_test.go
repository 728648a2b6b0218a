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
	"  toll: {type: number}\n  count: {type: number, changes: true}\n"+
		"  departs: {type: datetime, tolerance: 5 minutes, changes: true}\n", 1)

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
			revisions: []string{"ministry revised at least 30 (4 Aug) → at least 50 (4 Aug)",
				"ministry revised at least 50 (4 Aug) → at least 63 (4 Aug)",
				"ministry revised at least 63 (4 Aug) → 70 (4 Aug)"},
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

// From one moment of a running count to the next, the origin's last word
// of the first is revised by its first word of the next, when that does
// not restate it; a word is what most claims said at that step.
func TestMomentToMomentOnARunningCount(t *testing.T) {
	tests := []struct {
		name, claims string
		revisions    []string
	}{
		{
			// Beirut 2020: 70 dead on the evening of 4 August, 78 in the
			// morning of the 5th, 135 by its evening (twice, and once "at
			// least 135"), 137 on the 6th.
			name: "the next moment's first word revises, its last word is revised",
			claims: `  - {id: a, topic: count, value: 70, source: ministry, via: [wire], date: 2020-08-04}
  - {id: b, topic: count, value: 78, source: ministry, via: [paper], date: 2020-08-05}
  - {id: c, topic: count, value: 135, source: ministry, via: [wire], date: 2020-08-05, quote: "has risen to 135"}
  - {id: d, topic: count, value: 135, source: ministry, via: [paper], date: 2020-08-05}
  - {id: e, topic: count, value: at least 135, source: ministry, via: [paper], date: 2020-08-05}
  - {id: f, topic: count, value: 137, source: ministry, via: [wire], date: 2020-08-06}
`,
			revisions: []string{"ministry revised 70 (4 Aug) → 78 (5 Aug)",
				"ministry revised 78 (5 Aug) → 135 (5 Aug)", "ministry revised 135 (5 Aug) → 137 (6 Aug)"},
		},
		{
			// Grenfell 2017: 17 confirmed dead on 15 June; "at least 30"
			// twice and 30 once on the 16th; "at least 30" on the 17th.
			name: "a step is what most of its claims said, and a restatement is no revision",
			claims: `  - {id: a, topic: count, value: 17, source: police, via: [wire], date: 2017-06-15}
  - {id: c, topic: count, value: at least 30, source: police, via: [paper], date: 2017-06-16}
  - {id: d, topic: count, value: at least 30, source: police, via: [wire, paper], date: 2017-06-16}
  - {id: b, topic: count, value: 30, source: police, via: [wire], date: 2017-06-16}
  - {id: e, topic: count, value: at least 30, source: police, via: [paper], date: 2017-06-17}
`,
			revisions: []string{"police revised 17 (15 Jun) → at least 30 (16 Jun)"},
		},
		{
			// Beirut 2020: "more than 3,500" wounded on 4 August, "at
			// least 4,000" on the 5th: two floors, two counts.
			name: "a floor at a new number is a new count",
			claims: `  - {id: a, topic: count, value: more than 3500, source: ministry, via: [wire], date: 2020-08-04}
  - {id: b, topic: count, value: at least 4000, source: ministry, via: [paper], date: 2020-08-05}
  - {id: c, topic: count, value: at least 4000, source: ministry, via: [paper], date: 2020-08-06}
`,
			revisions: []string{"ministry revised more than 3500 (4 Aug) → at least 4000 (5 Aug)"},
		},
		{
			// A flight's expected departure, as given on two days.
			name: "a time within tolerance of the last moment's is still a new word",
			claims: `  - {id: a, topic: departs, value: "2025-03-05T14:00:00Z", source: agency, date: 2025-03-01}
  - {id: b, topic: departs, value: "2025-03-05T14:03:00Z", source: agency, date: 2025-03-02}
`,
			revisions: []string{"agency revised 2025-03-05T14:00:00Z (1 Mar) → 2025-03-05T14:03:00Z (2 Mar)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, runningHeader+tt.claims)
			var revs []string
			for _, r := range a.Revisions {
				revs = append(revs, r.String())
			}
			if !slices.Equal(revs, tt.revisions) {
				t.Errorf("revisions = %q, want %q", revs, tt.revisions)
			}
			// The dispute of a moment lists the change into it first.
			for _, d := range a.Disputes {
				if !slices.IsSortedFunc(d.Revisions, func(x, y Revision) int { return strings.Compare(x.FromDate, y.FromDate) }) {
					t.Errorf("dispute at %s lists its revisions out of order: %v", d.Moment, d.Revisions)
				}
			}
		})
	}
}
