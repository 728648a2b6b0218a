package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// report turns results into tables and verdicts on the targets.
type report struct {
	results []result
	sizes   []int
	cfg     config
}

func newReport(results []result, cfg config) *report {
	r := &report{results: results, cfg: cfg}
	for _, res := range results {
		if !slices.Contains(r.sizes, res.size) {
			r.sizes = append(r.sizes, res.size)
		}
	}
	slices.Sort(r.sizes)
	return r
}

func (r *report) get(size int, tool string) (result, bool) {
	for _, res := range r.results {
		if res.size == size && res.tool == tool {
			return res, true
		}
	}
	return result{}, false
}

// row is one line of the results table.
func (r *report) rows() [][]string {
	var rows [][]string
	for _, n := range r.sizes {
		node, _ := r.get(n, toolNode)
		for _, tool := range toolOrder {
			res, ok := r.get(n, tool)
			if !ok {
				continue
			}
			rows = append(rows, []string{count(n), tool, fmt.Sprintf("%.2f", res.seconds), fmt.Sprintf("%.0f", res.peakMiB),
				ratio(res.seconds, node.seconds), ratio(res.peakMiB, node.peakMiB), res.note})
		}
	}
	return rows
}

var header = []string{"claims", "tool", "seconds", "peak MiB", "time ÷ yaml.Node", "memory ÷ yaml.Node", "found"}

// target is one of the targets and how this run did on it.
type target struct {
	name, verdict, detail string
}

func (r *report) targets() []target {
	largest := r.sizes[len(r.sizes)-1]
	at := "at " + count(largest) + " claims"
	if largest < 1_000_000 {
		at += "; the target is set at 1,000,000"
	}
	node, _ := r.get(largest, toolNode)
	yml, _ := r.get(largest, toolYAML)
	verdict := func(ok bool) string {
		if ok {
			return "pass"
		}
		return "FAIL"
	}
	var ts []target
	tr := yml.seconds / node.seconds
	ts = append(ts, target{"1. YAML time ≤ 0.6 × yaml.Node decode", verdict(tr <= 0.6),
		fmt.Sprintf("%.2f s vs %.2f s: %.2f× (%s)", yml.seconds, node.seconds, tr, at)})
	mr := yml.peakMiB / node.peakMiB
	ts = append(ts, target{"1. YAML peak memory ≤ 0.35 × yaml.Node decode", verdict(mr <= 0.35),
		fmt.Sprintf("%.0f MiB vs %.0f MiB: %.2f× (%s)", yml.peakMiB, node.peakMiB, mr, at)})
	for _, tool := range []string{toolLoadCSV, toolLoadJSONL} {
		if res, ok := r.get(largest, tool); ok {
			ts = append(ts, target{"2. " + tool + " loads under 2 s", verdict(res.seconds < 2),
				fmt.Sprintf("%.2f s to load and check, the whole process (%s)", res.seconds, at)})
		}
	}
	for _, tool := range []string{toolYAML, toolCSV, toolJSONL} {
		worst, detail := 0.0, ""
		for i := 1; i < len(r.sizes); i++ {
			a, b := r.sizes[i-1], r.sizes[i]
			ra, _ := r.get(a, tool)
			rb, _ := r.get(b, tool)
			grow := rb.seconds / ra.seconds
			// The target: 10× the claims costs at most 12× the time.
			limit := 1.2 * float64(b) / float64(a)
			if d := grow / limit; d > worst || detail == "" {
				worst = d
				detail = fmt.Sprintf("%s → %s claims: %.1f× the time (limit %.0f×)", count(a), count(b), grow, limit)
			}
		}
		if detail != "" {
			ts = append(ts, target{"3. " + tool + " grows near-linearly", verdict(worst <= 1), "worst step: " + detail})
		}
	}
	if py, ok := r.get(largest, toolPython); ok {
		pr := py.seconds / yml.seconds
		ts = append(ts, target{"4. claimdiff ≥ 15 × faster than PyYAML", verdict(pr >= 15),
			fmt.Sprintf("%.1f s vs %.2f s: %.1f× (%s)", py.seconds, yml.seconds, pr, at)})
	}
	return ts
}

func (r *report) text(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, row := range r.rows() {
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, t := range r.targets() {
		fmt.Fprintf(w, "%-4s  %s: %s\n", t.verdict, t.name, t.detail)
	}
	return nil
}

func (r *report) markdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	sizes := make([]string, len(r.sizes))
	for i, n := range r.sizes {
		sizes[i] = fmt.Sprint(n)
	}
	fmt.Fprintf(bw, "Measured %s with:\n\n```sh\ngo run ./internal/bench -sizes %s -md\n```\n\n", time.Now().UTC().Format("2006-01-02"), strings.Join(sizes, ","))
	fmt.Fprintf(bw, "Machine: %s\n\n", machine(r.cfg.python))
	fmt.Fprintf(bw, "| %s |\n|%s\n", strings.Join(header, " | "), strings.Repeat(" --- |", len(header)))
	for _, row := range r.rows() {
		fmt.Fprintf(bw, "| %s |\n", strings.Join(row, " | "))
	}
	fmt.Fprintf(bw, "\n| target | result | measured |\n| --- | --- | --- |\n")
	for _, t := range r.targets() {
		fmt.Fprintf(bw, "| %s | %s | %s |\n", t.name, t.verdict, t.detail)
	}
	return bw.Flush()
}

// machine describes where the numbers come from.
func machine(python string) string {
	parts := []string{fmt.Sprintf("%d cores", runtime.NumCPU())}
	if cpu := procField("/proc/cpuinfo", "model name"); cpu != "" {
		parts = append(parts, cpu)
	}
	if mem := procField("/proc/meminfo", "MemTotal"); mem != "" {
		var kb int64
		fmt.Sscanf(mem, "%d", &kb)
		parts = append(parts, fmt.Sprintf("%.0f GiB RAM", float64(kb)/(1<<20)))
	}
	if v, err := exec.Command("go", "env", "GOVERSION").Output(); err == nil {
		parts = append(parts, strings.TrimSpace(string(v)))
	}
	if python != "" {
		v, err := exec.Command(python, "-c", "import sys, yaml; print('Python %d.%d.%d' % sys.version_info[:3], 'PyYAML', yaml.__version__)").Output()
		if err == nil {
			parts = append(parts, strings.TrimSpace(string(v)))
		}
	}
	parts = append(parts, runtime.GOOS+"/"+runtime.GOARCH)
	return strings.Join(parts, ", ")
}

// procField reads "name : value" from a /proc file.
func procField(path, name string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == name {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", a/b)
}

// count writes 1000000 as 1,000,000.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
