package main

import (
	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/schema"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/iostreams"
)

func newSchemaCmd(ios *iostreams.IOStreams, _ *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the ledger's JSON Schema (draft-07)",
		Long: `Schema prints the JSON Schema of a ledger file, for editors: save it and point
yaml-language-server at it with a first line such as
  # yaml-language-server: $schema=./ledger.schema.json`,
		Example: `  claimdiff schema > ledger.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := ios.Out.Write(schema.JSON)
			return err
		},
	}
}

type exampleOptions struct {
	IO     *iostreams.IOStreams
	Output string
}

func newExampleCmd(ios *iostreams.IOStreams, _ *globalOptions) *cobra.Command {
	opts := &exampleOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "example",
		Short: "Print the built-in example ledger, to start your own",
		Example: `  claimdiff example > claims.yaml
  claimdiff example -o claims.yaml`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runExample(opts) },
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file (atomically) instead of stdout")
	return cmd
}

func runExample(opts *exampleOptions) error {
	if opts.Output != "" {
		return atomicfile.Write(opts.Output, example.YAML)
	}
	_, err := opts.IO.Out.Write(example.YAML)
	return err
}
