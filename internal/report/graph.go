package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Graph is who contradicts whom: a node per source that is an origin in
// some dispute, and an edge between two sources that take opposed
// positions in a dispute (claims.Dispute.Opposed, the definition compare
// and the report share), weighted by the number of such disputes. A
// source on two opposed sides of one dispute (a self-contradiction) has
// an edge to itself. A vague claim takes no side, so it draws no edge; a
// denial draws edges only to the sources of what it denies.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Undrawn counts the disputes whose edges are not drawn: so many
	// sources take sides in them that every pair would pass maxEdgeWork.
	Undrawn int `json:"undrawn_disputes,omitempty"`
	// Skipped is what --skip-invalid left out, for the JSON format; nil
	// without the flag.
	Skipped *disputedout.SkippedJSON `json:"skipped,omitempty"`
}

// maxEdgeWork caps the pairs of sources the graph visits in all: a 39 KB
// file of two sides of 5,000 sources each drew 274 MB of DOT. A dispute
// that would pass it has its nodes but no edges, and the graph says so.
const maxEdgeWork = 100_000

// UndrawnNote says what Undrawn means, or "" when it is 0.
func (g *Graph) UndrawnNote() string {
	if g.Undrawn == 0 {
		return ""
	}
	return fmt.Sprintf("the edges of %s are not drawn: so many sources take sides in them that the graph would pass %d pairs",
		render.Plural(g.Undrawn, "dispute"), maxEdgeWork)
}

// Node is a source in the graph.
type Node struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Kind string `json:"kind,omitempty"`
	URL  string `json:"url,omitempty"`
	// Disputes counts the disputes it takes a side in.
	Disputes int `json:"disputes"`
}

// Edge joins two sources (From sorts before To, or equals it) that took
// different sides in Weight disputes, listed in Topics.
type Edge struct {
	From   string   `json:"from"`
	To     string   `json:"to"`
	Weight int      `json:"weight"`
	Topics []string `json:"topics"`
}

// NewGraph draws the graph of a report.
func NewGraph(r *Report) *Graph {
	g := &Graph{Nodes: []Node{}, Edges: []Edge{}}
	nodes := map[string]*Node{}
	type pair struct{ a, b string }
	edges := map[pair]*Edge{}
	var order []pair
	work := 0
	for i := range r.Disputes {
		d := &r.Disputes[i]
		sides := make([][]string, len(d.Positions))
		sourcesIn := 0
		for pi, p := range d.Positions {
			onSide := map[string]bool{}
			for _, c := range p.Claims {
				if !onSide[c.Source.ID] {
					onSide[c.Source.ID] = true
					sides[pi] = append(sides[pi], c.Source.ID)
					sourcesIn++
				}
				if nodes[c.Source.ID] == nil {
					s := c.Source
					nodes[c.Source.ID] = &Node{ID: s.ID, Name: s.Name, Kind: s.Kind, URL: s.URL}
				}
			}
		}
		// Every pair of positions and of sources on them is at most
		// sourcesIn squared.
		draw := work+sourcesIn*sourcesIn <= maxEdgeWork
		if draw {
			work += sourcesIn * sourcesIn
		} else {
			g.Undrawn++
		}
		seen := map[pair]bool{}
		for pi := range sides {
			for _, a := range sides[pi] {
				if !seen[pair{a, ""}] {
					seen[pair{a, ""}] = true
					nodes[a].Disputes++
				}
				for pj := pi + 1; draw && pj < len(sides); pj++ {
					if !d.Opposed(pi, pj) {
						continue
					}
					for _, b := range sides[pj] {
						k := pair{min(a, b), max(a, b)}
						if seen[k] {
							continue
						}
						seen[k] = true
						e := edges[k]
						if e == nil {
							e = &Edge{From: k.a, To: k.b}
							edges[k] = e
							order = append(order, k)
						}
						e.Weight++
						e.Topics = append(e.Topics, disputeName(d))
					}
				}
			}
		}
	}
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, *n)
	}
	slices.SortFunc(g.Nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	for _, k := range order {
		g.Edges = append(g.Edges, *edges[k])
	}
	slices.SortStableFunc(g.Edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), strings.Compare(a.From, b.From), strings.Compare(a.To, b.To))
	})
	return g
}

// WriteDOT writes the graph in Graphviz DOT: an undirected graph whose
// edge labels and pen widths are the weights. Every id and label is a
// quoted DOT string.
func (g *Graph) WriteDOT(w io.Writer) error {
	var b strings.Builder
	b.WriteString("graph claimdiff {\n")
	b.WriteString("  graph [overlap=false, splines=true, fontname=\"Helvetica\"];\n")
	b.WriteString("  node [fontname=\"Helvetica\", style=filled, fillcolor=\"#eef2fb\", color=\"#2457c5\"];\n")
	b.WriteString("  edge [fontname=\"Helvetica\", color=\"#c0392b\"];\n")
	for _, n := range g.Nodes {
		label := cmp.Or(n.Name, n.ID)
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s, tooltip=%s];\n", dotQuote(n.ID), dotQuote(label),
			dotShape(n.Kind), dotQuote(fmt.Sprintf("%s (%s): a side in %s", n.ID, cmp.Or(n.Kind, "source"), render.Plural(n.Disputes, "dispute"))))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -- %s [label=\"%d\", penwidth=%d, weight=%d, tooltip=%s];\n", dotQuote(e.From), dotQuote(e.To),
			e.Weight, 1+min(e.Weight, 8), e.Weight, dotQuote(strings.Join(e.Topics, ", ")))
	}
	if note := g.UndrawnNote(); note != "" {
		b.WriteString("  // " + note + "\n")
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// dotQuote makes s a DOT double-quoted string. Inside one, only \ and "
// are special (and \n, \l, \N... in labels, which doubling the backslash
// defuses); lines are folded and control characters dropped first.
func dotQuote(s string) string {
	s = safetext.Line(s)
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	return `"` + s + `"`
}

func dotShape(kind string) string {
	switch kind {
	case "person", "official":
		return "ellipse"
	case "government":
		return "hexagon"
	case "document", "dataset":
		return "note"
	}
	return "box"
}

// WriteMermaid writes the graph as a Mermaid flowchart, as GitHub renders
// in a ```mermaid block. Node ids are made of [A-Za-z0-9_] only and
// labels are quoted, with every character that Mermaid or HTML could read
// as syntax written as a #code; entity.
func (g *Graph) WriteMermaid(w io.Writer) error {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := mermaidIDs(g.Nodes)
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "  %s[\"%s\"]\n", ids[n.ID], mermaidText(cmp.Or(n.Name, n.ID)))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s ---|%d| %s\n", ids[e.From], e.Weight, ids[e.To])
	}
	// Thicker lines for pairs that split on more than one dispute.
	for i, e := range g.Edges {
		if e.Weight > 1 {
			fmt.Fprintf(&b, "  linkStyle %d stroke-width:%dpx\n", i, 1+min(e.Weight, 8))
		}
	}
	if note := g.UndrawnNote(); note != "" {
		b.WriteString("  %% " + note + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mermaidIDs gives each node an id of letters, digits and underscores,
// unique even when two source ids sanitise alike.
func mermaidIDs(nodes []Node) map[string]string {
	out := make(map[string]string, len(nodes))
	used := map[string]bool{}
	for _, n := range nodes {
		var b strings.Builder
		b.WriteString("s_")
		for _, r := range n.ID {
			if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
				b.WriteRune(r)
			} else {
				b.WriteByte('_')
			}
		}
		id := b.String()
		for k := 2; used[id]; k++ {
			id = fmt.Sprintf("%s_%d", b.String(), k)
		}
		used[id] = true
		out[n.ID] = id
	}
	return out
}

// mermaidText escapes a quoted Mermaid label: letters, digits, spaces and
// harmless punctuation stay; anything else becomes #code;, which Mermaid
// decodes to the character for display.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range safetext.Line(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
			r == ' ', r == '.', r == ',', r == '-', r == '_', r == '\'', r == '/', r == ':', r == '?', r == '!',
			r == '(', r == ')':
			b.WriteRune(r)
		case r >= 0x80 && r != '\u2028' && r != '\u2029':
			b.WriteRune(r) // letters of other scripts are no syntax
		default:
			fmt.Fprintf(&b, "#%d;", r)
		}
	}
	return b.String()
}
