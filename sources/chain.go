package sources

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// MaxChain is how many other sources one source may come through, by its
// via and theirs. Real attribution is a handful of steps; a ledger that
// chains thousands made every chain-reading command quadratic (a
// 4,000-deep chain printed 80 MB), so a longer chain is an error.
const MaxChain = 64

// Chain returns the attribution chain of a claim, from its origin to the
// reader: the origin, the origin's own via chain (recursively), then each
// of the claim's via entries followed by its own via chain. No id appears
// twice. Cycles and unknown ids are tolerated (an unknown id is listed but
// not followed), because Chain runs on ledgers that Check has not passed.
//
// After Check, a chain is put together from each source's own chain,
// worked out once, so it costs its length; the slice may then be shared,
// and the caller must not change it.
func (r *Registry) Chain(origin string, via []string) []string {
	if chain, ok := r.fromIndex(origin, via); ok {
		return chain
	}
	var chain []string
	seen := map[string]bool{}
	r.walk(origin, seen, &chain)
	for _, v := range via {
		r.walk(v, seen, &chain)
	}
	return chain
}

// walk appends id and, depth first, everything it reaches through via, up
// to MaxChain+1 ids: more than any chain of a ledger that passes Check,
// so that a ledger that fails it (a cycle through thousands of sources)
// costs no more. It keeps its own stack rather than recursing on
// untrusted data, and reads each source's via list as it goes.
func (r *Registry) walk(id string, seen map[string]bool, chain *[]string) {
	if id == "" || seen[id] {
		return
	}
	budget := MaxChain + 1
	var stack []frame
	visit := func(id string) {
		seen[id] = true
		*chain = append(*chain, id)
		budget--
		if s := r.Get(id); s != nil {
			stack = append(stack, frame{s: s})
		}
	}
	visit(id)
	for len(stack) > 0 && budget > 0 {
		top := &stack[len(stack)-1]
		if top.next == len(top.s.Via) {
			stack = stack[:len(stack)-1]
			continue
		}
		v := top.s.Via[top.next]
		top.next++
		if v != "" && !seen[v] {
			visit(v)
		}
	}
}

// ownChain is the chain of one id as the index knows it: the source's own
// chain, or the id alone if no source has it. ok is false for a source
// with no chain (in a cycle, or over MaxChain), which only walk can give.
func (r *Registry) ownChain(id string) (chain []string, ok bool) {
	if c, ok := r.chains[id]; ok {
		return c, true
	}
	if r.byID[id] != nil {
		return nil, false
	}
	return []string{id}, true
}

// fromIndex puts Chain(origin, via) together from the sources' own
// chains. A walk from one id, then from the next with the ids seen so far
// skipped, gives the first id's chain followed by the second's less what
// was seen: in a graph with no cycle, everything a seen id reaches was
// seen with it.
func (r *Registry) fromIndex(origin string, via []string) ([]string, bool) {
	if r == nil || r.chains == nil {
		return nil, false
	}
	if len(via) == 0 && origin != "" {
		return r.ownChain(origin)
	}
	var out []string
	var seen map[string]bool
	add := func(id string) bool {
		if id == "" {
			return true
		}
		c, ok := r.ownChain(id)
		if !ok {
			return false
		}
		for _, x := range c {
			// A short chain is searched; a long one keeps a set.
			if seen == nil && len(out) > 16 {
				seen = make(map[string]bool, 2*len(out))
				for _, y := range out {
					seen[y] = true
				}
			}
			if seen != nil {
				if seen[x] {
					continue
				}
				seen[x] = true
			} else if slices.Contains(out, x) {
				continue
			}
			out = append(out, x)
		}
		return true
	}
	if !add(origin) {
		return nil, false
	}
	for _, v := range via {
		if !add(v) {
			return nil, false
		}
	}
	return out, true
}

// index works out every source's chain, each from those of its via
// entries, in one pass in dependency order, and reports each source whose
// chain is the first on its path to pass MaxChain. Sources in a via cycle
// (reported by cycles) and those that reach one or an overlong chain get
// no chain. Each source costs at most MaxChain+1 ids per via entry, so
// the whole index is linear in the ledger.
func (r *Registry) index() []diag.Problem {
	const (
		unseen = iota
		active
		done
	)
	state := make(map[string]int, len(r.order))
	chains := make(map[string][]string, len(r.order))
	// mark[id] == gen when id is already in the chain being built.
	mark := map[string]int{}
	gen := 0
	var ps []diag.Problem
	// build makes s's chain once every source it names is done.
	build := func(s *Source) {
		gen++
		chain := []string{s.ID}
		mark[s.ID] = gen
		for i, v := range s.Via {
			if v == "" {
				continue
			}
			c, ok := []string{v}, true
			if r.byID[v] != nil {
				c, ok = chains[v]
			}
			if !ok {
				return // in or past a cycle, or past the limit: no chain
			}
			for _, x := range c {
				if mark[x] == gen {
					continue
				}
				mark[x] = gen
				chain = append(chain, x)
			}
			if len(chain)-1 > MaxChain {
				p := diag.Errorf(s.viaPos(i), "via-too-deep", "source %q comes through more than %d other sources by way of via", s.ID, MaxChain)
				p.Hint = "via names the few sources that relayed a claim; a chain this long is a mistake"
				ps = append(ps, p)
				return
			}
		}
		chains[s.ID] = slices.Clip(chain)
	}
	for _, root := range r.order {
		if state[root.ID] != unseen {
			continue
		}
		stack := []frame{{s: root}}
		state[root.ID] = active
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(top.s.Via) {
				state[top.s.ID] = done
				build(top.s)
				stack = stack[:len(stack)-1]
				continue
			}
			to := r.byID[top.s.Via[top.next]]
			top.next++
			if to != nil && state[to.ID] == unseen {
				state[to.ID] = active
				stack = append(stack, frame{s: to})
			}
		}
	}
	r.chains = chains
	return ps
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
