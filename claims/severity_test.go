package claims_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	. "github.com/claimdiff/claimdiff/claims"
)

// severityLedger has topics of every time type and enough sources to put
// several independent origins on each side.
const severityLedger = `ledger: 1
sources:
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
  c: {name: C, kind: outlet}
  d: {name: D, kind: outlet}
  e: {name: E, kind: outlet}
  f: {name: F, kind: outlet}
  g: {name: G, kind: outlet}
topics:
  landfall: {type: datetime}
  landfall-tol: {type: datetime, tolerance: 1 hour}
  deadline: {type: date}
  deadline-tol: {type: date, tolerance: 2 days}
  toll: {type: number}
  slip: {type: number}
  rejoins: {type: choice, choices: [G7, G8]}
  rejoins-too: {type: choice, choices: [G7, G8]}
claims:
`

// sides writes claims on a topic: the first value from sources a, b, c and
// the second from d, e, f, as many of each as asked.
func sides(topic, x, y string, nx, ny int) string {
	var b strings.Builder
	for i := range nx {
		fmt.Fprintf(&b, "  - {topic: %s, value: %q, source: %c, date: 2025-11-20}\n", topic, x, 'a'+i)
	}
	for i := range ny {
		fmt.Fprintf(&b, "  - {topic: %s, value: %q, source: %c, date: 2025-11-20}\n", topic, y, 'd'+i)
	}
	return b.String()
}

// Gaps in time are judged on their own scale, so a 3-hour gap outranks a
// 5-minute one and a dispute over a time can be high.
func TestTimeGaps(t *testing.T) {
	tests := []struct {
		name   string
		claims string
		gap    float64
		sev    Severity
	}{
		{"five minutes apart", sides("landfall", "2025-11-20 10:00 UTC", "2025-11-20 10:05 UTC", 3, 3), 5.0 / 60, SeverityMedium},
		{"three hours apart", sides("landfall", "2025-11-20 10:00 UTC", "2025-11-20 13:00 UTC", 3, 3), 1, SeverityHigh},
		{"half an hour apart", sides("landfall", "2025-11-20 10:00 UTC", "2025-11-20 10:30 UTC", 3, 3), 0.5, SeverityHigh},
		// With a tolerance of an hour, values agree within an hour and the
		// scale is four hours: three hours apart is two hours past it.
		{"three hours, an hour's tolerance", sides("landfall-tol", "2025-11-20 10:00 UTC", "2025-11-20 13:00 UTC", 3, 3), 2.0 / 4, SeverityHigh},
		{"dates a day apart", sides("deadline", "2025-11-27", "2025-11-28", 3, 3), 1, SeverityHigh},
		// Two days' tolerance: eight days is the scale, and three days
		// apart is one day past agreeing.
		{"dates three days apart, two days' tolerance", sides("deadline-tol", "2025-11-27", "2025-11-30", 3, 3), 1.0 / 8, SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, severityLedger+tt.claims)
			if len(a.Disputes) != 1 {
				t.Fatalf("%d disputes, want 1", len(a.Disputes))
			}
			d := a.Disputes[0]
			if diff := d.Gap - tt.gap; diff > 1e-9 || diff < -1e-9 {
				t.Errorf("gap = %v, want %v", d.Gap, tt.gap)
			}
			if d.Severity != tt.sev {
				t.Errorf("severity %s (%d), want %s", d.Severity, d.Score, tt.sev)
			}
		})
	}
	a := analyze(t, severityLedger+sides("landfall", "2025-11-20 10:00 UTC", "2025-11-20 10:05 UTC", 2, 2)+
		sides("landfall-tol", "2025-11-20 10:00 UTC", "2025-11-20 13:00 UTC", 2, 2))
	if got := []string{a.Disputes[0].Topic, a.Disputes[1].Topic}; !slices.Equal(got, []string{"landfall-tol", "landfall"}) {
		t.Errorf("order %v: the 3-hour gap should outrank the 5-minute one", got)
	}
}

// A split that many independent origins carry outranks one outlet's slip,
// however far off the slip is.
func TestOriginsOutrankASlip(t *testing.T) {
	a := analyze(t, severityLedger+sides("toll", "1,450", "1,600", 3, 3)+sides("slip", "1,450", "14,500", 1, 1))
	var order []string
	for _, d := range a.Disputes {
		order = append(order, fmt.Sprintf("%s %s", d.Topic, d.Severity))
	}
	if !slices.Equal(order, []string{"toll high", "slip medium"}) {
		t.Errorf("order = %q, want the 3-against-3 split first and high, the slip medium", order)
	}
	// Equal scores (support is full from three origins a side): more
	// origins first.
	b := analyze(t, severityLedger+sides("rejoins", "G7", "G8", 3, 3)+sides("rejoins-too", "G7", "G8", 3, 3)+
		"  - {topic: rejoins-too, value: G8, source: g, date: 2025-11-20}\n")
	if d := b.Disputes; d[0].Score != d[1].Score || d[0].Topic != "rejoins-too" {
		t.Errorf("first dispute %s (%d, then %d), want rejoins-too: seven origins against six", d[0].Topic, d[0].Score, d[1].Score)
	}
	// A well-supported split over a trivial difference is not high.
	c := analyze(t, severityLedger+sides("toll", "1,450", "1,470", 3, 3))
	if d := c.Disputes[0]; d.Severity != SeverityMedium {
		t.Errorf("1,450 against 1,470 is %s (%d), want medium", d.Severity, d.Score)
	}
}
