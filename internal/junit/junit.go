// Package junit writes JUnit XML, the test-report format CI dashboards
// understand, so that claimdiff's findings can appear as test cases.
//
// JUnit XML has no single schema; two readers' schemas disagree, so it
// comes in two flavours. Jenkins (the default) is valid against the
// xUnit plugin's junit-10.xsd, which GitLab, GitHub's test reporters and
// most dashboards read as well. Ant is valid against Ant's JUnit.xsd,
// which wants a timestamp and host on every suite and allows output only
// per suite, so a case's output goes to its suite's system-out there.
// Neither carries a case's file and line: the schemas allow no such
// attributes, so they are in the case's name or failure text instead.
//
// The XML is produced by encoding/xml, which escapes markup and replaces
// characters XML cannot carry; text is also cleaned of control sequences
// first, since dashboards print it to terminals and web pages.
package junit

import (
	"bytes"
	"encoding/xml"
	"io"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Flavor names the reader a document is written for.
type Flavor int

const (
	Jenkins Flavor = iota // Jenkins xUnit's junit-10.xsd
	Ant                   // Ant's JUnit.xsd
)

// Failure marks a failed case.
type Failure struct{ Type, Message, Text string }

// Case is one test case. A case fails when Failure is set, is skipped
// when Skipped (the reason) is not empty, and passes otherwise. Output is
// what it printed: a passing case's warning, say.
type Case struct {
	Name, Classname string
	Failure         *Failure
	Skipped         string
	Output          string
}

// Suite is a named group of cases.
type Suite struct {
	Name  string
	Cases []Case
}

// Write writes the suites as one <testsuites> document for flavor.
func Write(w io.Writer, suites []Suite, flavor Flavor) error {
	var doc any
	if flavor == Ant {
		doc = antDoc(suites)
	} else {
		doc = jenkinsDoc(suites)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	buf.WriteString("\n")
	// JUnit files are printed in CI logs, where "##[" is a logging command.
	_, err := w.Write(safetext.XMLWorkflow(buf.Bytes()))
	return err
}

// failureType is a failure's type, which Ant requires.
func failureType(f *Failure) string {
	if t := safetext.Clean(f.Type); t != "" {
		return t
	}
	return "failure"
}

func jenkinsDoc(suites []Suite) xmlSuites {
	doc := xmlSuites{}
	for _, s := range suites {
		xs := xmlSuite{Name: safetext.Clean(s.Name), Cases: make([]xmlCase, 0, len(s.Cases))}
		for _, c := range s.Cases {
			xc := xmlCase{Name: safetext.Clean(c.Name), Classname: safetext.Clean(c.Classname)}
			xc.Failure, xc.Skipped = outcome(c)
			xs.Failures, xs.Skipped = xs.Failures+count(xc.Failure), xs.Skipped+count(xc.Skipped)
			if c.Output != "" {
				out := safetext.Clean(c.Output)
				xc.SystemOut = &out
			}
			xs.Cases = append(xs.Cases, xc)
		}
		xs.Tests = len(xs.Cases)
		doc.Tests += xs.Tests
		doc.Failures += xs.Failures
		doc.Suites = append(doc.Suites, xs)
	}
	return doc
}

// xmlSuites is junit-10.xsd's testsuites: it allows tests, failures and
// errors, not skipped, which each suite carries.
type xmlSuites struct {
	XMLName  xml.Name   `xml:"testsuites"`
	Tests    int        `xml:"tests,attr"`
	Failures int        `xml:"failures,attr"`
	Errors   int        `xml:"errors,attr"`
	Suites   []xmlSuite `xml:"testsuite"`
}

type xmlSuite struct {
	Name     string `xml:"name,attr"`
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	// Errors counts cases that could not run; claimdiff's never fail that
	// way, but junit-10.xsd requires the count.
	Errors  int       `xml:"errors,attr"`
	Skipped int       `xml:"skipped,attr"`
	Cases   []xmlCase `xml:"testcase"`
}

type xmlCase struct {
	Name      string      `xml:"name,attr"`
	Classname string      `xml:"classname,attr"`
	Failure   *xmlFailure `xml:"failure"`
	Skipped   *xmlSkipped `xml:"skipped"`
	SystemOut *string     `xml:"system-out"`
}

type xmlFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

type xmlSkipped struct {
	Message string `xml:"message,attr"`
}

// outcome is a case's failure or skip as both flavours write them.
func outcome(c Case) (*xmlFailure, *xmlSkipped) {
	switch {
	case c.Failure != nil:
		return &xmlFailure{Type: failureType(c.Failure),
			Message: safetext.Clean(c.Failure.Message), Text: safetext.Clean(c.Failure.Text)}, nil
	case c.Skipped != "":
		return nil, &xmlSkipped{Message: safetext.Clean(c.Skipped)}
	}
	return nil, nil
}

// count is 1 for an outcome that happened, 0 for none.
func count[T any](p *T) int {
	if p == nil {
		return 0
	}
	return 1
}
