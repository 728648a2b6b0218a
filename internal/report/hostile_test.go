package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// hostileReport loads testdata/ledgers/hostile, plus a claim in a file
// whose very name is hostile (names reach SARIF, JUnit, CSV and HTML).
func hostileReport(t testing.TB) *Report {
	t.Helper()
	l, err := load.Load(load.Paths([]string{"../../testdata/ledgers/hostile/claims.yaml"}), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diag.HasErrors(l.Problems, false) {
		t.Fatalf("hostile ledger does not load: %v", l.Problems)
	}
	if len(l.Claims) == 0 {
		t.Fatal("hostile ledger has no claims")
	}
	// A file name that is itself an attack, for every format that prints
	// positions.
	l.Claims[0].Pos.File = "=HYPERLINK(\"x\")|\n</td><script>alert('file')</script>\x1b[31m\u202e.yaml"
	a := claims.Analyze(l, claims.Options{})
	if len(a.Disputes) < 2 {
		t.Fatalf("hostile ledger has %d disputes, want 2", len(a.Disputes))
	}
	// The likely sides too: their values are the ledger's text.
	r := Build(a)
	r.Mark(resolve.Marks(a, a.Disputes, true))
	return r
}

// TestHostileEveryFormat feeds the hostile ledger through every format
// and the graph, and checks what each must never let through.
func TestHostileEveryFormat(t *testing.T) {
	r := hostileReport(t)
	outputs := map[string][]byte{}
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, r, Format(f), Options{Version: "test"}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		outputs[f] = buf.Bytes()
	}
	g := NewGraph(r)
	for name, write := range map[string]func(io.Writer) error{"dot": g.WriteDOT, "mermaid": g.WriteMermaid} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		outputs[name] = buf.Bytes()
	}
	for name, out := range outputs {
		t.Run(name, func(t *testing.T) {
			checkNoControls(t, out)
			switch name {
			case "text":
				checkText(t, out)
			case "md":
				checkMarkdown(t, out)
			case "html":
				checkHTML(t, out)
			case "csv":
				checkCSV(t, out)
			case "json", "sarif":
				checkJSON(t, out)
			case "junit":
				checkXML(t, out)
			case "dot":
				checkDOT(t, out)
			case "mermaid":
				checkMermaid(t, out)
			}
		})
	}
	if t.Failed() {
		dir := t.TempDir()
		for name, out := range outputs {
			_ = os.WriteFile(dir+"/hostile."+name, out, 0o644)
		}
		t.Logf("outputs kept in %s", dir)
	}
}

// checkNoControls: no format may carry a raw escape, OSC or other control
// character (but newline, tab and, in CSV, carriage return), a C1 control
// or a bidi override; nor JSON-escaped forms of them.
func checkNoControls(t *testing.T, out []byte) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Errorf("invalid UTF-8")
	}
	for i, r := range string(out) {
		bad := r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f
		if bad {
			t.Errorf("raw %U at byte %d: %q", r, i, around(out, i))
		}
	}
	for _, esc := range []string{`\u001b`, `\u001B`, `\u0007`, `\u202e`, `\u202E`, `\u009b`, "&#x1b;", "&#27;", "&#x202e;", "&#8238;"} {
		if i := bytes.Index(out, []byte(esc)); i >= 0 {
			t.Errorf("escaped control %s at byte %d: %q", esc, i, around(out, i))
		}
	}
}

func around(out []byte, i int) string {
	return string(out[max(0, i-40):min(len(out), i+40)])
}

// checkText: terminal output must not start a CI workflow command.
func checkText(t *testing.T, out []byte) {
	t.Helper()
	for _, line := range strings.Split(string(out), "\n") {
		l := strings.TrimLeft(line, " \t│|")
		if strings.HasPrefix(l, "::") || strings.Contains(line, "##[") {
			t.Errorf("workflow command in text output: %q", line)
		}
	}
	if bytes.ContainsRune(out, '\r') {
		t.Errorf("carriage return in text output")
	}
}

var (
	hrefRe  = regexp.MustCompile(`(?i)<[a-z][^<>]*?\s(href|src|action|formaction|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	scripts = regexp.MustCompile(`(?i)<script\b`)
)

// checkHTML: the only script is the report's own, no element or event
// handler comes from the data, and links go only to http(s) or anchors.
func checkHTML(t *testing.T, out []byte) {
	t.Helper()
	s := string(out)
	if n := len(scripts.FindAllStringIndex(s, -1)); n != 1 {
		t.Errorf("%d <script> elements, want only the report's own", n)
	}
	for _, bad := range []string{"<img", "</blockquote><script", "</td><script", "</title><script"} {
		if i := strings.Index(strings.ToLower(s), strings.ToLower(bad)); i >= 0 && !inOwnScript(s, i) {
			t.Errorf("unescaped %q in HTML: %q", bad, around(out, i))
		}
	}
	for _, m := range hrefRe.FindAllStringSubmatch(s, -1) {
		v := strings.Trim(m[2], `"'`)
		if !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") {
			t.Errorf("%s=%q is not an anchor or an http(s) link", m[1], v)
		}
	}
	if strings.Contains(strings.ToLower(s), "javascript:") && !strings.Contains(s, "javascript:alert(6)") {
		// The only javascript: allowed is the one claim value that is
		// shown as escaped text, never as a link.
		t.Errorf("javascript: URL text outside the claim value")
	}
	if strings.Contains(s, "ZgotmplZ") {
		t.Errorf("an unsafe URL reached the template (html/template replaced it with ZgotmplZ)")
	}
	for _, want := range []string{"&lt;/td&gt;&lt;script&gt;", "&lt;/blockquote&gt;&lt;script&gt;"} {
		if !strings.Contains(s, want) {
			t.Errorf("expected the hostile text shown escaped as %q", want)
		}
	}
}

func inOwnScript(s string, i int) bool {
	start := strings.LastIndex(s[:i], "<script>")
	return start >= 0 && !strings.Contains(s[start:i], "</script>")
}

// checkMarkdown: tables keep their shape (no unescaped pipe or newline
// adds a cell or ends a row), markup from the data is escaped, and the
// HTML of details blocks is escaped as HTML.
func checkMarkdown(t *testing.T, out []byte) {
	t.Helper()
	lines := strings.Split(string(out), "\n")
	cells := -1
	for i, line := range lines {
		if !strings.HasPrefix(line, "|") {
			if cells >= 0 && line != "" {
				t.Errorf("line %d ends a table without a blank line: %q", i+1, line)
			}
			cells = -1
			continue
		}
		n := countCells(line)
		if cells >= 0 && n != cells {
			t.Errorf("line %d has %d cells, the table %d: %q", i+1, n, cells, line)
		}
		if cells < 0 {
			cells = n
		}
	}
	// Code spans are literal; only claimdiff opens them (mdCode refuses
	// text with a backtick, and md escapes every backtick).
	// The <details><summary> lines are HTML blocks, where Markdown is not
	// read at all; they are checked below.
	s := codeSpan.ReplaceAllString(detailsLine.ReplaceAllString(string(out), "<details>"), "`code`")
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`(^|[^\\])<(script|/td|/blockquote|img|/title)`),
		regexp.MustCompile(`(^|[^\\])\]\(javascript`),
		regexp.MustCompile(`(?m)^\s*::`),
	} {
		if loc := re.FindStringIndex(s); loc != nil {
			t.Errorf("unescaped markup %q: %q", re, around([]byte(s), loc[0]))
		}
	}
	for _, line := range lines {
		if strings.HasPrefix(line, "<details>") && strings.Count(line, "<") != 5 {
			t.Errorf("details line with markup from the data: %q", line)
		}
	}
}

var (
	codeSpan    = regexp.MustCompile("`[^`\n]*`")
	detailsLine = regexp.MustCompile(`(?m)^<details>.*$`)
)

// countCells counts a table row's cells: pipes not escaped by a
// backslash, less one.
func countCells(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n - 1
}

// checkCSV: it parses, every row has the header's width, and no cell
// starts as a formula.
func checkCSV(t *testing.T, out []byte) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if len(rows) < 2 {
		t.Fatalf("%d CSV rows, want a header and claims", len(rows))
	}
	for i, row := range rows {
		if len(row) != len(rows[0]) {
			t.Errorf("row %d has %d cells, want %d", i, len(row), len(rows[0]))
		}
		for j, cell := range row {
			if c := strings.TrimLeft(cell, " "); cell[:min(len(cell), 1)] == "\t" || c != "" && strings.ContainsAny(c[:1], "=+-@\t\r") {
				t.Errorf("row %d cell %d starts a formula: %q", i, j, cell)
			}
		}
	}
}

func checkJSON(t *testing.T, out []byte) {
	t.Helper()
	if !json.Valid(out) {
		t.Errorf("invalid JSON")
	}
}

func checkXML(t *testing.T, out []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	depth, cases := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("XML does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			if tok.Name.Local == "testcase" {
				cases++
			}
			switch tok.Name.Local {
			case "testsuites", "testsuite", "testcase", "failure", "skipped":
			default:
				t.Errorf("unexpected element <%s>", tok.Name.Local)
			}
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 || cases != 2 {
		t.Errorf("depth %d, %d test cases; want 0 and 2", depth, cases)
	}
}

// checkDOT: every line is one statement with balanced, unbroken quotes.
func checkDOT(t *testing.T, out []byte) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		q := 0
		for j := 0; j < len(line); j++ {
			switch line[j] {
			case '\\':
				j++
			case '"':
				q++
			}
		}
		if q%2 != 0 {
			t.Errorf("line %d has unbalanced quotes: %q", i+1, line)
		}
		if i > 0 && line != "}" && !strings.HasSuffix(line, ";") {
			t.Errorf("line %d is not a statement: %q", i+1, line)
		}
	}
}

var (
	mermaidNode = regexp.MustCompile(`^  [A-Za-z0-9_]+\["[^"<>\x60]*"\]$`)
	mermaidEdge = regexp.MustCompile(`^  [A-Za-z0-9_]+ ---\|\d+\| [A-Za-z0-9_]+$`)
	mermaidLink = regexp.MustCompile(`^  linkStyle \d+ stroke-width:\d+px$`)
)

func checkMermaid(t *testing.T, out []byte) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if lines[0] != "flowchart LR" {
		t.Errorf("first line %q", lines[0])
	}
	for _, line := range lines[1:] {
		if !mermaidNode.MatchString(line) && !mermaidEdge.MatchString(line) && !mermaidLink.MatchString(line) {
			t.Errorf("unexpected Mermaid line: %q", line)
		}
	}
}

// TestHostileSpecifics checks the escapes themselves, not only their
// absence of harm.
func TestHostileSpecifics(t *testing.T) {
	r := hostileReport(t)
	write := func(f Format) string {
		var buf bytes.Buffer
		if err := Write(&buf, r, f, Options{}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	csvOut := write(CSV)
	for _, want := range []string{`'=HYPERLINK(""https://evil.example/"",""click"")`, `'+cmd|' /C calc'!A0`,
		`'@SUM(1+1)*cmd|' /C calc'!A0`, "'\t-2+3", "'-1+1"} {
		if !strings.Contains(csvOut, want) {
			t.Errorf("CSV lacks %q", want)
		}
	}
	mdOut := write(Markdown)
	for _, want := range []string{`\| pipe \| newline`, `\<script\>`, `&lt;/td&gt;&lt;img`} {
		if !strings.Contains(mdOut, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	htmlOut := write(HTML)
	if strings.Contains(htmlOut, `href="https://example.org/ok?a=1&b=">`) {
		t.Errorf("a quote in a URL closed the href attribute")
	}
	if !strings.Contains(htmlOut, `href="https://example.org/ok?a=1&amp;b=%22%3e%3cscript%3ealert%282%29%3c/script%3e"`) {
		t.Errorf("the https URL with markup in it is not a normalised link")
	}
}
