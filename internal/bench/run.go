package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/claimdiff/claimdiff/internal/gen"
)

// The tools measured, in the order they appear in the table.
const (
	toolNode  = "yaml.v3 → yaml.Node"
	toolYAML  = "claimdiff (YAML)"
	toolCSV   = "claimdiff (CSV)"
	toolJSONL = "claimdiff (JSONL)"
	// The lint runs load and check the bulk ledgers and compare nothing:
	// what "1M claims load" means for the bulk formats.
	toolLoadCSV   = "claimdiff lint (CSV)"
	toolLoadJSONL = "claimdiff lint (JSONL)"
	toolPython    = "PyYAML C loader"
)

var toolOrder = []string{toolNode, toolYAML, toolCSV, toolJSONL, toolLoadCSV, toolLoadJSONL, toolPython}

// result is one tool on one size: the medians of its runs.
type result struct {
	size    int
	tool    string
	seconds float64
	peakMiB float64
	// note says what the tool found, to show it did the work.
	note string
}

// ledgerFiles are one size's generated inputs.
type ledgerFiles struct {
	yaml, csvDir, jsonlDir string
}

func run(cfg config) error {
	sizes, err := cfg.parseSizes()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join("cmd", "claimdiff")); err != nil {
		return fmt.Errorf("run the benchmark from the repository root (go run ./internal/bench)")
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return err
	}
	bin := func(name string) string { return filepath.Join(cfg.out, name) }
	logf("building claimdiff and the yaml.Node decoder into %s", cfg.out)
	for _, b := range [][2]string{{bin("claimdiff"), "./cmd/claimdiff"}, {bin("yamlnode"), "./internal/bench/yamlnode"}} {
		cmd := exec.Command("go", "build", "-o", b[0], b[1])
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s: %w", b[1], err)
		}
	}
	var results []result
	for _, n := range sizes {
		files, err := generate(cfg.out, n)
		if err != nil {
			return err
		}
		want := gen.Disputed(options(n))
		type tool struct {
			name  string
			argv  []string
			check func(measurement) (string, error)
		}
		tools := []tool{
			{toolNode, []string{bin("yamlnode"), files.yaml}, nodeCount},
			{toolYAML, []string{bin("claimdiff"), "disputed", "--format", "json", "-f", files.yaml}, disputes(want)},
			{toolCSV, []string{bin("claimdiff"), "disputed", "--format", "json", "-f", files.csvDir}, disputes(want)},
			{toolJSONL, []string{bin("claimdiff"), "disputed", "--format", "json", "-f", files.jsonlDir}, disputes(want)},
			{toolLoadCSV, []string{bin("claimdiff"), "lint", "-f", files.csvDir}, loaded(n)},
			{toolLoadJSONL, []string{bin("claimdiff"), "lint", "-f", files.jsonlDir}, loaded(n)},
		}
		if cfg.python != "" {
			tools = append(tools, tool{toolPython, []string{cfg.python, filepath.Join("bench", "compare.py"), files.yaml}, nil})
		}
		// Runs go round the tools, so a busy moment on the machine
		// lands on all of them rather than on one.
		times := map[string][]float64{}
		peaks := map[string][]float64{}
		notes := map[string]string{}
		runs := cfg.runsFor(n)
		// The lint runs take seconds where the others take minutes, and
		// their 2 s target is near enough to the noise of two shared
		// cores that one run would decide it by luck: they run at least
		// three times.
		runsOf := func(t tool) int {
			if t.name == toolLoadCSV || t.name == toolLoadJSONL {
				return max(runs, 3)
			}
			return runs
		}
		for r := range max(runs, 3) {
			for _, t := range tools {
				if r >= runsOf(t) {
					continue
				}
				logf("%d claims: %s, run %d of %d", n, t.name, r+1, runsOf(t))
				m, err := measure(t.argv)
				if err != nil {
					return fmt.Errorf("%s on %d claims: %w", t.name, n, err)
				}
				if t.check != nil {
					note, err := t.check(m)
					if err != nil {
						return fmt.Errorf("%s on %d claims: %w", t.name, n, err)
					}
					notes[t.name] = note
				} else {
					notes[t.name] = lastLine(m.stderr)
				}
				times[t.name] = append(times[t.name], m.seconds)
				peaks[t.name] = append(peaks[t.name], m.peakMiB)
			}
		}
		for _, t := range tools {
			results = append(results, result{size: n, tool: t.name, seconds: median(times[t.name]), peakMiB: median(peaks[t.name]), note: notes[t.name]})
		}
	}
	rep := newReport(results, cfg)
	if cfg.md {
		return rep.markdown(os.Stdout)
	}
	return rep.text(os.Stdout)
}

// generate writes one size's ledgers unless they are already there: the
// YAML ledger, and the same claims as CSV and as JSON Lines, each in a
// directory with the YAML file that defines their sources and topics.
func generate(out string, n int) (ledgerFiles, error) {
	dir := filepath.Join(out, strconv.Itoa(n))
	f := ledgerFiles{yaml: filepath.Join(dir, "ledger.yaml"), csvDir: filepath.Join(dir, "csv"), jsonlDir: filepath.Join(dir, "jsonl")}
	o := options(n)
	for _, w := range []struct {
		path  string
		write func(io.Writer, gen.Options) error
	}{
		{f.yaml, gen.YAML},
		{filepath.Join(f.csvDir, "head.yaml"), gen.Head},
		{filepath.Join(f.csvDir, "claims.csv"), gen.CSV},
		{filepath.Join(f.jsonlDir, "head.yaml"), gen.Head},
		{filepath.Join(f.jsonlDir, "claims.jsonl"), gen.JSONL},
	} {
		if err := writeFile(w.path, func(wr io.Writer) error { return w.write(wr, o) }); err != nil {
			return f, err
		}
	}
	return f, nil
}

// writeFile generates path; the generator is deterministic, so a file
// that exists and is complete (the stamp beside it says so) is kept.
func writeFile(path string, write func(io.Writer) error) error {
	stamp := path + ".done"
	if b, err := os.ReadFile(stamp); err == nil && string(bytes.TrimSpace(b)) == genVersion {
		return nil
	}
	logf("generating %s", path)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := write(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.WriteFile(stamp, []byte(genVersion+"\n"), 0o644)
}

// genVersion names the generator's output; the stamp holds it so that a
// ledger from an older generator is made again.
const genVersion = "gen-2"

// measurement is one run of one tool.
type measurement struct {
	seconds, peakMiB float64
	// cpu is user and system time, which a busy machine disturbs less
	// than wall time.
	cpu    float64
	tail   []byte // the end of stdout
	stderr []byte
}

func measure(argv []string) (measurement, error) {
	var m measurement
	cmd := exec.Command(argv[0], argv[1:]...)
	tail := &tailBuffer{max: 64 << 10}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = tail, &stderr
	start := time.Now()
	err := cmd.Run()
	m.seconds = time.Since(start).Seconds()
	m.tail, m.stderr = tail.buf, stderr.Bytes()
	if err != nil {
		return m, fmt.Errorf("%w\n%s", err, lastLines(stderr.Bytes(), 10))
	}
	m.cpu = (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.peakMiB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	return m, nil
}

// tailBuffer keeps the last max bytes written to it: the tools' results
// can be large, and only their end says what they found.
type tailBuffer struct {
	buf []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if len(t.buf) > 2*t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
	}
	return len(p), nil
}

var countRE = regexp.MustCompile(`\n  "count": (\d+),`)

// disputes checks that claimdiff found the disputes the generator made.
func disputes(want int) func(measurement) (string, error) {
	return func(run measurement) (string, error) {
		m := countRE.FindAllSubmatch(run.tail, -1)
		if m == nil {
			return "", fmt.Errorf("no dispute count at the end of the output")
		}
		got, _ := strconv.Atoi(string(m[len(m)-1][1]))
		if got != want {
			return "", fmt.Errorf("found %d disputes; the generator made %d", got, want)
		}
		return fmt.Sprintf("%d disputes", got), nil
	}
}

func nodeCount(run measurement) (string, error) {
	return string(bytes.TrimSpace(run.tail)), nil
}

// loaded checks that lint read every claim and found nothing wrong.
func loaded(want int) func(measurement) (string, error) {
	return func(run measurement) (string, error) {
		summary := lastLine(run.stderr)
		if !strings.HasSuffix(summary, fmt.Sprintf(": no problems in 2 files, %d claims", want)) {
			return "", fmt.Errorf("lint did not load %d claims cleanly: %s", want, summary)
		}
		return fmt.Sprintf("%d claims, no problems", want), nil
	}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func lastLine(b []byte) string {
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	return string(lines[len(lines)-1])
}

func lastLines(b []byte, n int) string {
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	return string(bytes.Join(lines[max(len(lines)-n, 0):], []byte("\n")))
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

// buildCLI builds claimdiff into out for a benchmark's subprocesses,
// after checking that the benchmark runs from the repository root; sub
// names the benchmark for the message.
func buildCLI(sub, out string) (string, error) {
	if _, err := os.Stat(filepath.Join("cmd", "claimdiff")); err != nil {
		return "", fmt.Errorf("run the benchmark from the repository root (go run ./internal/bench %s)", sub)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	bin := filepath.Join(out, "claimdiff")
	logf("building claimdiff into %s", out)
	build := exec.Command("go", "build", "-o", bin, "./cmd/claimdiff")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("go build: %w", err)
	}
	return bin, nil
}

// timedConfig is the flags of a benchmark that times claimdiff on
// generated files of several sizes.
type timedConfig struct {
	sizes string
	out   string
	runs  int
	md    bool
}

// timedSetup parses such a benchmark's flags and builds claimdiff for
// it; what names its generated files and each what its runs repeat on.
func timedSetup(name string, args []string, sizes, what, each string) (timedConfig, []int, string, error) {
	var cfg timedConfig
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.StringVar(&cfg.sizes, "sizes", sizes, "claim counts to measure, comma-separated")
	fs.StringVar(&cfg.out, "out", filepath.Join(os.TempDir(), "claimdiff-bench"), "directory for the generated "+what+" and the binary")
	fs.IntVar(&cfg.runs, "runs", 3, "runs of each command on each "+each+"; the median counts")
	fs.BoolVar(&cfg.md, "md", false, "print the results as Markdown, for BENCHMARKS.md")
	if err := fs.Parse(args); err != nil {
		return cfg, nil, "", err
	}
	if fs.NArg() > 0 {
		return cfg, nil, "", fmt.Errorf("%s takes no arguments, only flags", name)
	}
	ns, err := config{sizes: cfg.sizes}.parseSizes()
	if err != nil {
		return cfg, nil, "", err
	}
	bin, err := buildCLI(name, cfg.out)
	return cfg, ns, bin, err
}

// timedJob is one command a timed benchmark runs: what it is called in
// progress and errors ("lint on Parquet"), its argv, and the check of
// each run's output.
type timedJob struct {
	label string
	argv  []string
	check func(measurement) (string, error)
}

// timedResult is a job's medians over its runs, and its check's note.
type timedResult struct {
	seconds, cpu, peakMiB float64
	note                  string
}

// runAlternating runs every job runs times, in turn, so that a busy
// moment on the machine lands on all of them rather than on one; it
// checks every run, and returns each job's medians.
func runAlternating(jobs []timedJob, runs, n int) ([]timedResult, error) {
	times := make([][]float64, len(jobs))
	cpus := make([][]float64, len(jobs))
	peaks := make([][]float64, len(jobs))
	out := make([]timedResult, len(jobs))
	for r := range runs {
		for i, j := range jobs {
			logf("%s claims: %s, run %d of %d", count(n), j.label, r+1, runs)
			m, err := measure(j.argv)
			if err == nil {
				out[i].note, err = j.check(m)
			}
			if err != nil {
				return nil, fmt.Errorf("%s, %d claims: %w", j.label, n, err)
			}
			times[i], cpus[i], peaks[i] = append(times[i], m.seconds), append(cpus[i], m.cpu), append(peaks[i], m.peakMiB)
		}
	}
	for i := range jobs {
		out[i].seconds, out[i].cpu, out[i].peakMiB = median(times[i]), median(cpus[i]), median(peaks[i])
	}
	return out, nil
}
