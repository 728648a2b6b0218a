package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/claimdiff/claimdiff/internal/gen"
)

// The web benchmark (issue 15) times claimdiff on a flight-status feed
// written as sites write it (gen.WebCSV) against the same feed with every
// time in RFC 3339, its clean-ISO twin: disputed end to end, and lint,
// which loads and reads every value and compares nothing.

// timedConfig is the web benchmark's flags.

// webRow is one command on one twin at one size: medians of its runs.
type webRow struct {
	size                  int
	command, twin         string
	seconds, cpu, peakMiB float64
	note                  string
}

// webGenVersion names the web generator's output: the feeds are kept in
// a directory of that name, so a change to the generator makes them again.
const webGenVersion = "web-1"

func webCmd(args []string) error {
	cfg, sizes, bin, err := timedSetup("web", args, "100000,1000000", "feeds", "twin")
	if err != nil {
		return err
	}
	var rows []webRow
	for _, n := range sizes {
		dirs, err := generateWeb(cfg.out, n)
		if err != nil {
			return err
		}
		want := len(gen.WebDisputes(webOptions(n, false)))
		type job struct{ command, twin string }
		var jobs []job
		var timed []timedJob
		// The twins alternate, so a busy moment on the machine lands on
		// both rather than on one.
		for _, cmd := range []string{"disputed", "lint"} {
			for _, twin := range []string{"ISO", "web"} {
				dir := dirs[twin]
				jobs = append(jobs, job{command: cmd, twin: twin})
				t := timedJob{label: cmd + " on the " + twin + " twin"}
				if cmd == "disputed" {
					t.argv, t.check = []string{bin, "disputed", "--format", "json", "-f", dir}, disputes(want)
				} else {
					t.argv, t.check = []string{bin, "lint", "-f", dir}, linted(n)
				}
				timed = append(timed, t)
			}
		}
		results, err := runAlternating(timed, cfg.runs, n)
		if err != nil {
			return err
		}
		for i, j := range jobs {
			r := results[i]
			rows = append(rows, webRow{size: n, command: j.command, twin: j.twin,
				seconds: r.seconds, cpu: r.cpu, peakMiB: r.peakMiB, note: r.note})
		}
	}
	if cfg.md {
		return webMarkdown(os.Stdout, cfg, rows)
	}
	return webText(os.Stdout, rows)
}

// webOptions are the feeds' shape: 40 sites, a quarter as many
// flight-days as claims, 6% of them disputed, 2% placeholders.
func webOptions(n int, iso bool) gen.WebOptions {
	return gen.WebOptions{Claims: n, Seed: 1, ISO: iso}
}

// generateWeb writes one size's twins unless they are already there, each
// a directory of head.yaml and claims.csv, and returns them by twin.
func generateWeb(out string, n int) (map[string]string, error) {
	base := filepath.Join(out, webGenVersion, strconv.Itoa(n))
	dirs := map[string]string{"web": filepath.Join(base, "web"), "ISO": filepath.Join(base, "iso")}
	for twin, dir := range dirs {
		o := webOptions(n, twin == "ISO")
		if err := writeFile(filepath.Join(dir, "head.yaml"), func(w io.Writer) error { return gen.WebHead(w, o) }); err != nil {
			return nil, err
		}
		if err := writeFile(filepath.Join(dir, "claims.csv"), func(w io.Writer) error { return gen.WebCSV(w, o) }); err != nil {
			return nil, err
		}
	}
	return dirs, nil
}

var lintSummary = regexp.MustCompile(`(?m)^claimdiff lint: (?:no problems|0 errors, (\d+) warnings?) in 2 files, (\d+) claims$`)

// linted checks that lint read every claim without an error; warnings
// (no-zone, ambiguous-date) are the web feed's due.
func linted(want int) func(measurement) (string, error) {
	return func(run measurement) (string, error) {
		m := lintSummary.FindSubmatch(run.stderr)
		if m == nil || string(m[2]) != strconv.Itoa(want) {
			return "", fmt.Errorf("lint did not load %d claims without an error:\n%s", want, lastLines(run.stderr, 3))
		}
		if len(m[1]) == 0 {
			return fmt.Sprintf("%d claims, no problems", want), nil
		}
		if string(m[1]) == "1" {
			return fmt.Sprintf("%d claims, 1 warning", want), nil
		}
		return fmt.Sprintf("%d claims, %s warnings", want, m[1]), nil
	}
}

// webRatios compares each web row with its ISO twin's.
func webRatios(rows []webRow) map[int]string {
	out := map[int]string{}
	for i, r := range rows {
		if r.twin != "web" {
			continue
		}
		for _, iso := range rows {
			if iso.twin == "ISO" && iso.size == r.size && iso.command == r.command {
				out[i] = fmt.Sprintf("%.2f× | %.2f× | %.2f×", r.seconds/iso.seconds, r.cpu/iso.cpu, r.peakMiB/iso.peakMiB)
			}
		}
	}
	return out
}

func webText(w io.Writer, rows []webRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "claims\tcommand\ttwin\tseconds\tCPU s\tpeak MiB\tweb ÷ ISO (time, CPU, memory)\tfound")
	ratios := webRatios(rows)
	for i, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%.2f\t%.0f\t%s\t%s\n", count(r.size), r.command, r.twin, r.seconds, r.cpu, r.peakMiB,
			strings.ReplaceAll(ratios[i], " | ", ", "), r.note)
	}
	return tw.Flush()
}

func webMarkdown(w io.Writer, cfg timedConfig, rows []webRow) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Measured %s with:\n\n```sh\ngo run ./internal/bench web -sizes %s -runs %d -md\n```\n\n",
		time.Now().UTC().Format("2006-01-02"), cfg.sizes, cfg.runs)
	fmt.Fprintf(bw, "Machine: %s\n\n", machine(""))
	fmt.Fprintf(bw, "| claims | command | twin | seconds | CPU seconds | peak MiB | web ÷ ISO time | web ÷ ISO CPU | web ÷ ISO memory | found |\n")
	fmt.Fprintf(bw, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	ratios := webRatios(rows)
	for i, r := range rows {
		ratio := ratios[i]
		if ratio == "" {
			ratio = " |  | "
		}
		fmt.Fprintf(bw, "| %s | %s | %s | %.2f | %.2f | %.0f | %s | %s |\n", count(r.size), r.command, r.twin, r.seconds, r.cpu, r.peakMiB, ratio, r.note)
	}
	return bw.Flush()
}
