// Command claimdiff-beam runs claimdiff's engine as an Apache Beam
// pipeline, for ledgers too big for one machine: it reads claim shards
// (Parquet or JSON Lines) and the ledger's head, judges each topic,
// context and moment apart, estimates likely values and source accuracy
// in unrolled rounds, and writes disputes and likely values as JSON
// Lines shards, record for record as claimdiff disputed --format json
// and resolve --format jsonl print them.
//
//	claimdiff-beam --head head.yaml --claims 'claims/*.parquet' --out out/
//
// It runs locally under Beam's prism runner by default; --runner picks
// Flink, Spark or Dataflow (see README, "When one machine is not
// enough").
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/claimdiff/claimdiff/claims/resolve"
)

func main() { os.Exit(run()) }

var (
	head        = flag.String("head", "", "the ledger's YAML head: sources, topics, disputes (required)")
	claimShards = flag.String("claims", "", "claim shards: comma-separated files or globs of .parquet, .jsonl, .csv (required)")
	out         = flag.String("out", "", "directory for the output shards (required)")
	shards      = flag.Int("shards", 4, "files per output")
	rounds      = flag.Int("rounds", resolve.DefaultMaxIterations, "rounds of the estimate unrolled in the pipeline")
	today       = flag.String("today", "", "the day acknowledgements expire against, YYYY-MM-DD (default today)")
	overwrite   = flag.Bool("overwrite", false, "remove an earlier run's output from --out first")
)

// ownFlags are the pipeline's own flags; Beam's runners register many
// more, which usage leaves to README.
var ownFlags = []string{"head", "claims", "out", "shards", "rounds", "today", "overwrite", "runner"}

func usage() {
	w := flag.CommandLine.Output()
	fmt.Fprint(w, `claimdiff-beam judges a ledger too big for one machine as an Apache Beam
pipeline: the same disputes and likely values as claimdiff disputed and
claimdiff resolve, written as JSON Lines shards.

Usage:
  claimdiff-beam --head head.yaml --claims 'shards/*.parquet' --out out/ [flags]

Examples:
  claimdiff-beam --head head.yaml --claims a.jsonl,b.parquet --out out/
  claimdiff-beam --runner=dataflow --project=p --region=europe-west1 \
      --staging_location=gs://b/staging --head gs://b/head.yaml \
      --claims 'gs://b/claims/*.parquet' --out gs://b/out

Flags:
`)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, name := range ownFlags {
		if f := flag.Lookup(name); f != nil {
			def := f.DefValue
			if name == "runner" {
				f.Usage, def = "prism (here), flink, spark, dataflow, universal", "prism"
			}
			fmt.Fprintf(tw, "  --%s\t%s", f.Name, f.Usage)
			if def != "" {
				fmt.Fprintf(tw, " (default %s)", def)
			}
			fmt.Fprintln(tw)
		}
	}
	tw.Flush()
	fmt.Fprintln(w, "\nThe runners' own flags (--endpoint, --environment_type, --project, ...)\nare in README, \"When one machine is not enough\".")
}

func run() int {
	flag.Usage = usage
	flag.Parse()
	beam.Init()
	c, err := config()
	if err != nil {
		fmt.Fprintf(os.Stderr, "claimdiff-beam: %v\n", err)
		return 2
	}
	if err := clearOutput(context.Background(), c.Out, *overwrite); err != nil {
		fmt.Fprintf(os.Stderr, "claimdiff-beam: %v\n", err)
		return 2
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, c)
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintf(os.Stderr, "claimdiff-beam: %s\n", cause(err))
		// A pipeline fails on input it cannot judge: a shard or head
		// that the CLI too would refuse, or one it cannot read.
		return 2
	}
	return 0
}

// outputs are the files a run writes in --out.
var outputs = []string{"disputes-*-of-*.jsonl", "values-*-of-*.jsonl", "sources-*-of-*.jsonl", "state.json"}

// clearOutput refuses an --out that holds an earlier run's files, whose
// shards a reader would mix with this run's (a run with --shards 8 leaves
// eight, of which one with 4 overwrites only four), or removes them when
// told to.
func clearOutput(ctx context.Context, out string, overwrite bool) error {
	var found []string
	for _, pat := range outputs {
		m, err := glob(strings.TrimSuffix(out, "/") + "/" + pat)
		if err != nil {
			return err
		}
		found = append(found, m...)
	}
	if len(found) == 0 {
		return nil
	}
	if !overwrite {
		return fmt.Errorf("--out %s already holds %s and %d more files of an earlier run\nhint: give another --out, or --overwrite to remove them first", out, found[0], len(found)-1)
	}
	fs, err := filesystem.New(ctx, out)
	if err != nil {
		return err
	}
	defer fs.Close()
	rm, ok := fs.(filesystem.Remover)
	if !ok {
		return fmt.Errorf("--out %s: this file system cannot remove files; give another --out", out)
	}
	for _, f := range found {
		if err := rm.Remove(ctx, f); err != nil {
			return err
		}
	}
	return nil
}

// glob lists the files pat matches on any file system Beam knows: a
// local one, or gs:// on Dataflow.
func glob(pat string) ([]string, error) {
	ctx := context.Background()
	fs, err := filesystem.New(ctx, pat)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	return fs.List(ctx, pat)
}

// cause is what a runner's error says went wrong in claimdiff's own
// code, past the runner's account of where: the CLI's message, with its
// file:line:col. The whole error is in the runner's log above.
func cause(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, " failed:\n"); i >= 0 {
		return msg[i+len(" failed:\n"):]
	}
	return msg
}

func config() (Config, error) {
	c := Config{Head: *head, Out: *out, Shards: *shards, Rounds: *rounds, Today: time.Now()}
	if c.Head == "" || *claimShards == "" || c.Out == "" {
		return c, fmt.Errorf("--head, --claims and --out are required\nexample: claimdiff-beam --head head.yaml --claims 'claims/*.parquet' --out out/")
	}
	if *today != "" {
		t, err := time.Parse(time.DateOnly, *today)
		if err != nil {
			return c, fmt.Errorf("--today %q is not a date like 2026-01-31", *today)
		}
		c.Today = t
	}
	for _, pat := range strings.Split(*claimShards, ",") {
		if !strings.ContainsAny(pat, "*?[") {
			c.Claims = append(c.Claims, pat)
			continue
		}
		m, err := glob(pat)
		if err != nil {
			return c, fmt.Errorf("--claims %q: %w", pat, err)
		}
		if len(m) == 0 {
			return c, fmt.Errorf("--claims %q matches no file", pat)
		}
		c.Claims = append(c.Claims, m...)
	}
	slices.Sort(c.Claims)
	return c, nil
}
