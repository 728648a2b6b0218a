package idindex

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
)

// referenceDuplicates is the plain map the index replaces.
func referenceDuplicates(claims []claims.Claim, has func(int) bool) (dups [][2]int) {
	first := map[string]int{}
	for i, c := range claims {
		if !has(i) {
			continue
		}
		if prev, ok := first[c.ID]; ok {
			dups = append(dups, [2]int{i, prev})
			continue
		}
		first[c.ID] = i
	}
	return dups
}

func TestIDIndexMatchesMap(t *testing.T) {
	for _, tt := range []struct {
		claims, distinct int
	}{
		{0, 1}, {1, 1}, {2, 1}, {100, 100}, {1000, 50}, {5000, 4000}, {20000, 3},
	} {
		t.Run(fmt.Sprintf("%d/%d", tt.claims, tt.distinct), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tt.claims), uint64(tt.distinct)))
			claims := make([]claims.Claim, tt.claims)
			given := make([]bool, tt.claims)
			for i := range claims {
				claims[i].ID = fmt.Sprintf("c%d", rng.IntN(tt.distinct))
				given[i] = rng.IntN(10) > 0
			}
			has := func(i int) bool { return given[i] }
			x := New(claims, has)
			got, want := x.Duplicates(), referenceDuplicates(claims, has)
			if !slices.Equal(got, want) {
				t.Fatalf("duplicates differ from a map's:\n got %v\nwant %v", clipPairs(got), clipPairs(want))
			}
			givenIDs := map[string]bool{}
			for i, c := range claims {
				givenIDs[c.ID] = givenIDs[c.ID] || given[i]
			}
			for _, c := range claims {
				if got := x.Has(c.ID); got != givenIDs[c.ID] {
					t.Fatalf("has(%q) = %v, want %v", c.ID, got, givenIDs[c.ID])
				}
			}
			for _, id := range []string{"", "c-1", fmt.Sprintf("c%d", tt.distinct), "nobody"} {
				if x.Has(id) {
					t.Errorf("has(%q) = true for an id no claim has", id)
				}
			}
		})
	}
}

func clipPairs(p [][2]int) [][2]int { return p[:min(len(p), 10)] }

// Different ids may share the top 32 bits of their hash, which is all
// the index keeps; the index is built by hand to force that.
func TestIDIndexHashCollisions(t *testing.T) {
	claims := []claims.Claim{{ID: "a"}, {ID: "b"}, {ID: "a"}, {ID: "c"}, {ID: "b"}}
	const h = 0xAAAA_0000 << 32
	x := &Index{claims: claims, keys: []uint64{idKey(h, 0), idKey(h, 1), idKey(h, 2), idKey(h, 3), idKey(h, 4)}}
	want := [][2]int{{2, 0}, {4, 1}}
	if got := x.Duplicates(); !slices.Equal(got, want) {
		t.Errorf("duplicates = %v, want %v", got, want)
	}
}

func TestIDIndexLongRun(t *testing.T) {
	claims := make([]claims.Claim, 100)
	for i := range claims {
		claims[i].ID = "same"
	}
	claims[50].ID = "other"
	x := New(claims, func(int) bool { return true })
	dups := x.Duplicates()
	if len(dups) != 98 {
		t.Fatalf("got %d duplicates, want 98", len(dups))
	}
	for _, d := range dups {
		if d[1] != 0 || d[0] == 50 {
			t.Fatalf("duplicate %v: every repeat of %q should point at claim 0", d, "same")
		}
	}
}

func TestRadixSortKeepsClaimOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	keys := make([]uint64, 10000)
	for i := range keys {
		keys[i] = idKey(rng.Uint64N(50)<<40, i)
	}
	got := radixSort(slices.Clone(keys), make([]uint64, len(keys)))
	want := slices.Clone(keys)
	slices.SortStableFunc(want, func(a, b uint64) int { return cmp.Compare(a>>32, b>>32) })
	if !slices.Equal(got, want) {
		t.Fatal("radixSort does not sort by hash with claims in order")
	}
}
