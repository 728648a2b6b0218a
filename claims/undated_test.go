package claims_test

import (
	"slices"
	"testing"

	. "github.com/claimdiff/claimdiff/claims"
)

// An undated figure whose own words place it in its origin's past is
// revised by the origin's last word; any other undated figure stands.
func TestUndatedFigureRevisedByItsOriginsLastWord(t *testing.T) {
	tests := []struct {
		name, claims string
		revisions    []string
	}{
		{
			// Chile 2010: VOV's "originally reported at 587", Foreign
			// Policy's 316 of 4 March.
			name: "an earlier figure, by its words, is revised by the last word",
			claims: `  - {id: d1, topic: toll, value: 541, source: ministry, via: [wire], date: 2025-02-28}
  - {id: u, topic: toll, value: 587, source: ministry, via: [paper], quote: "the count, originally reported at 587"}
  - {id: d2, topic: toll, value: 316, source: ministry, via: [wire], date: 2025-03-04}
`,
			revisions: []string{"ministry revised 587 (undated) → 316 (4 Mar)", "ministry revised 541 (28 Feb) → 316 (4 Mar)"},
		},
		{
			// Trump 2017: a blogger's "around 250,000, not the
			// 300-350,000 that I had settled on".
			name: "an origin heard directly revises its own earlier range",
			claims: `  - {id: d, topic: toll, value: "around 250,000", source: organisers, date: 2025-01-22}
  - {id: u, topic: toll, value: "between 300,000 and 350,000", source: organisers, quote: "not the 300-350,000 that I had settled on"}
`,
			revisions: []string{"organisers revised between 300,000 and 350,000 (undated) → around 250,000 (22 Jan)"},
		},
		{
			// Trump 2017: a later account of Doig's count, "concluded that
			// about 1.1 million people had watched", against his 800,000.
			name: "an undated figure that does not say it came first stands",
			claims: `  - {id: d, topic: toll, value: "800,000", source: organisers, via: [wire], date: 2009-01-21}
  - {id: u, topic: toll, value: "about 1.1 million", source: organisers, via: [paper], quote: "concluded that about 1.1 million people had watched"}
`,
		},
		{
			name: "a relay never revises the origin's own earlier figure",
			claims: `  - {id: d, topic: toll, value: 250000, source: organisers, via: [wire], date: 2025-01-22}
  - {id: u, topic: toll, value: 400000, source: organisers, quote: "the 400,000 we had given"}
`,
		},
		{
			name: "a last word that still allows it leaves it standing",
			claims: `  - {id: d1, topic: toll, value: 316, source: ministry, via: [wire], date: 2025-03-04}
  - {id: d2, topic: toll, value: "more than 300", source: ministry, via: [paper], date: 2025-03-04}
  - {id: u, topic: toll, value: "at least 310", source: ministry, via: [paper], quote: "initially put at no less than 310"}
`,
		},
		{
			name: "a last word of one day that disagrees with itself leaves it standing",
			claims: `  - {id: d1, topic: toll, value: 316, source: ministry, via: [wire], date: 2025-03-04}
  - {id: d2, topic: toll, value: 587, source: ministry, via: [paper], date: 2025-03-04}
  - {id: u, topic: toll, value: 587, source: ministry, via: [paper], quote: "originally reported at 587"}
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, tollHeader+tt.claims)
			var revs []string
			for _, r := range a.Revisions {
				revs = append(revs, r.String())
			}
			if !slices.Equal(revs, tt.revisions) {
				t.Errorf("revisions = %q, want %q", revs, tt.revisions)
			}
		})
	}
}

func TestSaysEarlier(t *testing.T) {
	for _, tt := range []struct {
		quote string
		want  bool
	}{
		{"the casualty count in Maule, originally reported at 587", true},
		{"not the 300-350, 000 that I had settled on", true},
		{"The company previously said that up to 1 billion accounts were hacked", true},
		{"At first the police put it at 160", true},
		{"concluded that about 1.1 million people had watched the ceremonies", false},
		{"the first-hand count was 200", false},
		{"an earliest estimate", false},
		{"", false},
	} {
		if got := SaysEarlier(tt.quote); got != tt.want {
			t.Errorf("SaysEarlier(%q) = %v, want %v", tt.quote, got, tt.want)
		}
	}
}
