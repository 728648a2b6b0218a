package assert

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/yamlnode"
)

// An assertion file is a YAML list of assertions, or a mapping whose one
// key, assertions, holds that list:
//
//	assertions:
//	  - topic: plan.army-cap
//	    value: 600,000
//	  - topic: plan.deadline
//	    value: 2025-11-27
//	    context: {for: framework agreement}
//
// Anchors and aliases are refused: a list of assertions never needs them,
// and refusing them rules out alias bombs.
var assertionFields = []string{"topic", "value", "context", "as_of", "note"}

// maxNesting caps flow nesting ([ and {) before the YAML parser sees it.
const maxNesting = 64

// ParseYAML reads an assertion file.
func ParseYAML(name string, data []byte) ([]Assertion, []diag.Problem) {
	p := &yamlReader{name: name}
	root := p.parse(data)
	if root == nil {
		return nil, p.problems
	}
	items := root
	if root.Kind == yaml.MappingNode && looksLikeLedger(root) {
		p.errorf(root, "not-assertions", "this looks like a ledger, not a list of assertions; give ledgers with -f")
		return nil, p.problems
	}
	if root.Kind == yaml.MappingNode {
		items = nil
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Value == "assertions" && items == nil {
				items = v
				continue
			}
			p.errorf(k, "unknown-field", "unknown field %q; an assertion file is a list, or a mapping with one key, assertions", clip(k.Value))
		}
		if items == nil {
			if len(p.problems) == 0 {
				p.errorf(root, "not-assertions", "the file has no assertions: list")
			}
			return nil, p.problems
		}
	}
	if items.Kind != yaml.SequenceNode {
		p.errorf(items, "not-assertions", "assertions must be a list of {topic, value} entries, not %s", yamlnode.Kind(items))
		return nil, p.problems
	}
	var out []Assertion
	for _, it := range items.Content {
		if a, ok := p.assertion(it); ok {
			out = append(out, a)
		}
	}
	return out, p.problems
}

// looksLikeLedger reports whether a mapping has a ledger's keys, which
// is what a ledger given without -f looks like.
func looksLikeLedger(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch n.Content[i].Value {
		case "ledger", "claims", "sources", "topics":
			return true
		}
	}
	return false
}

type yamlReader struct {
	name     string
	problems []diag.Problem
}

func (p *yamlReader) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: p.name, Line: n.Line, Col: n.Column}
}

func (p *yamlReader) errorf(n *yaml.Node, code, format string, args ...any) {
	p.problems = append(p.problems, diag.Errorf(p.pos(n), code, format, args...))
}

func (p *yamlReader) at(line, col int, code, format string, args ...any) {
	p.problems = append(p.problems, diag.Errorf(diag.Pos{File: p.name, Line: max(line, 1), Col: max(col, 1)}, code, format, args...))
}

// parse returns the file's top node: one document, no aliases.
func (p *yamlReader) parse(data []byte) *yaml.Node {
	if len(bytes.TrimSpace(data)) == 0 {
		p.at(1, 1, "empty", "the file is empty; an assertion file is a list of {topic, value} entries")
		return nil
	}
	if off := tooDeep(data); off >= 0 {
		pos := posAt(p.name, data, off)
		p.at(pos.Line, pos.Col, "too-deep", "nesting is deeper than %d levels", maxNesting)
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := yamlnode.Decode(dec, &doc); errors.Is(err, io.EOF) {
		p.at(1, 1, "empty", "the file is empty; an assertion file is a list of {topic, value} entries")
		return nil
	} else if err != nil {
		line, msg := yamlnode.ErrorLine(err)
		p.at(line, 1, "yaml", "invalid YAML: %s", msg)
		return nil
	}
	var extra yaml.Node
	if err := yamlnode.Decode(dec, &extra); err == nil {
		p.at(extra.Line, extra.Column, "documents", "the file holds several YAML documents; put one list of assertions in it")
		return nil
	} else if !errors.Is(err, io.EOF) {
		line, msg := yamlnode.ErrorLine(err)
		p.at(line, 1, "yaml", "invalid YAML: %s", msg)
		return nil
	}
	if len(doc.Content) == 0 {
		p.at(1, 1, "empty", "the file is empty; an assertion file is a list of {topic, value} entries")
		return nil
	}
	if n := findAlias(doc.Content[0], 0); n != nil {
		p.errorf(n, "alias", "anchors and aliases are not allowed in an assertion file")
		return nil
	}
	return doc.Content[0]
}

// findAlias returns the first node that is an alias or carries an anchor.
// The depth is bounded by tooDeep's check and by the block indentation the
// parser accepted, but the walk is cut at a fixed depth all the same.
func findAlias(n *yaml.Node, depth int) *yaml.Node {
	if n == nil || depth > 4*maxNesting {
		return nil
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c, depth+1); a != nil {
			return a
		}
	}
	return nil
}

func (p *yamlReader) assertion(n *yaml.Node) (Assertion, bool) {
	a := Assertion{Pos: p.pos(n)}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "wrong-type", "an assertion must be a mapping with topic and value, not %s", yamlnode.Kind(n))
		return a, false
	}
	seen, ok := p.fields(n, "key", "field", func(k, v *yaml.Node) bool {
		switch k.Value {
		case "topic":
			s, good := p.scalar(v, "topic")
			if good && !ValidTopic(s) {
				p.errorf(v, "bad-id", "topic id %q %s", clip(s), ids.Rule)
				good = false
			}
			a.Topic = s
			return good
		case "value":
			s, good := p.scalar(v, "value")
			if good && s == "" {
				p.errorf(v, "missing-field", "the value is empty")
				good = false
			}
			a.Value = s
			return good
		case "context":
			ctx, good := p.context(v)
			a.Context = ctx
			return good
		case "as_of":
			s, good := p.scalar(v, "as_of")
			if good && !claims.IsDate(s) {
				p.errorf(v, "bad-date", "as_of %q is not a date (YYYY-MM-DD) or an RFC 3339 time", clip(s))
				good = false
			}
			a.AsOf = s
			return good
		case "note":
			_, good := p.scalar(v, "note")
			return good
		}
		p.errorf(k, "unknown-field", "unknown field %q in an assertion; known fields: %s", clip(k.Value), strings.Join(assertionFields, ", "))
		return false
	})
	var missing []string
	for _, f := range []string{"topic", "value"} {
		if !seen[f] {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		p.errorf(n, "missing-field", "assertion has no %s", joinAnd(missing))
		return a, false
	}
	return a, ok
}

func (p *yamlReader) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "wrong-type", "%s must be a single value, not %s", what, yamlnode.Kind(n))
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	return n.Value, true
}

func (p *yamlReader) context(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "wrong-type", "context must be a mapping such as {draft: 28-point}, not %s", yamlnode.Kind(n))
		return "", false
	}
	var pairs [][2]string
	_, ok := p.fields(n, "context key", "context key", func(k, v *yaml.Node) bool {
		s, good := p.scalar(v, "context value")
		pairs = append(pairs, [2]string{k.Value, s})
		return good
	})
	return Context(pairs), ok
}

// fields walks mapping n's fields in order. It reports a key that is not
// a plain name (key names such a key: a key must be a plain name) and a
// key given twice (field names its field: field "x" is given twice), and
// reads each other field with read, which says whether it was good. It
// returns the keys seen, and whether every field was good.
func (p *yamlReader) fields(n *yaml.Node, key, field string, read func(k, v *yaml.Node) bool) (map[string]bool, bool) {
	seen := map[string]bool{}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "wrong-type", "a %s must be a plain name, not %s", key, yamlnode.Kind(k))
			ok = false
			continue
		}
		if seen[k.Value] {
			p.errorf(k, "duplicate-key", "%s %q is given twice", field, clip(k.Value))
			ok = false
			continue
		}
		seen[k.Value] = true
		ok = read(k, v) && ok
	}
	return seen, ok
}

func joinAnd(words []string) string {
	if len(words) == 2 {
		return words[0] + " and no " + words[1]
	}
	return words[0]
}

// tooDeep returns the offset where flow nesting passes maxNesting, or -1.
// Quoted strings inside flow collections are skipped so that a bracket in
// a value does not count.
func tooDeep(data []byte) int {
	depth := 0
	var quote byte
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\n'):
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case (c == '"' || c == '\'') && depth > 0:
			quote = c
		case c == '[' || c == '{':
			depth++
			if depth > maxNesting {
				return i
			}
		case (c == ']' || c == '}') && depth > 0:
			depth--
		}
	}
	return -1
}
