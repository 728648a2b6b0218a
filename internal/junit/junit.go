// Package junit writes JUnit XML, the test-report format CI dashboards
// understand, so that claimdiff's findings can appear as test cases.
//
// The XML is produced by encoding/xml, which escapes markup and replaces
// characters XML cannot carry; text is also cleaned of control sequences
// first, since dashboards print it to terminals and web pages.
package junit

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Failure marks a failed case.
type Failure struct{ Type, Message, Text string }

// Case is one test case. A case fails when Failure is set, is skipped
// when Skipped (the reason) is not empty, and passes otherwise.
type Case struct {
	Name, Classname, File string
	Line                  int
	Failure               *Failure
	Skipped               string
}

// Suite is a named group of cases.
type Suite struct {
	Name  string
	Cases []Case
}

// Write writes the suites as one <testsuites> document with totals.
func Write(w io.Writer, suites []Suite) error {
	doc := xmlSuites{}
	for _, s := range suites {
		xs := xmlSuite{Name: safetext.Clean(s.Name), Cases: make([]xmlCase, 0, len(s.Cases))}
		for _, c := range s.Cases {
			xc := xmlCase{
				Name:      safetext.Clean(c.Name),
				Classname: safetext.Clean(c.Classname),
				File:      safetext.Clean(c.File),
			}
			if c.Line > 0 {
				xc.Line = strconv.Itoa(c.Line)
			}
			switch {
			case c.Failure != nil:
				xc.Failure = &xmlFailure{
					Type:    safetext.Clean(c.Failure.Type),
					Message: safetext.Clean(c.Failure.Message),
					Text:    safetext.Clean(c.Failure.Text),
				}
				xs.Failures++
			case c.Skipped != "":
				xc.Skipped = &xmlSkipped{Message: safetext.Clean(c.Skipped)}
				xs.Skipped++
			}
			xs.Cases = append(xs.Cases, xc)
		}
		xs.Tests = len(xs.Cases)
		doc.Tests += xs.Tests
		doc.Failures += xs.Failures
		doc.Skipped += xs.Skipped
		doc.Suites = append(doc.Suites, xs)
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

type xmlSuites struct {
	XMLName  xml.Name   `xml:"testsuites"`
	Tests    int        `xml:"tests,attr"`
	Failures int        `xml:"failures,attr"`
	Skipped  int        `xml:"skipped,attr"`
	Suites   []xmlSuite `xml:"testsuite"`
}

type xmlSuite struct {
	Name     string    `xml:"name,attr"`
	Tests    int       `xml:"tests,attr"`
	Failures int       `xml:"failures,attr"`
	Skipped  int       `xml:"skipped,attr"`
	Cases    []xmlCase `xml:"testcase"`
}

type xmlCase struct {
	Name      string      `xml:"name,attr"`
	Classname string      `xml:"classname,attr"`
	File      string      `xml:"file,attr,omitempty"`
	Line      string      `xml:"line,attr,omitempty"`
	Failure   *xmlFailure `xml:"failure"`
	Skipped   *xmlSkipped `xml:"skipped"`
}

type xmlFailure struct {
	Type    string `xml:"type,attr,omitempty"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

type xmlSkipped struct {
	Message string `xml:"message,attr"`
}
