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

// validByRunes is the rule read character by character, as Rule says it.
func validByRunes(s string) bool {
	if s == "" || len(s) > 200 {
		return false
	}
	for i, c := range s {
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("._/-", c)) {
			return false
		}
	}
	return true
}

func FuzzValid(f *testing.F) {
	for _, s := range []string{"plan.army-cap", "-x", "a b", "ü", "a\xff", "a/b_c.d-e", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Valid(s), validByRunes(s); got != want {
			t.Errorf("Valid(%q) = %v, the rule says %v", s, got, want)
		}
	})
}
