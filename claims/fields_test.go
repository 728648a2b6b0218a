package claims

import (
	"slices"
	"testing"
)

// A value that held "; " comes back whole: every pair is written
// key=value, so a part without "=" is the rest of the value before it.
func TestContextPairs(t *testing.T) {
	for _, tc := range []struct {
		ctx  string
		want [][2]string
	}{
		{"", nil},
		{"country=UA", [][2]string{{"country", "UA"}}},
		{"a=1; b=2", [][2]string{{"a", "1"}, {"b", "2"}}},
		{"a=x; y; b=z", [][2]string{{"a", "x; y"}, {"b", "z"}}},
		{"note=; q=a=b", [][2]string{{"note", ""}, {"q", "a=b"}}},
		{"bare; a=1", [][2]string{{"bare", ""}, {"a", "1"}}},
	} {
		if got := ContextPairs(tc.ctx); !slices.Equal(got, tc.want) {
			t.Errorf("ContextPairs(%q) = %q, want %q", tc.ctx, got, tc.want)
		}
	}
}
