package complete

import (
	"slices"
	"testing"
)

func TestMatch(t *testing.T) {
	names := []string{"plan.army", "plan.cost", "plan.cost", "war.dead"}
	tests := []struct {
		typed string
		split bool
		want  []string
	}{
		{"pl", false, []string{"plan.army", "plan.cost"}},
		{"", false, []string{"plan.army", "plan.cost", "war.dead"}},
		{"war.dead,pl", true, []string{"war.dead,plan.army", "war.dead,plan.cost"}},
		// Unsplit, a comma is part of the word, which then matches nothing.
		{"war.dead,pl", false, nil},
		{"x", false, nil},
	}
	for _, tt := range tests {
		if got := Match(names, tt.typed, tt.split); !slices.Equal(got, tt.want) {
			t.Errorf("Match(%q, %v) = %q, want %q", tt.typed, tt.split, got, tt.want)
		}
	}
}
