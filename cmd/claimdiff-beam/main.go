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
)

func run() int {
	flag.Parse()
	beam.Init()
	c, err := config()
	if err != nil {
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
			return c, fmt.Errorf("--claims %q: %v", pat, err)
		}
		if len(m) == 0 {
			return c, fmt.Errorf("--claims %q matches no file", pat)
		}
		c.Claims = append(c.Claims, m...)
	}
	slices.Sort(c.Claims)
	return c, nil
}
