package ids

import (
	"strings"
	"testing"
)

func TestValid(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"plan.army-cap", true},
		{"reuters/army-cap", true},
		{"a_b", true},
		{"9news", true},
		{"", false},
		{".hidden", false},
		{"-flag", false},
		{"has space", false},
		{"a:b", false},
		{"ünïcode", false},
		{strings.Repeat("a", 200), true},
		{strings.Repeat("a", 201), false},
	}
	for _, tt := range tests {
		if got := Valid(tt.id); got != tt.want {
			t.Errorf("Valid(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}
