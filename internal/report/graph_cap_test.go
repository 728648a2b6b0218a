package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// A dispute with thousands of sources on each side would draw a million
// edges (a 39 KB file drew 274 MB of DOT): its edges are left out and the
// graph says so, while a small dispute beside it is drawn as ever.
func TestGraphCapsEdges(t *testing.T) {
	const n = 1000
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n  p: {name: P, kind: outlet}\n  q: {name: Q, kind: outlet}\n")
	for i := range n {
		fmt.Fprintf(&b, "  a%d: {name: A, kind: outlet}\n  b%d: {name: B, kind: outlet}\n", i, i)
	}
	b.WriteString("claims:\n  - {topic: small, value: 1, source: p}\n  - {topic: small, value: 2, source: q}\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {topic: big, value: 100, source: a%d}\n  - {topic: big, value: 900, source: b%d}\n", i, i)
	}
	g := NewGraph(build(t, "big.yaml", b.String()))
	if g.Undrawn != 1 || len(g.Edges) != 1 || g.Edges[0].From != "p" || g.Edges[0].To != "q" {
		t.Fatalf("undrawn %d, %d edges: %+v", g.Undrawn, len(g.Edges), g.Edges[:min(len(g.Edges), 3)])
	}
	if len(g.Nodes) != 2*n+2 {
		t.Errorf("%d nodes, want every source's", len(g.Nodes))
	}
	var dot, mermaid bytes.Buffer
	if err := g.WriteDOT(&dot); err != nil {
		t.Fatal(err)
	}
	if err := g.WriteMermaid(&mermaid); err != nil {
		t.Fatal(err)
	}
	note := "the edges of 1 dispute are not drawn"
	if !strings.Contains(dot.String(), "  // "+note) || !strings.Contains(mermaid.String(), "  %% "+note) {
		t.Errorf("no note in\n%s\n%s", lastLine(dot.String()), lastLine(mermaid.String()))
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndex(s, "\n")+1:]
}
