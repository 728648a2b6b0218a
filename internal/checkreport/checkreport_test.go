package checkreport

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/junit"
	"github.com/claimdiff/claimdiff/internal/render"
)

// report is a small report with one of everything, and untrusted text in
// the places a ledger or a draft controls.
func report(evil string) *check.CheckReport {
	return &check.CheckReport{
		Results: []check.Result{
			{Topic: "t", Asserted: evil, Verdict: check.Refuted, Fails: true, Message: "conflicts: " + evil,
				Pos: diag.Pos{File: "a,b:c.md", Line: 3, Col: 7}},
			{Topic: "t", Asserted: "1", Verdict: check.Supported, Message: "agrees"},
			{Topic: "t", Asserted: "2", Verdict: check.Unverified, Message: "no claims"},
			{Topic: "t", Asserted: "x", Verdict: check.Invalid, Message: "not a number"},
		},
		Disputes: []check.GateResult{
			{Topic: "d", Kinds: []claims.Kind{claims.KindConflict}, Severity: claims.SeverityHigh, Status: "open",
				Fails: true, Message: "new dispute: " + evil, Pos: diag.Pos{File: "l.yaml", Line: 1, Col: 1}},
			{Topic: "e", Status: "resolved", Message: "resolved", Pos: diag.Pos{File: "l.yaml", Line: 2, Col: 1}},
		},
		Quotes: []check.QuoteResult{
			{Claim: "c1", Status: check.QuoteMismatch, Fails: true, Quote: evil, Passage: "the\npassage", Message: "not in the text",
				Pos: diag.Pos{File: "l.yaml", Line: 5, Col: 5}},
			{Claim: "c2", Status: check.QuoteMatched, Pos: diag.Pos{File: "l.yaml", Line: 6, Col: 5}},
			{Claim: "c3", Status: check.QuoteUnchecked, Message: "no text", Pos: diag.Pos{File: "l.yaml", Line: 7, Col: 5}},
		},
		Gate: check.GateNew,
	}
}

const evil = "x\n::error::pwned\r\n  ::add-mask::s ##[group]g %0A \x1b[31mred\u202e"

func TestGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := GitHub(&b, report(evil)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	want := []string{
		"::error file=a%2Cb%3Ac.md,line=3,col=7,title=claimdiff%3A refuted::",
		"::notice title=claimdiff%3A supported::",
		"::warning title=claimdiff%3A unverified::",
		"::error title=claimdiff%3A invalid::",
		"::error file=l.yaml,line=1,col=1,title=claimdiff%3A dispute::",
		"::error file=l.yaml,line=5,col=5,title=claimdiff%3A quote mismatch::",
		"::notice file=l.yaml,line=7,col=5,title=claimdiff%3A quote unchecked::",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d annotations, want %d:\n%s", len(lines), len(want), b.String())
	}
	for i, l := range lines {
		if !strings.HasPrefix(l, want[i]) {
			t.Errorf("line %d = %q, want prefix %q", i, l, want[i])
		}
		if strings.Contains(l, "##[") || strings.ContainsAny(l, "\r\x1b\u202e") {
			t.Errorf("line %d is not neutralised: %q", i, l)
		}
	}
	if !strings.Contains(lines[0], `x%0A: :error::pwned%0A  : :add-mask::s # #[group]g %250A red`) {
		t.Errorf("message not escaped as expected: %q", lines[0])
	}
}

func FuzzGitHub(f *testing.F) {
	f.Add(evil, "a,b:c.md")
	f.Add("plain", "")
	f.Fuzz(func(t *testing.T, text, file string) {
		r := report(text)
		r.Results[0].Pos.File = file
		var b bytes.Buffer
		if err := GitHub(&b, r); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if len(lines) != 7 {
			t.Fatalf("%d lines for 7 annotations: %q", len(lines), b.String())
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, "::error ") && !strings.HasPrefix(l, "::warning ") && !strings.HasPrefix(l, "::notice ") {
				t.Fatalf("not an annotation: %q", l)
			}
			if strings.Contains(l, "##[") || strings.ContainsRune(l, '\r') {
				t.Fatalf("not neutralised: %q", l)
			}
			// The properties end at the first "::" after the level; none
			// of the untrusted text may reach into them.
			head := l[2:]
			props, _, ok := strings.Cut(head[strings.IndexByte(head, ' ')+1:], "::")
			if !ok || strings.Count(props, ",") > 3 {
				t.Fatalf("properties broken: %q", l)
			}
		}
	})
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, report(evil)); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Results []struct {
			Topic, Asserted, Verdict, File string
			Line                           int
		}
		Disputes *[]json.RawMessage
		Quotes   *[]json.RawMessage
		Summary  struct{ Failed, Invalid int }
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(out.Results) != 4 || out.Results[0].Verdict != "refuted" || out.Results[0].File != "a,b:c.md" || out.Results[0].Line != 3 {
		t.Errorf("results: %+v", out.Results)
	}
	if strings.ContainsAny(out.Results[0].Asserted, "\x1b\u202e\r") {
		t.Errorf("asserted not cleaned: %q", out.Results[0].Asserted)
	}
	if out.Disputes == nil || len(*out.Disputes) != 2 || out.Quotes == nil || len(*out.Quotes) != 3 {
		t.Errorf("disputes/quotes: %v %v", out.Disputes, out.Quotes)
	}
	// 1 refuted + 1 dispute + 1 quote fail; the invalid value is counted apart.
	if out.Summary.Failed != 3 || out.Summary.Invalid != 1 {
		t.Errorf("summary: %+v", out.Summary)
	}

	// Checks that did not run are absent, not empty; results are never null.
	b.Reset()
	if err := JSON(&b, &check.CheckReport{}); err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &top); err != nil {
		t.Fatal(err)
	}
	if string(top["results"]) != "[]" || top["disputes"] != nil || top["quotes"] != nil {
		t.Errorf("empty report: %s", b.String())
	}
}

func TestJUnit(t *testing.T) {
	var b bytes.Buffer
	if err := JUnit(&b, report(evil), junit.Jenkins); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name    string `xml:"name,attr"`
			Skipped int    `xml:"skipped,attr"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	// Cases: 4 assertions, 2 disputes, 3 quotes. Failures: refuted and
	// invalid, the failing dispute, the mismatch. Skipped: the unverified
	// assertion that does not fail, the unchecked quote.
	skipped := 0
	for _, s := range doc.Suites {
		skipped += s.Skipped
	}
	if doc.Tests != 9 || doc.Failures != 4 || skipped != 2 || len(doc.Suites) != 3 {
		t.Errorf("junit totals: %+v", doc)
	}
}

func TestSARIF(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, report(evil), Options{Version: "1.0"}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
				Level  string
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range log.Runs[0].Results {
		got = append(got, r.RuleID+":"+r.Level)
	}
	want := "refuted:error unverified:warning invalid-value:error dispute:error quote-mismatch:error quote-unchecked:note"
	if strings.Join(got, " ") != want {
		t.Errorf("sarif results = %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestText(t *testing.T) {
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		r := report(evil)
		if err := Text(&b, render.NewStyles(&b, color), r); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, "\x1b[") != color {
			t.Errorf("color=%v: ANSI in output is %v", color, !color)
		}
		plain := out
		if color {
			continue
		}
		for _, l := range strings.Split(strings.TrimSuffix(plain, "\n"), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "::") || strings.Contains(l, "##[") {
				t.Errorf("not neutralised: %q", l)
			}
		}
		// Passing disputes and quotes are only counted.
		if strings.Contains(plain, "resolved") || strings.Contains(plain, "c2") {
			t.Errorf("passing items printed:\n%s", plain)
		}
		if !strings.Contains(plain, "    closest: \"the passage\"\n") {
			t.Errorf("closest passage missing:\n%s", plain)
		}
	}
	if got, want := Summary(report(evil)), "4 assertions: 1 invalid, 1 supported, 1 refuted, 1 unverified; 1 of 2 disputes fails the new gate; 3 quotes: 1 matched, 1 mismatch, 1 unchecked"; got != want {
		t.Errorf("Summary = %q\nwant %q", got, want)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "yaml", report(""), Options{}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestWhere(t *testing.T) {
	r := report("")
	if got := where(&r.Results[0]); got != "a,b:c.md:3:7" {
		t.Errorf("where(from a file) = %q", got)
	}
	if got := where(&r.Results[1]); got != "--claim" {
		t.Errorf("where(from --claim) = %q", got)
	}
}
