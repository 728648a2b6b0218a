package sources

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/suggest"
)

// Registry is the set of sources of a ledger, by id, in definition order.
// The zero value is an empty registry; a nil *Registry reads as empty.
type Registry struct {
	byID  map[string]*Source
	order []*Source
	// chains holds each source's own chain, as Chain(id, nil) gives it,
	// once Check has worked them out; nil before, and again after an Add.
	// A source in a via cycle or over MaxChain has none.
	chains map[string][]string
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byID: map[string]*Source{}} }

// Add defines s. If its id is taken, Add keeps the earlier definition and
// returns it, so the caller can report both places; otherwise it returns
// nil. A nil source is ignored.
func (r *Registry) Add(s *Source) (existing *Source) {
	if s == nil {
		return nil
	}
	if old, ok := r.byID[s.ID]; ok {
		return old
	}
	if r.byID == nil {
		r.byID = map[string]*Source{}
	}
	r.byID[s.ID] = s
	r.order = append(r.order, s)
	r.chains = nil
	return nil
}

// Get returns the source with the given id, or nil.
func (r *Registry) Get(id string) *Source {
	if r == nil {
		return nil
	}
	return r.byID[id]
}

// Len is the number of sources.
func (r *Registry) Len() int {
	if r == nil {
		return 0
	}
	return len(r.order)
}

// All returns the sources in definition order. The slice is a copy; the
// sources are not.
func (r *Registry) All() []*Source {
	if r == nil {
		return nil
	}
	return slices.Clone(r.order)
}

// maxHints is how many unknown via entries get a "did you mean": each
// hint compares the id with every source, which for thousands of unknown
// entries would cost the square of the ledger.
const maxHints = 100

// Check reports via entries that name no source ("unknown-source"), via
// chains that lead back to where they started ("via-cycle") and chains
// longer than MaxChain ("via-too-deep"). Each problem is anchored at the
// offending via entry, and each cycle and each overlong chain is reported
// once. It also works out every source's chain, which Chain then reads.
func (r *Registry) Check() []diag.Problem {
	if r == nil {
		return nil
	}
	var ps []diag.Problem
	hints := 0
	for _, s := range r.order {
		for i, v := range s.Via {
			if r.byID[v] != nil {
				continue
			}
			var p diag.Problem
			if strings.TrimSpace(v) == "" {
				p = diag.Errorf(s.viaPos(i), "unknown-source", "empty source id in via of source %q", s.ID)
			} else {
				p = diag.Errorf(s.viaPos(i), "unknown-source", "source %q has via %q, which is not a defined source", s.ID, v)
				if hints++; hints <= maxHints {
					if near := r.nearest(v); near != "" {
						p.Hint = "did you mean \"" + near + "\"?"
					}
				}
			}
			ps = append(ps, p)
		}
	}
	ps = append(ps, r.cycles()...)
	return append(ps, r.index()...)
}

// frame is one step of the depth-first search for via cycles.
type frame struct {
	s    *Source
	next int // index of the next via entry to follow
}

// cycles finds via cycles by depth-first search in definition order. Each
// back edge closes exactly one cycle, so reporting back edges reports each
// cycle once. The search keeps its own stack: a ledger could chain
// thousands of sources, and it is untrusted.
func (r *Registry) cycles() []diag.Problem {
	const (
		unseen = -1
		done   = -2
	)
	// state is a source's place on the current path, or unseen or done.
	state := make(map[string]int, len(r.order))
	at := func(id string) int {
		if n, ok := state[id]; ok {
			return n
		}
		return unseen
	}
	var ps []diag.Problem
	for _, root := range r.order {
		if at(root.ID) != unseen {
			continue
		}
		stack := []frame{{s: root}}
		state[root.ID] = 0
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(top.s.Via) {
				state[top.s.ID] = done
				stack = stack[:len(stack)-1]
				continue
			}
			i := top.next
			top.next++
			to := r.byID[top.s.Via[i]]
			if to == nil {
				continue // reported as unknown-source
			}
			switch n := at(to.ID); {
			case n == unseen:
				state[to.ID] = len(stack)
				stack = append(stack, frame{s: to})
			case n >= 0:
				ps = append(ps, cycleProblem(stack, n, i))
			}
		}
	}
	return ps
}

// cycleShown is how many sources a cycle's message names at each end; a
// cycle through thousands of sources is named by its ends and a count, so
// that many long cycles cannot make the output the square of the ledger.
const cycleShown = 4

// cycleProblem describes the cycle closed by via entry i of the source on
// top of stack, which points back at stack[start]. The path is told from
// the source whose via entry is blamed, so that the message and the caret
// agree: "b -> a -> b" for b's entry "a".
func cycleProblem(stack []frame, start, i int) diag.Problem {
	from := stack[len(stack)-1].s
	on := stack[start : len(stack)-1] // the cycle's other sources, in order
	path := []string{from.ID}
	if len(on) <= 2*cycleShown {
		for _, f := range on {
			path = append(path, f.s.ID)
		}
	} else {
		for _, f := range on[:cycleShown] {
			path = append(path, f.s.ID)
		}
		path = append(path, fmt.Sprintf("(%d more)", len(on)-2*cycleShown))
		for _, f := range on[len(on)-cycleShown:] {
			path = append(path, f.s.ID)
		}
	}
	path = append(path, from.ID)
	return diag.Errorf(from.viaPos(i), "via-cycle", "source %q reaches itself through via: %s",
		from.ID, strings.Join(path, " -> "))
}

// nearest returns the defined id closest to a misspelt one, or "" when
// none is close enough to be a likely typo.
func (r *Registry) nearest(id string) string {
	n := len([]rune(id))
	// A typo changes a letter or two; changing every letter of a short
	// id is another id.
	limit := min(2, max(1, n/3), n-1)
	best, bestDist := "", limit+1
	for _, s := range r.order {
		if d := editDistance(strings.ToLower(id), strings.ToLower(s.ID), limit); d < bestDist {
			best, bestDist = s.ID, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings, in
// runes, or a number above limit. Ids are short; anything long is simply
// not a near miss.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb))
	}
	return suggest.Edits(ra, rb, limit, false)
}
