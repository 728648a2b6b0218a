package ledgerfile

import (
	"slices"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
)

// fmt places every claim field the loader knows: a new field added to
// claims.ClaimFields without a place here would drift to the end.
func TestClaimOrderCoversEveryField(t *testing.T) {
	got, want := slices.Clone(claimOrder), slices.Clone(claims.ClaimFields)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("claimOrder has %v, the loader reads %v", claimOrder, claims.ClaimFields)
	}
	for _, part := range [][]string{topOrder, sourceOrder, topicOrder, disputeOrder} {
		if len(part) == 0 {
			t.Error("a part of the ledger has no field order")
		}
	}
}
