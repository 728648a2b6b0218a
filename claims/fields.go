package claims

import (
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// ClaimFields names a claim's fields, in the order the ledger format
// documents them; every reader and writer of claims uses this list.
var ClaimFields = []string{"id", "topic", "value", "source", "via", "date", "as_of", "quote", "context", "denies", "note"}

// DateForms says which forms IsDate accepts, with an example of each, for
// the messages that refuse a date.
const DateForms = "a date YYYY-MM-DD (2017-10-03) or a time with its offset, seconds optional (2017-10-03T19:00-04:00, 2017-10-03T23:00:00Z)"

// IsDate accepts what a claim's date and as_of may hold: YYYY-MM-DD, or an
// RFC 3339 time, whose seconds may be left out as claim values may
// (2017-10-03T19:00-04:00): a time read off a page rarely has them.
func IsDate(s string) bool {
	_, _, ok := ParseDate(s)
	return ok
}

// ContextPairs splits a canonical context back into its pairs. Every pair
// is written key=value, so a part without "=" is the rest of a value that
// held "; " and belongs to the pair before it, as the bulk loader joins
// them.
func ContextPairs(ctx string) [][2]string {
	if ctx == "" {
		return nil
	}
	var out [][2]string
	for _, p := range strings.Split(ctx, "; ") {
		k, v, ok := strings.Cut(p, "=")
		if !ok && len(out) > 0 {
			out[len(out)-1][1] += "; " + p
			continue
		}
		out = append(out, [2]string{k, v})
	}
	return out
}

// DescribeContext names a context in a sentence: "context country=UA".
func DescribeContext(ctx string) string {
	if ctx == "" {
		return "no context"
	}
	return fmt.Sprintf("context %s", ctx)
}

// Places holds where a claim's topic, source and via entries are written,
// kept beside the claims only while a ledger is checked, so loaded claims
// stay small.
type Places struct {
	Topic, Source diag.LineCol
	Via           []diag.LineCol
	HasID         bool
}
