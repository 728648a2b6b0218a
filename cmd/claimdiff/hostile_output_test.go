package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// hostileLedger puts terminal escapes, CI workflow commands, HTML, CSV
// formulas and bidi overrides everywhere a ledger holds free text.
const hostileLedger = `ledger: 1
title: "evil \e]0;pwned\a title"
sources:
  evil:
    name: "Evil \e[31mRed\e[0m </td><script>alert(1)</script> \u202Eevil"
    kind: outlet
    url: "javascript:alert(1)"
  fair:
    name: "=HYPERLINK(\"http://x\",\"click\")"
    kind: outlet
    url: https://example.org/fair
topics:
  t.words:
    question: "::error::pwned from a question"
    type: text
  t.num:
    question: "a|b\nc ##[group]hidden"
    type: number
  t.long:
    question: "a question long enough to wrap at a space in a narrow table ::error::wrapped-question"
    type: text
claims:
  - id: c1
    topic: t.words
    value: "yes\n::error file=x::injected\n##[group]x"
    source: evil
    date: 2025-11-20
    quote: "\e]8;;http://evil\alink\e]8;;\a \u009b31m \x07 \u2066iso\u2069"
  - id: c2
    topic: t.words
    value: "=cmd|' /C calc'!A0"
    source: fair
    date: 2025-11-20
    quote: "@SUM(1+1)\t|pipe|"
  - id: c3
    topic: t.num
    value: 600000
    source: evil
    date: 2025-11-20
    context: {"\e[2Jkey": "\u202Evalue"}
  - id: c4
    topic: t.num
    value: 425000
    source: fair
    date: 2025-11-20
    context: {"\e[2Jkey": "\u202Evalue"}
  - id: c5
    topic: t.long
    value: "@octocat https://evil.example a long value that a table wraps ::error::w1 ::error::w2 ::error::w3 ::error::w4 ::error::w5 ::error::w6 ::error::w7 ::error::w8 ::error::w9 ##[group]x cc @octocat see https://evil.example and www.evil.example"
    source: evil
    date: 2025-11-20
    quote: "line one\n  ::error::indented in a quote @octocat"
    context: {where: "somewhere far away that needs a great many words to say ::error::wrapped-context"}
disputes:
  t.num:
    status: acknowledged
    reason: "::warning::pwned ##[error]x \e[5mblink @octocat https://evil.example"
    until: 2027-01-01
`

// Every command in every format prints hostile ledger text without raw
// control characters, escape sequences or bidi overrides, and text meant
// for a terminal or CI log cannot start a workflow command.
func TestHostileTextInEveryOutput(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "claims.yaml")
	old := filepath.Join(dir, "old.yaml")
	write(t, ledger, hostileLedger)
	write(t, old, strings.NewReplacer("value: 425000", "value: 600001", "a long value", "an old long value").Replace(hostileLedger))
	runs := []struct {
		args    []string
		formats []string
		ci      bool // read by a terminal or a CI log
	}{
		{[]string{"disputed"}, []string{"text", "json"}, true},
		{[]string{"list"}, []string{"text", "json"}, true},
		{[]string{"sources"}, []string{"text", "json"}, true},
		{[]string{"timeline"}, []string{"text", "md", "json"}, true},
		{[]string{"lint"}, []string{"text", "json", "github", "sarif", "junit", "junit-ant", "rdjsonl", "gitlab"}, true},
		{[]string{"report"}, []string{"text", "md", "html", "json", "csv", "sarif", "junit", "junit-ant", "rdjsonl", "gitlab"}, true},
		{[]string{"graph"}, []string{"dot", "mermaid"}, false},
		{[]string{"check", "--claim", "t.num=600000", "--claim", "t.words=yes"}, []string{"text", "json", "github", "sarif", "junit", "junit-ant", "rdjsonl", "gitlab"}, true},
		{[]string{"diff", old, ledger}, []string{"text", "md", "json"}, true},
		{[]string{"compare", "evil", "fair"}, []string{"text", "json"}, true},
		{[]string{"resolve"}, []string{"text", "json", "jsonl", "csv"}, true},
		{[]string{"resolve", "--explain", "t.*"}, []string{"text", "json"}, true},
	}
	for _, r := range runs {
		for _, format := range r.formats {
			for _, color := range []string{"never", "always"} {
				name := r.args[0] + "/" + format + "/" + color
				t.Run(name, func(t *testing.T) {
					args := append([]string{}, r.args...)
					if r.args[0] != "diff" {
						args = append(args, "-f", ledger)
					}
					args = append(args, "--format", format, "--color", color)
					ios, _, out, errOut := iostreams.Test()
					code := runWith(ios, args)
					if code == 2 {
						t.Fatalf("exit 2: %s", errOut.String())
					}
					// Machine formats hold "::" and "##[" as escaped data; what a
					// terminal or CI log shows as text must not start a command,
					// and HTML and CSV keep the ledger's newlines.
					machine := format != "text" && format != "github" && format != "md" && format != "html" && format != "csv"
					check := func(stream, s string) {
						human := stream == "stderr" || !machine
						assertSafe(t, stream, s, color == "always" && human, r.ci && human, format == "github" && stream == "stdout")
					}
					check("stdout", out.String())
					check("stderr", errOut.String())
					// Markdown is posted as a pull-request comment: the ledger
					// cannot mention anyone or have GitHub link a URL.
					if format == "md" {
						for _, m := range []string{"@octocat", "https://evil", "www.evil"} {
							if strings.Contains(out.String(), m) {
								t.Errorf("stdout: Markdown keeps %q", m)
							}
						}
					}
				})
			}
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// assertSafe fails on anything in s that could drive a terminal or a CI
// runner. styled allows the SGR colour codes claimdiff itself writes.
func assertSafe(t *testing.T, stream, s string, styled, ci, annotations bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8", stream)
	}
	if styled {
		s = stripANSI(s)
	}
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			t.Errorf("%s: control character %U at byte %d: %q", stream, r, i, around(s, i))
			return
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c:
			t.Errorf("%s: bidi control %U at byte %d: %q", stream, r, i, around(s, i))
			return
		}
	}
	if !ci {
		return
	}
	if i := strings.Index(s, "##["); i >= 0 {
		t.Errorf("%s: workflow command ##[ at byte %d: %q", stream, i, around(s, i))
	}
	for _, line := range strings.Split(s, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(trimmed, "::") && !(annotations && ownAnnotation(trimmed)) {
			t.Errorf("%s: line starts a workflow command: %q", stream, line)
		}
	}
}

// ownAnnotation is a workflow command claimdiff itself writes with
// --format github: a level, then properties or data. Data cannot hold a
// raw newline, so it cannot start a second command.
func ownAnnotation(line string) bool {
	for _, level := range []string{"::error", "::warning", "::notice"} {
		if rest, ok := strings.CutPrefix(line, level); ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "::")) {
			return true
		}
	}
	return false
}

func around(s string, i int) string {
	lo, hi := max(0, i-20), min(len(s), i+20)
	return s[lo:hi]
}
