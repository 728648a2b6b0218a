package claims_test

import (
	"testing"

	"github.com/claimdiff/claimdiff/claims"
)

func TestMatchContext(t *testing.T) {
	tests := []struct {
		patterns []string
		ctx      string
		want     bool
	}{
		{nil, "", true},
		{nil, "period=sep-dec", true},
		{[]string{"period=sep-dec"}, "period=sep-dec", true},
		{[]string{"period=sep-dec"}, "period=sep-dec; region=north", true},
		{[]string{"period=sep-dec"}, "", false},
		{[]string{"period=sep-*"}, "period=sep-dec", true},
		{[]string{"period=*"}, "region=north", false},
		{[]string{"*=north"}, "region=north", true},
		// One key: any of its patterns. Two keys: both.
		{[]string{"period=jan-mar", "period=sep-dec"}, "period=sep-dec", true},
		{[]string{"period=sep-dec", "region=north"}, "period=sep-dec; region=south", false},
		{[]string{"period=sep-dec", "region=north"}, "period=sep-dec; region=north", true},
		{[]string{" period = sep-dec "}, "period=sep-dec", true},
		// An empty value asks for an empty value, not any.
		{[]string{"note="}, "note=x", false},
		// A value with a comma or a slash is matched whole.
		{[]string{"where=city, *"}, "where=city, centre", true},
		{[]string{"src=a/*"}, "src=a/b/c", true},
	}
	for _, tt := range tests {
		f := claims.Filter{Contexts: tt.patterns}
		if got := f.MatchContext(tt.ctx); got != tt.want {
			t.Errorf("%q on %q: got %v, want %v", tt.patterns, tt.ctx, got, tt.want)
		}
	}
}
