package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/report"
)

type graphOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	Format string
	Filter filterOptions
}

func newGraphCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &graphOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Draw who contradicts whom, as a DOT or Mermaid graph",
		Long: `Graph draws the sources of the ledger's disputes as a graph: a node per
source that is the origin of a disputed claim, and an edge between two
sources that take different sides in a dispute, labelled and thickened by
the number of disputes they split on. A source that contradicts itself has
an edge to itself.

--format dot (the default) is for Graphviz; mermaid is for Markdown that
renders Mermaid, such as a GitHub comment inside a mermaid code block; json
lists the nodes and edges. The filters draw only the disputes that pass
them.`,
		Example: `  claimdiff graph | dot -Tsvg > graph.svg
  claimdiff graph --format mermaid`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runGraph(opts) },
	}
	cli.FormatFlag(cmd, &opts.Format, "dot", "mermaid", "json")
	filterFlags(cmd, &opts.Filter, "disputes")
	skipFlag(cmd, g)
	return cmd
}

func runGraph(opts *graphOptions) error {
	filter, err := opts.Filter.filter()
	if err != nil {
		return err
	}
	l, err := loadLedger(opts.IO, opts.Global)
	if err != nil {
		return err
	}
	a := claims.Analyze(l, opts.Global.analysis())
	sayUnmatched(opts.IO, a, filter)
	g := report.NewGraph(report.Build(a.Narrow(filter)))
	if note := g.UndrawnNote(); note != "" {
		fmt.Fprintf(opts.IO.ErrOut, "claimdiff: note: %s\n", note)
	}
	switch opts.Format {
	case "mermaid":
		return g.WriteMermaid(opts.IO.Out)
	case "json":
		g.Skipped = skippedJSON(opts.Global.skipped).Cleaned()
		return render.WriteJSON(opts.IO.Out, g)
	}
	return g.WriteDOT(opts.IO.Out)
}
