package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/junit"
)

// WriteJUnit writes one test case per dispute, in one suite. A dispute
// nobody has looked at (open), or whose acknowledgement or dismissal has
// expired, fails; one acknowledged or dismissed is skipped with the desk's
// reason; a resolved one passes.
func WriteJUnit(w io.Writer, r *Report, flavor junit.Flavor) error {
	name := "claimdiff disputes"
	if r.Ledger.Title != "" {
		name += ": " + r.Ledger.Title
	}
	suite := junit.Suite{Name: name, Cases: make([]junit.Case, 0, len(r.Disputes))}
	for i := range r.Disputes {
		d := &r.Disputes[i]
		c := junit.Case{
			Name:      disputeName(d),
			Classname: "claimdiff.dispute." + kindsText(d),
		}
		switch {
		case d.Status == "resolved":
		case d.Status == "open" || d.Expired:
			c.Failure = &junit.Failure{Type: kindsText(d), Message: disputeMessage(d), Text: disputeDetails(d)}
		default:
			c.Skipped = d.Status
			if d.Reason != "" {
				c.Skipped += ": " + d.Reason
			}
		}
		suite.Cases = append(suite.Cases, c)
	}
	return junit.Write(w, []junit.Suite{suite}, flavor)
}

// disputeDetails is the body of a failure: each position with its
// support, chains, quotes and claim locations.
func disputeDetails(d *Dispute) string {
	var b strings.Builder
	if d.Question != "" {
		fmt.Fprintf(&b, "%s\n", d.Question)
	}
	for pi, p := range d.Positions {
		fmt.Fprintf(&b, "\nposition %d: %s", pi+1, positionValue(p))
		if p.Best {
			b.WriteString(" (best supported)")
		}
		fmt.Fprintf(&b, "\n  %s\n", disputedout.SupportLine(p.Position))
		for _, ch := range p.Chains {
			fmt.Fprintf(&b, "  chain: %s\n", chainIDs(ch))
		}
		for _, c := range p.Claims {
			fmt.Fprintf(&b, "  claim %s at %s", c.ID, c.Pos)
			if c.Quote != "" {
				fmt.Fprintf(&b, ": “%s”", c.Quote)
			}
			b.WriteString("\n")
		}
	}
	for _, a := range d.Arithmetic {
		fmt.Fprintf(&b, "\narithmetic: %s", a)
	}
	return b.String()
}
