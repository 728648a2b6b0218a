package sources

import (
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// Registry is the set of sources of a ledger, by id, in definition order.
// The zero value is an empty registry; a nil *Registry reads as empty.
type Registry struct {
	byID  map[string]*Source
	order []*Source
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

// Check reports via entries that name no source ("unknown-source") and via
// chains that lead back to where they started ("via-cycle"). Each problem
// is anchored at the offending via entry, and each cycle is reported once.
func (r *Registry) Check() []diag.Problem {
	if r == nil {
		return nil
	}
	var ps []diag.Problem
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
				if near := r.nearest(v); near != "" {
					p.Hint = "did you mean \"" + near + "\"?"
				}
			}
			ps = append(ps, p)
		}
	}
	return append(ps, r.cycles()...)
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
		unseen = iota
		active // on the current path
		done
	)
	state := make(map[string]int, len(r.order))
	var ps []diag.Problem
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
				stack = stack[:len(stack)-1]
				continue
			}
			i := top.next
			top.next++
			to := r.byID[top.s.Via[i]]
			if to == nil {
				continue // reported as unknown-source
			}
			switch state[to.ID] {
			case unseen:
				state[to.ID] = active
				stack = append(stack, frame{s: to})
			case active:
				ps = append(ps, cycleProblem(stack, to, i))
			}
		}
	}
	return ps
}

// cycleProblem describes the cycle closed by via entry i of the source on
// top of stack, which points back at to (somewhere on the stack). The path
// is told from the source whose via entry is blamed, so that the message
// and the caret agree: "b -> a -> b" for b's entry "a".
func cycleProblem(stack []frame, to *Source, i int) diag.Problem {
	from := stack[len(stack)-1].s
	start := len(stack) - 1
	for start > 0 && stack[start].s != to {
		start--
	}
	path := []string{from.ID}
	for _, f := range stack[start : len(stack)-1] {
		path = append(path, f.s.ID)
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
		if d := editDistance(strings.ToLower(id), strings.ToLower(s.ID)); d < bestDist {
			best, bestDist = s.ID, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings, in
// runes. Ids are short; anything long is simply not a near miss.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
