package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/claimdiff/claimdiff/internal/gen"
)

// The Parquet benchmark (issue 20) times loading the generated feed from
// Parquet against the same claims as CSV and JSON Lines, each file beside
// the YAML head of its sources and topics: lint, which loads and checks
// every claim and compares nothing, and disputed end to end. The Parquet
// file is claimdiff's own export of the CSV one, made again on each run
// so that it is what the binary measured writes.

// parquetRow is one command on one format at one size: medians of its
// runs, and the claim file's size.
type parquetRow struct {
	size                  int
	format, command       string
	fileBytes             int64
	seconds, cpu, peakMiB float64
	note                  string
}

var parquetFormats = []string{"CSV", "JSON Lines", "Parquet"}

func parquetCmd(args []string) error {
	cfg, sizes, bin, err := timedSetup("parquet", args, "1000000", "ledgers", "format")
	if err != nil {
		return err
	}
	var rows []parquetRow
	for _, n := range sizes {
		got, err := parquetSize(cfg, bin, n)
		if err != nil {
			return err
		}
		rows = append(rows, got...)
	}
	if cfg.md {
		return parquetMarkdown(os.Stdout, cfg, rows)
	}
	return parquetText(os.Stdout, rows)
}

// parquetSize measures one size: the export that makes the Parquet file,
// then lint and disputed on each format, round-robin.
func parquetSize(cfg timedConfig, bin string, n int) ([]parquetRow, error) {
	files, err := generate(cfg.out, n)
	if err != nil {
		return nil, err
	}
	pqDir := filepath.Join(cfg.out, strconv.Itoa(n), "parquet")
	if err := writeFile(filepath.Join(pqDir, "head.yaml"), func(w io.Writer) error { return gen.Head(w, options(n)) }); err != nil {
		return nil, err
	}
	dirs := map[string]string{"CSV": files.csvDir, "JSON Lines": files.jsonlDir, "Parquet": pqDir}
	claimFiles := map[string]string{"CSV": filepath.Join(files.csvDir, "claims.csv"), "JSON Lines": filepath.Join(files.jsonlDir, "claims.jsonl"),
		"Parquet": filepath.Join(pqDir, "claims.parquet")}
	logf("%s claims: exporting the CSV feed to Parquet", count(n))
	export, err := measure([]string{bin, "export", "-f", files.csvDir, "-o", claimFiles["Parquet"]})
	if err != nil {
		return nil, fmt.Errorf("export to Parquet: %w", err)
	}
	if !strings.HasSuffix(lastLine(export.stderr), fmt.Sprintf("(PARQUET, %d claims)", n)) {
		return nil, fmt.Errorf("export did not write %d claims: %s", n, lastLine(export.stderr))
	}
	rows := []parquetRow{{size: n, format: "Parquet", command: "export (from CSV)", seconds: export.seconds, cpu: export.cpu,
		peakMiB: export.peakMiB, note: fmt.Sprintf("%d claims written", n)}}
	want := gen.Disputed(options(n))
	type job struct{ format, command string }
	var jobs []job
	var timed []timedJob
	for _, cmd := range []string{"lint", "disputed"} {
		for _, format := range parquetFormats {
			jobs = append(jobs, job{format: format, command: cmd})
			t := timedJob{label: cmd + " on " + format}
			if cmd == "lint" {
				t.argv, t.check = []string{bin, "lint", "-f", dirs[format]}, loaded(n)
			} else {
				t.argv, t.check = []string{bin, "disputed", "--format", "json", "-f", dirs[format]}, disputes(want)
			}
			timed = append(timed, t)
		}
	}
	results, err := runAlternating(timed, cfg.runs, n)
	if err != nil {
		return nil, err
	}
	for i, j := range jobs {
		st, err := os.Stat(claimFiles[j.format])
		if err != nil {
			return nil, err
		}
		r := results[i]
		rows = append(rows, parquetRow{size: n, format: j.format, command: j.command, fileBytes: st.Size(),
			seconds: r.seconds, cpu: r.cpu, peakMiB: r.peakMiB, note: r.note})
	}
	return rows, nil
}

// parquetRatio is a row's time against CSV's for the same command.
func parquetRatio(rows []parquetRow, r parquetRow) string {
	for _, c := range rows {
		if c.format == "CSV" && c.size == r.size && c.command == r.command && c.seconds > 0 {
			return fmt.Sprintf("%.2f×", r.seconds/c.seconds)
		}
	}
	return ""
}

func fileMB(n int64) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%.1f", float64(n)/1e6)
}

func parquetText(w io.Writer, rows []parquetRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "claims\tformat\tclaim file MB\tcommand\tseconds\tCPU s\tpeak MiB\ttime ÷ CSV\tfound")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.2f\t%.2f\t%.0f\t%s\t%s\n", count(r.size), r.format, fileMB(r.fileBytes), r.command,
			r.seconds, r.cpu, r.peakMiB, parquetRatio(rows, r), r.note)
	}
	return tw.Flush()
}

func parquetMarkdown(w io.Writer, cfg timedConfig, rows []parquetRow) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Measured %s with:\n\n```sh\ngo run ./internal/bench parquet -sizes %s -runs %d -md\n```\n\n",
		time.Now().UTC().Format("2006-01-02"), cfg.sizes, cfg.runs)
	fmt.Fprintf(bw, "Machine: %s\n\n", machine(""))
	fmt.Fprintf(bw, "| claims | format | claim file MB | command | seconds | CPU seconds | peak MiB | time ÷ CSV | found |\n")
	fmt.Fprintf(bw, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range rows {
		fmt.Fprintf(bw, "| %s | %s | %s | %s | %.2f | %.2f | %.0f | %s | %s |\n", count(r.size), r.format, fileMB(r.fileBytes), r.command,
			r.seconds, r.cpu, r.peakMiB, parquetRatio(rows, r), r.note)
	}
	return bw.Flush()
}
