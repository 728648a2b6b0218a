package resolve

import "testing"

// The table and the map that stands in for it past maxPairTable find
// the same pairs.
func TestPairIndexTableAndMap(t *testing.T) {
	small := newPairIndex(50)
	big := newPairIndex(3000)
	if small.table == nil || big.m == nil {
		t.Fatalf("50 origins should use the table, 3000 the map")
	}
	for _, x := range []*pairIndex{small, big} {
		p := int32(0)
		for a := int32(0); a < 50; a += 3 {
			for b := a + 1; b < 50; b += 7 {
				x.add(a, b, p)
				p++
			}
		}
		p = 0
		for a := int32(0); a < 50; a++ {
			for b := a + 1; b < 50; b++ {
				want := int32(-1)
				if a%3 == 0 && (b-a-1)%7 == 0 {
					want = p
					p++
				}
				if got := x.find(a, b); got != want {
					t.Fatalf("find(%d, %d) = %d, want %d (table %v)", a, b, got, want, x.table != nil)
				}
			}
		}
	}
}
