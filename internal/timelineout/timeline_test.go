package timelineout

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/timeline"
)

// A pipe or markup in ledger text stays inside its Markdown cell.
func TestTimelineMarkdownEscapes(t *testing.T) {
	ts := []timeline.Topic{{Topic: "t", Events: []timeline.Event{
		{Kind: timeline.EventClaim, Date: "2025-03-01", Claim: "c", Source: "s", Value: "a|b <i>x</i>"},
	}}}
	var b strings.Builder
	if err := TimelineMarkdown(&b, ts); err != nil {
		t.Fatal(err)
	}
	row := `| 2025-03-01 | s | a\|b \<i\>x\</i\> | c |  |`
	if !strings.Contains(b.String(), row+"\n") {
		t.Errorf("Markdown:\n%s\nwant the row %s", b.String(), row)
	}
}
