package sources

import (
	"fmt"
	"slices"
	"strings"
)

// Chain returns the attribution chain of a claim, from its origin to the
// reader: the origin, the origin's own via chain (recursively), then each
// of the claim's via entries followed by its own via chain. No id appears
// twice. Cycles and unknown ids are tolerated (an unknown id is listed but
// not followed), because Chain runs on ledgers that Check has not passed.
func (r *Registry) Chain(origin string, via []string) []string {
	var chain []string
	seen := map[string]bool{}
	r.walk(origin, seen, &chain)
	for _, v := range via {
		r.walk(v, seen, &chain)
	}
	return chain
}

// walk appends id and, depth first, everything it reaches through via. It
// keeps its own stack rather than recursing on untrusted data.
func (r *Registry) walk(id string, seen map[string]bool, chain *[]string) {
	stack := []string{id}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		*chain = append(*chain, id)
		if s := r.Get(id); s != nil {
			// Push in reverse so the nearest via is visited first.
			for i := len(s.Via) - 1; i >= 0; i-- {
				stack = append(stack, s.Via[i])
			}
		}
	}
}

// ChainString renders a chain for people: "us-official → reuters →
// reopen-media".
func ChainString(chain []string) string { return strings.Join(chain, " → ") }

// Attribution is who a claim is from (Origin, its source) and what it came
// through (Via, the claim's own via entries).
type Attribution struct {
	Origin string
	Via    []string
}

// Support measures how well a set of claims is backed. Origins counts
// independent origins; Reach counts every source the claims passed
// through, origins included, which is what a reader sees as "outlets".
type Support struct {
	Origins   int
	Reach     int
	OriginIDs []string // sorted
	ReachIDs  []string // sorted
}

// Support counts the independent origins and the reach of a set of
// claims. Claims from one origin count once, however many outlets repeated
// them.
func (r *Registry) Support(claims []Attribution) Support {
	origins := map[string]bool{}
	reach := map[string]bool{}
	for _, c := range claims {
		if c.Origin != "" {
			origins[c.Origin] = true
		}
		for _, id := range r.Chain(c.Origin, c.Via) {
			reach[id] = true
		}
	}
	s := Support{OriginIDs: sortedKeys(origins), ReachIDs: sortedKeys(reach)}
	s.Origins, s.Reach = len(s.OriginIDs), len(s.ReachIDs)
	return s
}

// String says "3 outlets, 1 independent origin".
func (s Support) String() string {
	return fmt.Sprintf("%s, %s", plural(s.Reach, "outlet"), plural(s.Origins, "independent origin"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
