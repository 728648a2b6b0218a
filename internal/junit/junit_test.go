package junit

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// parsed reads a document back with encoding/xml, independently of the
// writer's own types.
type parsed struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string  `xml:"name,attr"`
			Classname string  `xml:"classname,attr"`
			SystemOut *string `xml:"system-out"`
			Failure   *struct {
				Type    string `xml:"type,attr"`
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parse(t *testing.T, b []byte) parsed {
	t.Helper()
	var p parsed
	if err := xml.Unmarshal(b, &p); err != nil {
		t.Fatalf("output is not XML: %v\n%s", err, b)
	}
	return p
}

func TestWrite(t *testing.T) {
	suites := []Suite{
		{Name: "disputes", Cases: []Case{
			{Name: "plan.army-cap", Classname: "claimdiff.dispute",
				Failure: &Failure{Type: "conflict", Message: "600,000 vs 425,000", Text: "line one\nline two"}},
			{Name: "plan.g8", Classname: "claimdiff.dispute", Skipped: "acknowledged: translation slip"},
			{Name: "plan.ok", Classname: "claimdiff.dispute", Output: "claims.yaml:3:1: warning: no date"},
		}},
		{Name: "empty"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, suites, Jenkins); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration:\n%s", out)
	}
	p := parse(t, buf.Bytes())
	if p.Tests != 3 || p.Failures != 1 || p.Errors != 0 {
		t.Errorf("totals = %d tests, %d failures, %d errors; want 3, 1, 0", p.Tests, p.Failures, p.Errors)
	}
	if len(p.Suites) != 2 {
		t.Fatalf("got %d suites, want 2", len(p.Suites))
	}
	s := p.Suites[0]
	if s.Name != "disputes" || s.Tests != 3 || s.Failures != 1 || s.Skipped != 1 {
		t.Errorf("suite = %+v", s)
	}
	c := s.Cases[0]
	if c.Name != "plan.army-cap" || c.Classname != "claimdiff.dispute" {
		t.Errorf("case 0 = %+v", c)
	}
	if c.Failure == nil || c.Failure.Type != "conflict" || c.Failure.Message != "600,000 vs 425,000" || c.Failure.Text != "line one\nline two" {
		t.Errorf("failure = %+v", c.Failure)
	}
	if c := s.Cases[1]; c.Skipped == nil || c.Skipped.Message != "acknowledged: translation slip" || c.Failure != nil {
		t.Errorf("case 1 = %+v", c)
	}
	if c := s.Cases[2]; c.Skipped != nil || c.Failure != nil || c.SystemOut == nil || *c.SystemOut != "claims.yaml:3:1: warning: no date" {
		t.Errorf("case 2 should pass with its output: %+v", c)
	}
	if e := p.Suites[1]; e.Tests != 0 || len(e.Cases) != 0 {
		t.Errorf("empty suite = %+v", e)
	}
}

func TestWriteHostileText(t *testing.T) {
	hostile := "</testcase><script>x</script>]]>\x1b[2J\x1b]8;;javascript:alert(1)\x07\u202e\x00\"'&\nnext"
	var buf bytes.Buffer
	err := Write(&buf, []Suite{{Name: hostile, Cases: []Case{
		{Name: hostile, Classname: hostile, Output: hostile, Failure: &Failure{Type: hostile, Message: hostile, Text: hostile}},
		{Name: hostile, Skipped: hostile},
	}}}, Jenkins)
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"\x1b", "\u202e", "\x00", "\x07", "<script>", "</testcase><"} {
		if strings.Contains(out, bad) {
			t.Errorf("output carries %q:\n%s", bad, out)
		}
	}
	p := parse(t, buf.Bytes())
	want := "</testcase><script>x</script>]]>\"'&\nnext"
	if got := p.Suites[0].Cases[0].Failure.Text; got != want {
		t.Errorf("failure text = %q, want %q", got, want)
	}
	// Attribute newlines survive as character references.
	if got := p.Suites[0].Cases[0].Failure.Message; got != want {
		t.Errorf("failure message = %q, want %q", got, want)
	}
	if len(p.Suites[0].Cases) != 2 {
		t.Errorf("hostile text changed the structure: %d cases", len(p.Suites[0].Cases))
	}
}

func FuzzWrite(f *testing.F) {
	f.Add("name", "msg", "text")
	f.Add("]]><x>", "\x1b[0m\xff", "\u202e&#0;")
	f.Fuzz(func(t *testing.T, name, msg, text string) {
		for _, flavor := range []Flavor{Jenkins, Ant} {
			var buf bytes.Buffer
			err := Write(&buf, []Suite{{Name: name, Cases: []Case{
				{Name: name, Output: msg, Failure: &Failure{Message: msg, Text: text}},
				{Name: text, Skipped: msg},
			}}}, flavor)
			if err != nil {
				t.Fatal(err)
			}
			var p parsed
			if err := xml.Unmarshal(buf.Bytes(), &p); err != nil {
				t.Fatalf("not XML: %v\n%q", err, buf.Bytes())
			}
			if len(p.Suites) != 1 || len(p.Suites[0].Cases) != 2 {
				t.Fatalf("structure changed: %+v", p)
			}
		}
	})
}
