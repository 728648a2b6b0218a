package load

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/suggest"
	"github.com/claimdiff/claimdiff/internal/yamlnode"
)

// reader walks one file's YAML nodes and collects problems with their true
// positions. It resolves aliases itself, with a budget, because the
// yaml.Node path expands nothing and so limits nothing on its own.
type reader struct {
	file     string
	problems []diag.Problem
	// budget is how many more nodes the walk may visit through aliases
	// before it calls the file an alias bomb, and byteBudget how many more
	// bytes of text those nodes may hold: 5,000 claims that each name
	// one anchored megabyte are few nodes but 5 GB to lint and to print.
	budget     int
	byteBudget int64
	bombed     bool
	// uncapped keeps every problem, for a reader whose problems are
	// passed on to another that caps them.
	uncapped bool
	// tolerances remembers each tolerance read, as a quarter of a million
	// topics repeat a handful.
	tolerances map[string]toleranceRead
	// inClaim is set while a claim is read, whose unreadable fields are
	// Row problems; rowProblems counts those, to mark the claim Unread.
	inClaim     bool
	rowProblems int
}

type toleranceRead struct {
	tol value.Tolerance
	err error
}

// tolerance is value.ParseTolerance, once per distinct text.
func (r *reader) tolerance(s string) (value.Tolerance, error) {
	if t, ok := r.tolerances[s]; ok {
		return t.tol, t.err
	}
	tol, err := value.ParseTolerance(s)
	if r.tolerances == nil {
		r.tolerances = map[string]toleranceRead{}
	}
	if len(r.tolerances) < 1024 {
		r.tolerances[s] = toleranceRead{tol, err}
	}
	return tol, err
}

func newReader(file string, nodes int) *reader {
	r := &reader{file: file, budget: max(4*nodes, 10_000), byteBudget: aliasBytes(0)}
	return r
}

// aliasBytesPerByte and minAliasBytes set how much text aliases may expand
// to: four times the file's own size, so that everything claimdiff does
// with a ledger (analysis, reports) costs at most a few times what it
// would without aliases, and at least 1 MiB, which costs nothing.
const (
	aliasBytesPerByte = 4
	minAliasBytes     = 1 << 20
)

// aliasBytes is the text aliases may expand to in a file of size bytes.
func aliasBytes(size int) int64 {
	return max(aliasBytesPerByte*int64(size), minAliasBytes)
}

func (r *reader) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

// maxProblems caps what one file reports, so a hostile file cannot flood
// the output (60,000 duplicate keys are one mistake, not 60,000).
const maxProblems = 100

func (r *reader) errorf(n *yaml.Node, code, format string, args ...any) {
	r.add(diag.Errorf(r.pos(n), code, format, args...))
}

func (r *reader) add(p diag.Problem) {
	if r.inClaim && p.Severity == diag.Error && claims.Unreadable(p.Code) {
		p.Row = true
		r.rowProblems++
	}
	l := diag.List{Problems: r.problems, Uncapped: r.uncapped}
	l.Add(p)
	r.problems = l.Problems
}

// resolve follows aliases, charging the alias budget for the node count of
// what an alias stands for.
func (r *reader) resolve(n *yaml.Node) *yaml.Node {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode; hops++ {
		if r.bombed {
			return nil
		}
		if n.Alias == nil || hops > 64 {
			r.errorf(n, "alias", "alias *%s refers to itself", n.Value)
			return nil
		}
		count, size, cyclic := countNodes(n.Alias, r.budget+1, r.byteBudget+1)
		if cyclic {
			r.errorf(n, "alias", "alias *%s refers to a node that contains it", n.Value)
			return nil
		}
		r.budget -= count
		r.byteBudget -= size
		switch {
		case r.budget < 0:
			r.bombed = true
			r.errorf(n, "alias-bomb", "aliases expand to too many nodes; claimdiff stops reading this file")
			return nil
		case r.byteBudget < 0:
			r.bombed = true
			r.errorf(n, "alias-bomb", "aliases expand to more text than %d times the file's size; claimdiff stops reading this file", aliasBytesPerByte)
			return nil
		}
		n = n.Alias
	}
	return n
}

// countNodes counts nodes below n and the bytes of text they hold,
// stopping once either passes its limit so a billion-laughs tree costs no
// more than the budget to measure. It also reports an alias that refers
// to a node containing it, which would expand forever.
func countNodes(n *yaml.Node, limit int, byteLimit int64) (count int, size int64, cyclic bool) {
	onPath := map[*yaml.Node]bool{}
	var walk func(*yaml.Node, int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || count > limit || size > byteLimit || depth > maxDepth || cyclic {
			return
		}
		count++
		if n.Kind == yaml.AliasNode {
			if onPath[n.Alias] {
				cyclic = true
				return
			}
			walk(n.Alias, depth+1)
			return
		}
		size += int64(len(n.Value))
		onPath[n] = true
		for _, c := range n.Content {
			walk(c, depth+1)
		}
		delete(onPath, n)
	}
	walk(n, 0)
	return count, size, cyclic
}

// depth measures how deeply n nests and returns the deepest node, without
// recursion, so a hostile tree cannot exhaust the stack.
func depth(root *yaml.Node) (int, *yaml.Node) {
	type item struct {
		n *yaml.Node
		d int
	}
	stack := []item{{root, 1}}
	best, deepest := 0, root
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.d > best {
			best, deepest = it.d, it.n
		}
		if it.d > maxDepth {
			break
		}
		for _, c := range it.n.Content {
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return best, deepest
}

// field is one key of a mapping.
type field struct {
	key   string
	keyN  *yaml.Node
	value *yaml.Node
}

// mapping returns the fields of a mapping node in order, reporting
// duplicate keys (in linear time, unlike yaml.v3's own check), merge keys and
// non-scalar keys. what names the mapping in messages ("claim").
func (r *reader) mapping(n *yaml.Node, what string) ([]field, bool) {
	return r.fields(n, func() string { return what })
}

// entryMapping is mapping for the entry id of a section of kind, named
// `kind "id"` in messages. The name is only made for a message: a
// quarter of a million topics have none to give.
func (r *reader) entryMapping(n *yaml.Node, kind, id string) ([]field, bool) {
	return r.fields(n, func() string { return fmt.Sprintf("%s %q", kind, id) })
}

func (r *reader) fields(n *yaml.Node, what func() string) ([]field, bool) {
	n = r.resolve(n)
	if n == nil {
		return nil, false
	}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "wrong-type", "%s must be a mapping, not %s", what(), yamlnode.Found(n))
		return nil, false
	}
	fields := make([]field, 0, len(n.Content)/2)
	// A claim has a dozen keys at most, where scanning the fields found so
	// far beats a map; sections can have hundreds of thousands.
	var seen map[string]*yaml.Node
	if len(n.Content) > 32 {
		seen = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	var reported map[string]bool
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.errorf(k, "wrong-type", "%s has a key that is not a plain name", what())
			continue
		}
		if k.Tag == "!!merge" || k.Value == "<<" && k.Style == 0 {
			r.errorf(k, "merge-key", "merge keys (<<) are not allowed in a ledger; write the fields out")
			continue
		}
		if prev := firstKey(seen, fields, k.Value); prev != nil {
			// Once per key: 60,000 repeats are one mistake.
			if !reported[k.Value] {
				if reported == nil {
					reported = map[string]bool{}
				}
				reported[k.Value] = true
				r.errorf(k, "duplicate-key", "duplicate key %q in %s (first at line %d)", k.Value, what(), prev.Line)
			}
			continue
		}
		if seen != nil {
			seen[k.Value] = k
		}
		fields = append(fields, field{key: k.Value, keyN: k, value: v})
	}
	return fields, true
}

// firstKey finds an earlier key named key, in seen when there is a map and
// else among the fields so far.
func firstKey(seen map[string]*yaml.Node, fields []field, key string) *yaml.Node {
	if seen != nil {
		return seen[key]
	}
	for _, f := range fields {
		if f.key == key {
			return f.keyN
		}
	}
	return nil
}

// sequence returns the items of a sequence node.
func (r *reader) sequence(n *yaml.Node, what string) ([]*yaml.Node, bool) {
	n = r.resolve(n)
	if n == nil {
		return nil, false
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "wrong-type", "%s must be a list, not %s", what, yamlnode.Found(n))
		return nil, false
	}
	return n.Content, true
}

// scalar returns the text of a scalar node; null gives "".
func (r *reader) scalar(n *yaml.Node, what string) (string, bool) {
	n = r.resolve(n)
	if n == nil {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		r.errorf(n, "wrong-type", "%s must be a single value, not %s", what, yamlnode.Found(n))
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	if len(n.Value) > maxScalarBytes {
		r.errorf(n, "too-long", "%s is %d bytes long; the limit is %d", what, len(n.Value), maxScalarBytes)
		return "", false
	}
	return n.Value, true
}

// strings reads a scalar or a list of scalars, with the position of each.
func (r *reader) strings(n *yaml.Node, what string) ([]string, []diag.Pos) {
	n = r.resolve(n)
	if n == nil {
		return nil, nil
	}
	if n.Kind == yaml.ScalarNode {
		s, ok := r.scalar(n, what)
		if !ok || s == "" {
			return nil, nil
		}
		return []string{s}, []diag.Pos{r.pos(n)}
	}
	items, ok := r.sequence(n, what)
	if !ok {
		return nil, nil
	}
	out := make([]string, 0, len(items))
	pos := make([]diag.Pos, 0, len(items))
	for _, it := range items {
		if s, ok := r.scalar(it, what+" entry"); ok && s != "" {
			out = append(out, s)
			pos = append(pos, r.pos(it))
		}
	}
	return out, pos
}

// boolean reads true/false (and yes/no, which YAML 1.2 keeps as strings).
func (r *reader) boolean(n *yaml.Node, what string) bool {
	s, ok := r.scalar(n, what)
	if !ok {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "yes", "on", "y":
		return true
	case "false", "no", "off", "n", "":
		return false
	}
	r.errorf(n, "wrong-type", "%s must be true or false, not %q", what, s)
	return false
}

func (r *reader) unknownField(f field, what string, known []string) {
	if !diag.Plain(f.key) {
		// Perhaps not a ledger at all: its text stays unquoted.
		r.errorf(f.keyN, "unknown-field", "%s has a field that is not one of its fields, nor a plain name", what)
		return
	}
	r.add(diag.Problem{
		Pos: r.pos(f.keyN), Severity: diag.Error, Code: "unknown-field",
		Message: fmt.Sprintf("unknown field %q in %s", f.key, what),
		Hint:    suggest.Field(f.key, known),
	})
}
