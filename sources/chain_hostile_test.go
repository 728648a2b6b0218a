package sources

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// chainOf builds sources 0..n-1, each via the one before it.
func chainOf(n int) *Registry {
	r := NewRegistry()
	for i := range n {
		s := &Source{ID: fmt.Sprint(i)}
		if i > 0 {
			s.Via = []string{fmt.Sprint(i - 1)}
		}
		r.Add(s)
	}
	return r
}

// A 10,000-deep via chain is one via-too-deep error, at the first source
// past the limit, and every chain read from the ledger holds at most
// MaxChain+1 ids: the chains of all sources together are linear in the
// ledger, where they were the square of its depth (50 million ids here).
func TestChainDepthCap(t *testing.T) {
	const n = 10_000
	r := chainOf(n)
	ps := r.Check()
	if len(ps) != 1 || ps[0].Code != "via-too-deep" || !strings.Contains(ps[0].Message, fmt.Sprintf("source %q", fmt.Sprint(MaxChain+1))) {
		t.Fatalf("problems %v, want one via-too-deep for source %d", ps, MaxChain+1)
	}
	total := 0
	for _, s := range r.All() {
		total += len(r.Chain(s.ID, nil))
	}
	if limit := (MaxChain + 1) * n; total > limit {
		t.Errorf("the sources' chains hold %d ids in all; want at most %d", total, limit)
	}
	if got := r.Chain(fmt.Sprint(MaxChain), nil); len(got) != MaxChain+1 || got[0] != fmt.Sprint(MaxChain) || got[MaxChain] != "0" {
		t.Errorf("the longest chain allowed: %d ids from %s to %s", len(got), got[0], got[len(got)-1])
	}
}

// A chain exactly MaxChain deep is fine.
func TestChainAtTheCap(t *testing.T) {
	if ps := chainOf(MaxChain + 1).Check(); len(ps) != 0 {
		t.Fatalf("problems %v", ps)
	}
}

// A source that comes through too many others at once, one level deep, is
// just as long a chain, and reported once, at the source itself.
func TestChainWideCap(t *testing.T) {
	r := NewRegistry()
	hub := &Source{ID: "hub"}
	for i := range 1000 {
		id := fmt.Sprintf("s%d", i)
		r.Add(&Source{ID: id})
		hub.Via = append(hub.Via, id)
	}
	r.Add(hub)
	for i := range 1000 {
		r.Add(&Source{ID: fmt.Sprintf("x%d", i), Via: []string{"hub"}})
	}
	ps := r.Check()
	if len(ps) != 1 || ps[0].Code != "via-too-deep" || !strings.Contains(ps[0].Message, `"hub"`) {
		t.Fatalf("problems %v, want one via-too-deep for hub", ps)
	}
}

// Chains put together from each source's own chain, and those the walk
// finds, are the chains the unbounded walk found, in the same order, on
// random ledgers without cycles.
func TestChainIndexMatchesWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n := 1 + rng.IntN(30)
		r, plain := NewRegistry(), NewRegistry()
		for i := range n {
			s := &Source{ID: fmt.Sprint(i)}
			// Via only names earlier sources, or unknown ones: no cycles.
			for range rng.IntN(4) {
				switch k := rng.IntN(i + 2); {
				case k < i:
					s.Via = append(s.Via, fmt.Sprint(k))
				case k == i:
					s.Via = append(s.Via, "ghost")
				default:
					s.Via = append(s.Via, "")
				}
			}
			// Defined out of order, so the index does not lean on it.
			r.Add(s)
		}
		for _, s := range r.All() {
			plain.Add(s)
		}
		old := func(origin string, via []string) []string {
			var chain []string
			seen := map[string]bool{}
			for _, id := range append([]string{origin}, via...) {
				stack := []string{id}
				for len(stack) > 0 {
					id := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if id == "" || seen[id] {
						continue
					}
					seen[id] = true
					chain = append(chain, id)
					if s := plain.Get(id); s != nil {
						for i := len(s.Via) - 1; i >= 0; i-- {
							stack = append(stack, s.Via[i])
						}
					}
				}
			}
			return chain
		}
		if ps := r.Check(); len(ps) > 0 && ps[0].Code == "via-cycle" {
			t.Fatalf("round %d: a cycle: %v", round, ps)
		}
		for range 20 {
			origin := fmt.Sprint(rng.IntN(n + 1))
			var via []string
			for range rng.IntN(3) {
				via = append(via, fmt.Sprint(rng.IntN(n+1)))
			}
			got, walked, want := r.Chain(origin, via), plain.Chain(origin, via), old(origin, via)
			if !slices.Equal(got, want) || !slices.Equal(walked, want) {
				t.Fatalf("round %d: Chain(%q, %q) = %q from the index and %q walked, want %q", round, origin, via, got, walked, want)
			}
		}
	}
}

// A cycle through thousands of sources is named by its ends, and many
// long cycles do not make the problems the square of the ledger.
func TestLongCyclesClipped(t *testing.T) {
	const n = 5000
	r := NewRegistry()
	for i := range n {
		// Each source leads on, and back to the first: n cycles, of every
		// length up to n.
		r.Add(&Source{ID: fmt.Sprint(i), Via: []string{fmt.Sprint((i + 1) % n), "0"}})
	}
	size := 0
	for _, p := range r.Check() {
		size += len(p.Message)
	}
	if size > 200*n {
		t.Errorf("problems are %d bytes for %d sources", size, n)
	}
}
