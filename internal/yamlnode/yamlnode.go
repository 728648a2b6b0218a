// Package yamlnode holds what the readers of yaml.v3 nodes (ledger files,
// assertion files) share: decoding that survives a parser panic, a syntax
// error's line, and the words for a node of the wrong kind, so that "not
// a list" reads the same in each.
package yamlnode

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// Kind names n's kind as a message says what was found instead of what
// was wanted: "a mapping", "a list", "an alias", "a single value", or
// "nothing" for null.
func Kind(n *yaml.Node) string {
	if s, ok := collection(n); ok {
		return s
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return "a single value"
}

// Found is Kind for a reader that may show what was given: a scalar is
// quoted, clipped (`the value "x"`), null is "empty", and a document is
// "a document".
func Found(n *yaml.Node) string {
	if s, ok := collection(n); ok {
		return s
	}
	if n.Kind != yaml.ScalarNode {
		return "a document"
	}
	if n.Tag == "!!null" {
		return "empty"
	}
	return fmt.Sprintf("the value %q", diag.Clip(n.Value, 40))
}

func collection(n *yaml.Node) (string, bool) {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping", true
	case yaml.SequenceNode:
		return "a list", true
	case yaml.AliasNode:
		return "an alias", true
	}
	return "", false
}
