// Command bench measures claimdiff at scale on ledgers it generates itself,
// against plain yaml.v3 and against PyYAML, and checks the targets of
// issue 8. See BENCHMARKS.md for what it found.
//
//	go run ./internal/bench                       # 10k, 100k and 1M claims
//	go run ./internal/bench -sizes 10000,100000   # quicker
//	go run ./internal/bench -md > table.md        # Markdown for BENCHMARKS.md
//	go run ./internal/bench gen 1000 > ledger.yaml
//	go run ./internal/bench resolve               # issue 16: resolve's precision and speed
//	go run ./internal/bench hostile               # issue 17's hostile inputs at two sizes
//	go run ./internal/bench web                   # issue 15: a feed as sites write it against its ISO twin
//	go run ./internal/bench parquet               # issue 20: loading 1M claims from Parquet, CSV and JSON Lines
//	go run ./internal/bench month                 # issue 26: resolve on a month made from the real flight days
//
// Every tool runs as a subprocess, so its wall time and peak resident
// memory (getrusage's maxrss) are the whole program's, start to exit.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/internal/gen"
)

func main() {
	if len(os.Args) >= 2 && os.Args[1] == "resolve" {
		if err := resolveCmd(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) >= 2 && os.Args[1] == "hostile" {
		if err := hostileCmd(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) >= 2 && os.Args[1] == "parquet" {
		if err := parquetCmd(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) >= 2 && os.Args[1] == "month" {
		if err := monthCmd(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) >= 2 && os.Args[1] == "web" {
		if err := webCmd(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) >= 2 && os.Args[1] == "gen" {
		if err := genCmd(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(2)
		}
		return
	}
	var cfg config
	flag.StringVar(&cfg.sizes, "sizes", "10000,100000,1000000", "claim counts to measure, comma-separated")
	flag.StringVar(&cfg.out, "out", filepath.Join(os.TempDir(), "claimdiff-bench"), "directory for the generated ledgers and binaries")
	flag.IntVar(&cfg.runs, "runs", 0, "runs of each tool per size; the median counts (default 3, and 1 from 1M claims)")
	flag.BoolVar(&cfg.md, "md", false, "print the results as Markdown, for BENCHMARKS.md")
	flag.StringVar(&cfg.python, "python", "python3", `Python interpreter for bench/compare.py ("" skips it)`)
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go run ./internal/bench [flags]\n       go run ./internal/bench gen N [yaml|head|csv|jsonl|web-head|web-csv|iso-csv]\n       go run ./internal/bench resolve [-h]\n       go run ./internal/bench hostile [-runs N] [-md]\n       go run ./internal/bench web [-h]\n       go run ./internal/bench parquet [-h]\n       go run ./internal/bench month [-h]\n\nflags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// genCmd writes one generated file to stdout: gen N [format].
func genCmd(args []string) error {
	if len(args) < 1 || len(args) > 2 {
		return fmt.Errorf("usage: go run ./internal/bench gen N [yaml|head|csv|jsonl|web-head|web-csv|iso-csv] > FILE")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 {
		return fmt.Errorf("gen: %q is not a claim count", args[0])
	}
	format := "yaml"
	if len(args) == 2 {
		format = args[1]
	}
	switch format {
	case "web-head":
		return gen.WebHead(os.Stdout, webOptions(n, false))
	case "web-csv", "iso-csv":
		return gen.WebCSV(os.Stdout, webOptions(n, format == "iso-csv"))
	}
	write, ok := writers[format]
	if !ok {
		return fmt.Errorf("gen: unknown format %q; use yaml, head, csv, jsonl, web-head, web-csv or iso-csv", format)
	}
	return write(os.Stdout, options(n))
}

var writers = map[string]func(io.Writer, gen.Options) error{
	"yaml": gen.YAML, "head": gen.Head, "csv": gen.CSV, "jsonl": gen.JSONL,
}

// options are the generated ledger's shape: the 250k topics and
// 200 sources at 1M claims, 6% of topics disputed.
func options(n int) gen.Options { return gen.Options{Claims: n, Seed: 1} }

type config struct {
	sizes  string
	out    string
	runs   int
	md     bool
	python string
}

func (c config) parseSizes() ([]int, error) {
	var out []int
	for _, f := range strings.Split(c.sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-sizes: %q is not a claim count", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func (c config) runsFor(size int) int {
	switch {
	case c.runs > 0:
		return c.runs
	case size >= 1_000_000:
		return 1
	}
	return 3
}
