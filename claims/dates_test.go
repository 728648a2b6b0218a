package claims_test

import (
	"testing"

	"github.com/claimdiff/claimdiff/claims"
)

// A revision's two ends read in one format, whether or not one has a
// time: never "3 Oct" beside "2017-10-03T19:00:00-04:00".
func TestRevisionDates(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"2017-10-03", "2017-10-04", "police revised 16 (3 Oct) → 34 (4 Oct)"},
		{"2017-10-03", "2017-10-03T19:00:00-04:00", "police revised 16 (3 Oct) → 34 (3 Oct 19:00)"},
		{"2017-10-03T09:30-04:00", "2017-10-03T19:00Z", "police revised 16 (3 Oct 09:30) → 34 (3 Oct 19:00)"},
		{"2017-12-31", "2018-01-02T08:00:00+01:00", "police revised 16 (31 Dec 2017) → 34 (2 Jan 2018 08:00)"},
		{"", "2017-10-03", "police revised 16 (undated) → 34 (3 Oct)"},
	}
	for _, tt := range tests {
		r := claims.Revision{Origin: "police", From: "16", To: "34", FromDate: tt.from, ToDate: tt.to}
		if got := r.String(); got != tt.want {
			t.Errorf("%s → %s: got %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
	for _, s := range []string{"2017-10-03", "2017-10-03T19:00-04:00", "2017-10-03T19:00:00Z", "2017-10-03T19:00:00.5+01:00"} {
		if !claims.IsDate(s) {
			t.Errorf("IsDate(%q) = false", s)
		}
	}
	for _, s := range []string{"2017-10-03T19-04:00", "2017-10-03 19:00", "Oct 3", "2017-10-03T19:00"} {
		if claims.IsDate(s) {
			t.Errorf("IsDate(%q) = true", s)
		}
	}
}
