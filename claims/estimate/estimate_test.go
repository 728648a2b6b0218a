package estimate

import (
	"math"
	"testing"
)

func TestPercent(t *testing.T) {
	tests := []struct {
		p    float64
		want string
	}{
		{0, "0%"},
		{0.001, "<1%"},
		{0.0099, "<1%"},
		{0.01, "1%"},
		{0.875, "87%"},
		// Rounded down: nothing short of certainty reads 100%.
		{0.9999, "99%"},
		{math.Nextafter(1, 0), "99%"},
		{1, "100%"},
		{1.5, "100%"},
	}
	for _, tt := range tests {
		if got := Percent(tt.p); got != tt.want {
			t.Errorf("Percent(%v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}
