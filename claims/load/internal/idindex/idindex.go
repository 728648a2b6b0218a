// Package idindex finds the claim ids given twice in a ledger, and tells
// whether an id was given, fast enough for a million claims.
package idindex

import (
	"hash/maphash"
	"slices"
	"sort"

	"github.com/claimdiff/claimdiff/claims"
)

// Index holds the ids claims were given, to find those used twice and to
// keep derived ids clear of them. A map of a million id strings spends most
// of its time waiting on memory, one random access per claim; sorting the
// ids' hashes reads and writes memory in order, so equal ids meet as
// neighbours at a fraction of the cost. A claim's index fits in 32 bits:
// four billion claims would not fit in memory.
type Index struct {
	claims []claims.Claim
	seed   maphash.Seed
	// keys holds one entry per claim with an id: the top 32 bits of the
	// id's hash above the claim's index. Sorted, equal ids sit side by
	// side with their first use first.
	keys []uint64
}

func idKey(hash uint64, at int) uint64 { return hash&^0xffff_ffff | uint64(at) }

func keyAt(k uint64) int { return int(k & 0xffff_ffff) }

// New indexes the ids of the claims for which has is true.
func New(claims []claims.Claim, has func(i int) bool) *Index {
	x := &Index{claims: claims, seed: maphash.MakeSeed()}
	keys := make([]uint64, 0, len(claims))
	for i := range claims {
		if has(i) {
			keys = append(keys, idKey(maphash.String(x.seed, claims[i].ID), i))
		}
	}
	x.keys = radixSort(keys, make([]uint64, len(keys)))
	return x
}

// radixSort sorts keys eleven bits at a time in three passes over the top
// 33 bits, which leaves keys with equal hashes in claim order, as each pass
// keeps the order of equal digits and the claims were added in order. It
// uses spare as scratch space and returns whichever of the two holds the
// result.
func radixSort(keys, spare []uint64) []uint64 {
	for shift := 31; shift < 64; shift += 11 {
		var count [2049]int
		for _, k := range keys {
			count[(k>>shift)&0x7ff+1]++
		}
		for d := 1; d < len(count); d++ {
			count[d] += count[d-1]
		}
		for _, k := range keys {
			d := (k >> shift) & 0x7ff
			spare[count[d]] = k
			count[d]++
		}
		keys, spare = spare, keys
	}
	return keys
}

// Duplicates returns, in claim order, each claim whose id an earlier claim
// already has, with that earlier claim: the id's first use.
func (x *Index) Duplicates() (dups [][2]int) {
	keys := x.keys
	for i := 0; i < len(keys); {
		// A run of keys sharing a hash; different ids may share one.
		j := i + 1
		for j < len(keys) && keys[j]>>32 == keys[i]>>32 {
			j++
		}
		if j-i > 1 {
			dups = x.runDuplicates(keys[i:j], dups)
		}
		i = j
	}
	slices.SortFunc(dups, func(a, b [2]int) int { return a[0] - b[0] })
	return dups
}

// runDuplicates finds the repeated ids within a run, which is in claim
// order. Runs are nearly always a pair; a hostile ledger may make one of a
// million claims all with the same id, so a long run gets a map.
func (x *Index) runDuplicates(run []uint64, dups [][2]int) [][2]int {
	if len(run) > 8 {
		first := map[string]int{}
		for _, k := range run {
			id := x.claims[keyAt(k)].ID
			if prev, ok := first[id]; ok {
				dups = append(dups, [2]int{keyAt(k), prev})
			} else {
				first[id] = keyAt(k)
			}
		}
		return dups
	}
	for n, k := range run {
		for _, p := range run[:n] {
			if x.claims[keyAt(p)].ID == x.claims[keyAt(k)].ID {
				dups = append(dups, [2]int{keyAt(k), keyAt(p)})
				break
			}
		}
	}
	return dups
}

// Has reports whether some claim was given id.
func (x *Index) Has(id string) bool {
	h := maphash.String(x.seed, id) >> 32
	keys := x.keys
	i := sort.Search(len(keys), func(i int) bool { return keys[i]>>32 >= h })
	for ; i < len(keys) && keys[i]>>32 == h; i++ {
		if x.claims[keyAt(keys[i])].ID == id {
			return true
		}
	}
	return false
}
