package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// The hostile section measures the inputs of issues 17 and 28, each at two sizes
// twice apart, to show that what a hostile pull request costs grows with
// its size and no faster:
//
//	go run ./internal/bench hostile         # a table and the growth of each case
//	go run ./internal/bench hostile -md     # Markdown for BENCHMARKS.md
//
// Each case was quadratic (or worse) before: the figures are in
// BENCHMARKS.md beside these.

// hostileCase is one hostile input, made at a size, and the command run
// on it.
type hostileCase struct {
	name string
	// sizes are the two sizes, in the case's own unit (unit).
	sizes [2]int
	unit  string
	// make writes the input into dir and returns the arguments to run
	// and the file whose size is the command's output ("" for stdout).
	make func(dir string, n int) (args []string, output string, err error)
	// exit is the exit code the command must end with.
	exit int
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{name: "aliases: lint", sizes: [2]int{5_000, 10_000}, unit: "claims naming one anchored text of 100 bytes per claim", exit: 1,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "aliases.yaml")
				return []string{"lint", "-f", path}, "", os.WriteFile(path, aliasLedger(n, 100*n), 0o644)
			}},
		{name: "aliases: report -o", sizes: [2]int{5_000, 10_000}, unit: "claims naming one anchored text of 100 bytes per claim", exit: 2,
			make: func(dir string, n int) ([]string, string, error) {
				path, out := filepath.Join(dir, "aliases.yaml"), filepath.Join(dir, "o.html")
				os.Remove(out)
				return []string{"report", "-f", path, "-o", out}, out, os.WriteFile(path, aliasLedger(n, 100*n), 0o644)
			}},
		{name: "quote: check --quotes", sizes: [2]int{344_500, 689_000}, unit: "bytes of quote and of text, the quote shared by 3 claims", exit: 0,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "claims.yaml")
				text, ledger := quoteLedger(n)
				if err := os.WriteFile(filepath.Join(dir, "text.txt"), text, 0o644); err != nil {
					return nil, "", err
				}
				return []string{"check", "--quotes", "-f", path}, "", os.WriteFile(path, ledger, 0o644)
			}},
		{name: "via chain: sources", sizes: [2]int{5_000, 10_000}, unit: "sources, each via the one before", exit: 2,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "chain.yaml")
				return []string{"sources", "-f", path}, "", os.WriteFile(path, chainLedger(n, 0), 0o644)
			}},
		{name: "via chain at the cap: sources --format json", sizes: [2]int{10_000, 20_000}, unit: "sources via a chain 64 deep", exit: 0,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "wide.yaml")
				return []string{"sources", "--format", "json", "-f", path}, "", os.WriteFile(path, chainLedger(64, n), 0o644)
			}},
		// Issue 28's cases.
		{name: "choices, values among them: lint", sizes: [2]int{20_000, 40_000}, unit: "choices, and as many claims of them", exit: 0,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "choices.yaml")
				return []string{"lint", "-f", path}, "", os.WriteFile(path, choiceLedger(n, "c"), 0o644)
			}},
		{name: "choices, values not among them: lint", sizes: [2]int{20_000, 40_000}, unit: "choices, and as many claims of other values", exit: 1,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "choices.yaml")
				return []string{"lint", "-f", path}, "", os.WriteFile(path, choiceLedger(n, "x"), 0o644)
			}},
		{name: "undefined sources: lint", sizes: [2]int{20_000, 40_000}, unit: "sources, and as many claims citing near misses", exit: 1,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "sources.yaml")
				// JSON: lint's text of 40,000 warnings is slower than linear on
				// its own, which this case does not measure.
				return []string{"lint", "--format", "json", "-f", path}, "", os.WriteFile(path, missLedger(n), 0o644)
			}},
		{name: "graph: one dispute of many sources", sizes: [2]int{2_500, 5_000}, unit: "sources on each of two sides", exit: 0,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "sides.yaml")
				return []string{"graph", "-f", path}, "", os.WriteFile(path, sidesLedger(n), 0o644)
			}},
		{name: "resolve --explain on one topic", sizes: [2]int{50_000, 100_000}, unit: "distinct values of one topic", exit: 0,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "values.yaml")
				return []string{"resolve", "--explain", "t", "--format", "json", "-f", path}, "", os.WriteFile(path, valuesLedger(n), 0o644)
			}},
		{name: "block scalar over the cap: lint", sizes: [2]int{50, 100}, unit: "MiB of one title: | block scalar", exit: 1,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "block.yaml")
				return []string{"lint", "-f", path}, "", os.WriteFile(path, blockLedger(n<<20), 0o644)
			}},
		{name: "fmt -l: a flow ledger to lay out", sizes: [2]int{50_000, 100_000}, unit: "claims, one flow mapping each", exit: 0,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "flow.yaml")
				return []string{"fmt", "-l", "-f", path}, "", os.WriteFile(path, valuesLedger(n), 0o644)
			}},
		{name: "fmt -l: a ledger already laid out", sizes: [2]int{50_000, 100_000}, unit: "claims in block style", exit: 0,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "block.yaml")
				return []string{"fmt", "-l", "-f", path}, "", os.WriteFile(path, blockClaims(n), 0o644)
			}},
		{name: "import claimreview: ids that clash", sizes: [2]int{16_000, 32_000}, unit: "reviews of claims sharing a 48-byte opening", exit: 0,
			make: func(dir string, n int) ([]string, string, error) {
				path := filepath.Join(dir, "reviews.json")
				return []string{"import", "claimreview", path}, "", os.WriteFile(path, clashReviews(n), 0o644)
			}},
	}
}

// choiceLedger is a topic of n choices and n claims, each of the value
// prefix followed by its number: "c" names a choice, "x" none.
func choiceLedger(n int, prefix string) []byte {
	var b bytes.Buffer
	b.WriteString("ledger: 1\nsources:\n  s: {name: S, kind: outlet}\ntopics:\n  t:\n    type: choice\n    choices: [")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "c%d", i)
	}
	b.WriteString("]\nclaims:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {topic: t, value: %s%d, source: s, date: 2025-01-01, context: {n: \"%d\"}}\n", prefix, i, i)
	}
	return b.Bytes()
}

// missLedger is n sources and n claims, each citing a near miss of one.
func missLedger(n int) []byte {
	var b bytes.Buffer
	b.WriteString("ledger: 1\nsources:\n")
	for i := range n {
		fmt.Fprintf(&b, "  source-%06d: {name: S, kind: outlet}\n", i)
	}
	b.WriteString("claims:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {topic: t, value: 1, source: sourse-%06d, date: 2025-01-01}\n", i)
	}
	return b.Bytes()
}

// sidesLedger is one dispute with n sources on each of its two sides.
func sidesLedger(n int) []byte {
	var b bytes.Buffer
	b.WriteString("ledger: 1\nsources:\n")
	for i := range n {
		fmt.Fprintf(&b, "  a%d: {name: A, kind: outlet}\n  b%d: {name: B, kind: outlet}\n", i, i)
	}
	b.WriteString("claims:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {topic: t, value: 100, source: a%d, date: 2025-01-01}\n  - {topic: t, value: 900, source: b%d, date: 2025-01-01}\n", i, i)
	}
	return b.Bytes()
}

// blockLedger is a ledger whose title is a block scalar of size bytes.
func blockLedger(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 64)
	b.WriteString("ledger: 1\ntitle: |\n")
	for b.Len() < size {
		b.WriteString("  a line of the title, one of very many\n")
	}
	return b.Bytes()
}

// valuesLedger is one topic of n claims of distinct values.
func valuesLedger(n int) []byte {
	var b bytes.Buffer
	b.WriteString("ledger: 1\nsources:\n  a: {name: A, kind: outlet}\n  b: {name: B, kind: outlet}\ntopics:\n  t: {type: number}\nclaims:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: c%d, topic: t, value: %d, source: %s, date: 2025-01-01}\n", i, 1000+i, []string{"a", "b"}[i%2])
	}
	return b.Bytes()
}

// blockClaims is valuesLedger as fmt lays it out: one key a line.
func blockClaims(n int) []byte {
	var b bytes.Buffer
	b.WriteString("ledger: 1\n\nsources:\n  a:\n    name: A\n    kind: outlet\n  b:\n    name: B\n    kind: outlet\n\ntopics:\n  t:\n    type: number\n\nclaims:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: c%d\n    topic: t\n    value: %d\n    source: %s\n    date: 2025-01-01\n", i, 1000+i, []string{"a", "b"}[i%2])
	}
	return b.Bytes()
}

// clashReviews is n ClaimReviews of claims whose first 48 bytes agree.
func clashReviews(n int) []byte {
	var b bytes.Buffer
	b.WriteString("[")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"@type": "ClaimReview", "claimReviewed": "the same opening words the same opening words the same %d", "author": {"@type": "Organization", "name": "Checker"}, "reviewRating": {"@type": "Rating", "alternateName": "False"}}`, i)
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// aliasLedger is n claims that each name, as a context value, one
// anchored text of size bytes: before the byte budget, n times size bytes
// of text to lint and to print.
func aliasLedger(n, size int) []byte {
	var b bytes.Buffer
	b.WriteString("ledger: 1\nsources:\n  s: {name: S, kind: outlet}\nclaims:\n")
	b.WriteString("  - {topic: t, value: 1, source: s, context: {k: &big " + strings.Repeat("x", size) + "}}\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {topic: t%d, value: 1, source: s, context: {k: *big}}\n", i)
	}
	return b.Bytes()
}

// quoteLedger is an archived text of about n bytes and a ledger whose
// three claims share, through an alias, a quote of the whole text with
// every thousandth word changed.
func quoteLedger(n int) (text, ledger []byte) {
	rng := rand.New(rand.NewPCG(3, 2))
	common := strings.Fields("the a of to and in that is for on with as by at from it was said")
	var words []string
	size := 0
	for size < n {
		w := fmt.Sprintf("w%x", rng.IntN(50000))
		if rng.IntN(3) == 0 {
			w = common[rng.IntN(len(common))]
		}
		words = append(words, w)
		size += len(w) + 1
	}
	text = []byte(strings.Join(words, " "))
	for i := 0; i < len(words); i += 1000 {
		words[i] = "tampered"
	}
	var b bytes.Buffer
	b.WriteString("ledger: 1\nsources:\n  s: {name: S, kind: document, text: text.txt}\nclaims:\n")
	b.WriteString("  - {topic: t, value: 1, source: s, quote: &q \"" + strings.Join(words, " ") + "\"}\n")
	b.WriteString("  - {topic: t, value: 1, source: s, quote: *q}\n  - {topic: t, value: 1, source: s, quote: *q}\n")
	return text, b.Bytes()
}

// chainLedger is depth sources each via the one before, and wide more
// via the last of them.
func chainLedger(depth, wide int) []byte {
	var b bytes.Buffer
	b.WriteString("ledger: 1\nsources:\n  s0: {name: S, kind: outlet}\n")
	for i := 1; i < depth; i++ {
		fmt.Fprintf(&b, "  s%d: {name: S, kind: outlet, via: s%d}\n", i, i-1)
	}
	for i := range wide {
		fmt.Fprintf(&b, "  x%d: {name: X, kind: outlet, via: s%d}\n", i, depth-1)
	}
	fmt.Fprintf(&b, "claims:\n  - {topic: t, value: 1, source: s%d}\n", depth-1)
	return b.Bytes()
}

// hostileResult is one case at one size: the medians of its runs.
type hostileResult struct {
	name           string
	size           int
	inputBytes     int64
	seconds        float64
	peakMiB        float64
	outputBytes    int64
	exit           int
	lastLineStderr string
}

func hostileCmd(args []string) error {
	fs := flag.NewFlagSet("hostile", flag.ContinueOnError)
	out := fs.String("out", filepath.Join(os.TempDir(), "claimdiff-bench-hostile"), "directory for the inputs and the binary")
	runs := fs.Int("runs", 3, "runs of each case at each size; the median counts")
	md := fs.Bool("md", false, "print the results as Markdown, for BENCHMARKS.md")
	only := fs.String("only", "", "run only the cases whose name holds one of these words, separated by |")
	if err := fs.Parse(args); err != nil {
		return err
	}
	bin, err := buildCLI("hostile", *out)
	if err != nil {
		return err
	}
	var results []hostileResult
	for ci, c := range hostileCases() {
		if !nameHolds(c.name, *only) {
			continue
		}
		for _, n := range c.sizes {
			dir := filepath.Join(*out, fmt.Sprintf("case%d-%d", ci, n))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			argv, output, err := c.make(dir, n)
			if err != nil {
				return err
			}
			res := hostileResult{name: c.name, size: n, inputBytes: dirBytes(dir)}
			var times, peaks []float64
			for r := range *runs {
				logf("%s, %d: run %d of %d", c.name, n, r+1, *runs)
				if output != "" {
					os.Remove(output)
				}
				m, code, stdout, err := measureExit(append([]string{bin}, argv...))
				if err != nil {
					return fmt.Errorf("%s at %d: %w", c.name, n, err)
				}
				if code != c.exit {
					return fmt.Errorf("%s at %d: exit %d, want %d\n%s", c.name, n, code, c.exit, lastLines(m.stderr, 5))
				}
				times, peaks = append(times, m.seconds), append(peaks, m.peakMiB)
				res.exit, res.outputBytes, res.lastLineStderr = code, stdout, lastSaid(m.stderr)
				if output != "" {
					res.outputBytes = 0
					if st, err := os.Stat(output); err == nil {
						res.outputBytes = st.Size()
					}
				}
			}
			res.seconds, res.peakMiB = median(times), median(peaks)
			results = append(results, res)
		}
	}
	if *md {
		return hostileMarkdown(os.Stdout, results, *runs)
	}
	return hostileText(os.Stdout, results)
}

// nameHolds says name holds one of the |-separated words, or words is "".
func nameHolds(name, words string) bool {
	if words == "" {
		return true
	}
	for w := range strings.SplitSeq(words, "|") {
		if w != "" && strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// measureExit runs argv as measure does, but takes any exit code, which
// it returns, and counts stdout's bytes rather than keeping them.
func measureExit(argv []string) (measurement, int, int64, error) {
	var m measurement
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout countWriter
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	m.seconds = time.Since(start).Seconds()
	m.stderr = stderr.Bytes()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return m, 0, 0, err
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.peakMiB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	return m, cmd.ProcessState.ExitCode(), int64(stdout), nil
}

// lastSaid is the last line of stderr that is not a hint.
func lastSaid(stderr []byte) string {
	lines := strings.Split(strings.TrimSpace(string(stderr)), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if !strings.HasPrefix(lines[i], "  hint: ") {
			return lines[i]
		}
	}
	return ""
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// dirBytes is the size of the files in dir: a case's input.
func dirBytes(dir string) int64 {
	entries, _ := os.ReadDir(dir)
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && !strings.HasSuffix(e.Name(), ".html") {
			n += info.Size()
		}
	}
	return n
}

var hostileHeader = []string{"case", "size", "input", "exit", "seconds", "peak MiB", "output", "says"}

func hostileRows(results []hostileResult) [][]string {
	var rows [][]string
	for _, r := range results {
		says := r.lastLineStderr
		if i := strings.Index(says, ": "); i >= 0 && strings.Contains(says[:i], "/") {
			says = "…" + says[i:] // the input's path says nothing
		}
		rows = append(rows, []string{r.name, count(r.size), byteCount(r.inputBytes), fmt.Sprint(r.exit),
			fmt.Sprintf("%.2f", r.seconds), fmt.Sprintf("%.0f", r.peakMiB), byteCount(r.outputBytes), says})
	}
	return rows
}

// growth says, for each case, how cost grew from the smaller size to the
// larger, next to how the input grew.
func growth(results []hostileResult) []string {
	var out []string
	for i := 0; i+1 < len(results); i += 2 {
		a, b := results[i], results[i+1]
		out = append(out, fmt.Sprintf("%s: input ×%.1f → time ×%.1f, peak memory ×%.1f, output ×%s",
			a.name, float64(b.inputBytes)/float64(a.inputBytes), b.seconds/a.seconds, b.peakMiB/a.peakMiB, times(b.outputBytes, a.outputBytes)))
	}
	return out
}

func times(b, a int64) string {
	if a == 0 {
		if b == 0 {
			return "1 (none)"
		}
		return "-"
	}
	return fmt.Sprintf("%.1f", float64(b)/float64(a))
}

func byteCount(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func hostileText(w io.Writer, results []hostileResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(hostileHeader, "\t"))
	for _, row := range hostileRows(results) {
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, g := range growth(results) {
		fmt.Fprintln(w, g)
	}
	return nil
}

func hostileMarkdown(w io.Writer, results []hostileResult, runs int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Measured %s with `go run ./internal/bench hostile -runs %d -md`, median of %d runs.\n\n", time.Now().UTC().Format("2006-01-02"), runs, runs)
	fmt.Fprintf(bw, "Machine: %s\n\n", machine(""))
	fmt.Fprintf(bw, "| %s |\n|%s\n", strings.Join(hostileHeader, " | "), strings.Repeat(" --- |", len(hostileHeader)))
	for _, row := range hostileRows(results) {
		for i := range row {
			row[i] = strings.ReplaceAll(row[i], "|", `\|`)
		}
		fmt.Fprintf(bw, "| %s |\n", strings.Join(row, " | "))
	}
	fmt.Fprintln(bw)
	for _, g := range growth(results) {
		fmt.Fprintf(bw, "- %s\n", g)
	}
	return bw.Flush()
}
