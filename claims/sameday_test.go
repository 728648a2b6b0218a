package claims_test

import (
	"maps"
	"slices"
	"testing"

	. "github.com/claimdiff/claimdiff/claims"
)

// Within a day, claims are ordered by their time where both have one, and
// a time is before the next day.
func TestSameDayOrderByTimeWhereKnown(t *testing.T) {
	tests := []struct {
		name, claims string
		revisions    []string
	}{
		{
			// Chile 2010: 802 in the morning of 4 March, "lower than the
			// 802 figure" in the evening.
			name: "two times of one day are ordered",
			claims: `  - {id: m, topic: toll, value: 802, source: ministry, date: "2025-03-04T09:00:00-03:00"}
  - {id: e, topic: toll, value: 487, source: ministry, date: "2025-03-04T20:00:00-03:00"}
`,
			revisions: []string{"ministry revised 802 (4 Mar 09:00) → 487 (4 Mar 20:00)"},
		},
		{
			name: "a time is before the next day",
			claims: `  - {id: e, topic: toll, value: 802, source: ministry, date: "2025-03-04T20:00:00-03:00"}
  - {id: d, topic: toll, value: 487, source: ministry, date: 2025-03-05}
`,
			revisions: []string{"ministry revised 802 (4 Mar 20:00) → 487 (5 Mar)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, brute := range []int{-1, 1 << 30} {
				a := analyzeWith(t, tollHeader+tt.claims, WithBruteRun(testOptions, brute))
				var revs []string
				for _, r := range a.Revisions {
					revs = append(revs, r.String())
				}
				if !slices.Equal(revs, tt.revisions) {
					t.Errorf("brute run %d: revisions = %q, want %q (superseded %v)", brute, revs, tt.revisions, slices.Sorted(maps.Keys(a.Superseded)))
				}
			}
		})
	}
}
