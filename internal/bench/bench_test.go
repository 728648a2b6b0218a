package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestMedian(t *testing.T) {
	for _, tt := range []struct {
		in   []float64
		want float64
	}{{[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{7: "7", 1000: "1,000", 1000000: "1,000,000", 250000: "250,000"} {
		if got := count(n); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}

// The end of a large output is kept whole, whatever the chunks.
func TestTailBuffer(t *testing.T) {
	tb := &tailBuffer{max: 16}
	var all bytes.Buffer
	for i := range 100 {
		chunk := strings.Repeat(string(rune('a'+i%26)), i%7+1)
		tb.Write([]byte(chunk))
		all.WriteString(chunk)
	}
	if !bytes.HasSuffix(all.Bytes(), tb.buf) || len(tb.buf) < 16 {
		t.Fatalf("kept %q, which is not the last 16 or more bytes of the output", tb.buf)
	}
}

func TestDisputes(t *testing.T) {
	out := []byte("{\n  \"disputes\": [{\"count\": 3}],\n  \"count\": 180,\n  \"ledger\": {}\n}\n")
	if note, err := disputes(180)(measurement{tail: out}); err != nil || note != "180 disputes" {
		t.Errorf("got %q, %v", note, err)
	}
	if _, err := disputes(181)(measurement{tail: out}); err == nil {
		t.Error("a wrong count passed")
	}
	if _, err := disputes(1)(measurement{tail: []byte("claimdiff: boom")}); err == nil {
		t.Error("output without a count passed")
	}
}

func TestLoaded(t *testing.T) {
	ok := measurement{stderr: []byte("claimdiff lint: no problems in 2 files, 1000 claims\n")}
	if note, err := loaded(1000)(ok); err != nil || note != "1000 claims, no problems" {
		t.Errorf("got %q, %v", note, err)
	}
	for _, bad := range []string{
		"claimdiff lint: no problems in 2 files, 999 claims\n",
		"claimdiff lint: 1 error in 2 files, 1000 claims\n",
		"claimdiff lint: no problems in 2 files, 10000 claims\n",
	} {
		if _, err := loaded(1000)(measurement{stderr: []byte(bad)}); err == nil {
			t.Errorf("%q passed", bad)
		}
	}
}

func TestTargets(t *testing.T) {
	res := []result{
		{size: 10, tool: toolNode, seconds: 1, peakMiB: 100},
		{size: 10, tool: toolYAML, seconds: 0.5, peakMiB: 30},
		{size: 10, tool: toolCSV, seconds: 0.2, peakMiB: 30},
		{size: 10, tool: toolJSONL, seconds: 0.2, peakMiB: 30},
		{size: 10, tool: toolLoadCSV, seconds: 0.1, peakMiB: 30},
		{size: 10, tool: toolLoadJSONL, seconds: 0.1, peakMiB: 30},
		{size: 10, tool: toolPython, seconds: 10, peakMiB: 300},
		{size: 100, tool: toolNode, seconds: 10, peakMiB: 1000},
		{size: 100, tool: toolYAML, seconds: 5, peakMiB: 400}, // memory 0.4×: fails
		{size: 100, tool: toolCSV, seconds: 1.9, peakMiB: 300},
		{size: 100, tool: toolJSONL, seconds: 2.5, peakMiB: 300}, // 12.5× growth
		{size: 100, tool: toolLoadCSV, seconds: 1.9, peakMiB: 300},
		{size: 100, tool: toolLoadJSONL, seconds: 2.1, peakMiB: 300}, // over 2 s
		{size: 100, tool: toolPython, seconds: 100, peakMiB: 3000},   // only 20× slower: passes
	}
	var got []string
	for _, tg := range newReport(res, config{}).targets() {
		got = append(got, tg.verdict+" "+tg.name)
	}
	want := []string{
		"pass 1. YAML time ≤ 0.6 × yaml.Node decode",
		"FAIL 1. YAML peak memory ≤ 0.35 × yaml.Node decode",
		"pass 2. claimdiff lint (CSV) loads under 2 s",
		"FAIL 2. claimdiff lint (JSONL) loads under 2 s",
		"pass 3. claimdiff (YAML) grows near-linearly",
		"pass 3. claimdiff (CSV) grows near-linearly",
		"FAIL 3. claimdiff (JSONL) grows near-linearly",
		"pass 4. claimdiff ≥ 15 × faster than PyYAML",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("targets:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var md bytes.Buffer
	if err := newReport(res, config{}).markdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| 100 | claimdiff (YAML) | 5.00 | 400 | 0.50 | 0.40 |  |") {
		t.Errorf("markdown table:\n%s", md.String())
	}
}

func TestGenCmd(t *testing.T) {
	for _, args := range [][]string{{}, {"x"}, {"0"}, {"10", "xml"}, {"1", "2", "3"}} {
		if err := genCmd(args); err == nil {
			t.Errorf("gen %q: no error", args)
		}
	}
}

// The hostile inputs are what their cases say: a text aliased by every
// claim, a quote of the whole text, a chain as deep as asked.
func TestHostileInputs(t *testing.T) {
	if got := strings.Count(string(aliasLedger(10, 100)), "*big"); got != 10 {
		t.Errorf("%d aliases, want 10", got)
	}
	text, ledger := quoteLedger(10_000)
	if len(text) < 9_000 || !bytes.Contains(ledger, []byte("quote: &q \"tampered")) || bytes.Count(ledger, []byte("quote: *q")) != 2 {
		t.Errorf("quote ledger: %d bytes of text, ledger %.80q", len(text), ledger)
	}
	if got := bytes.Count(chainLedger(5, 3), []byte("via: s4")); got != 3 {
		t.Errorf("%d sources via the deepest, want 3", got)
	}
	res := []hostileResult{
		{name: "c", inputBytes: 100, seconds: 1, peakMiB: 10, outputBytes: 0},
		{name: "c", inputBytes: 200, seconds: 2.5, peakMiB: 15, outputBytes: 0},
	}
	if got, want := growth(res)[0], "c: input ×2.0 → time ×2.5, peak memory ×1.5, output ×1 (none)"; got != want {
		t.Errorf("growth = %q, want %q", got, want)
	}
}

// lint on a web feed passes with warnings, never with an error or a
// claim short.
func TestLinted(t *testing.T) {
	for stderr, want := range map[string]string{
		"claimdiff lint: no problems in 2 files, 1000 claims\nclaimdiff lint: pattern \"*.x\" typed 3 topics (first a.x)\n": "1000 claims, no problems",
		"claimdiff lint: 0 errors, 118 warnings in 2 files, 1000 claims\nclaimdiff lint: 26 claims give no value (N/A)\n":   "1000 claims, 118 warnings",
		"claimdiff lint: 0 errors, 1 warning in 2 files, 1000 claims\n":                                                     "1000 claims, 1 warning",
	} {
		if note, err := linted(1000)(measurement{stderr: []byte(stderr)}); err != nil || note != want {
			t.Errorf("%q: got %q, %v; want %q", stderr, note, err, want)
		}
	}
	for _, bad := range []string{
		"claimdiff lint: 1 error, 3 warnings in 2 files, 1000 claims\n",
		"claimdiff lint: no problems in 2 files, 999 claims\n",
		"claimdiff lint: no problems in 2 files, 10000 claims\n",
	} {
		if _, err := linted(1000)(measurement{stderr: []byte(bad)}); err == nil {
			t.Errorf("%q passed", bad)
		}
	}
	rows := []webRow{
		{size: 10, command: "disputed", twin: "ISO", seconds: 2, cpu: 3, peakMiB: 100},
		{size: 10, command: "disputed", twin: "web", seconds: 3, cpu: 3.3, peakMiB: 110},
	}
	var md bytes.Buffer
	if err := webMarkdown(&md, timedConfig{sizes: "10", runs: 1}, rows); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"| 10 | disputed | ISO | 2.00 | 3.00 | 100 |  |  |  |  |", "| 10 | disputed | web | 3.00 | 3.30 | 110 | 1.50× | 1.10× | 1.10× |  |"} {
		if !strings.Contains(md.String(), line+"\n") {
			t.Errorf("no line %q in\n%s", line, md.String())
		}
	}
}

func TestParquetRatio(t *testing.T) {
	rows := []parquetRow{
		{size: 10, format: "CSV", command: "lint", seconds: 2},
		{size: 10, format: "Parquet", command: "lint", seconds: 3},
		{size: 10, format: "Parquet", command: "export (from CSV)", seconds: 5},
		{size: 20, format: "CSV", command: "lint", seconds: 8},
	}
	for i, want := range []string{"1.00×", "1.50×", "", "1.00×"} {
		if got := parquetRatio(rows, rows[i]); got != want {
			t.Errorf("row %d: %q, want %q", i, got, want)
		}
	}
	if fileMB(27_803_373) != "27.8" || fileMB(0) != "" {
		t.Errorf("fileMB: %q, %q", fileMB(27_803_373), fileMB(0))
	}
}
