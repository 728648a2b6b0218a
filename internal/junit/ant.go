package junit

import (
	"encoding/xml"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

// antDoc is the document Ant's JUnit.xsd accepts: a bare <testsuites>;
// suites with a package, an id, a timestamp and a host; properties,
// cases, system-out and system-err in that order; a time on every case.
func antDoc(suites []Suite) antSuites {
	doc := antSuites{}
	stamp := timestamp().UTC().Format("2006-01-02T15:04:05")
	host, err := os.Hostname()
	if err != nil || strings.TrimSpace(host) == "" {
		host = "localhost"
	}
	for i, s := range suites {
		name := safetext.Clean(s.Name)
		if strings.TrimSpace(name) == "" {
			name = "claimdiff"
		}
		xs := antSuite{Name: name, Package: "claimdiff", ID: i, Timestamp: stamp, Hostname: host,
			Time: "0", Properties: &struct{}{}, Cases: make([]antCase, 0, len(s.Cases))}
		var out []string
		for _, c := range s.Cases {
			xc := antCase{Name: safetext.Clean(c.Name), Classname: safetext.Clean(c.Classname), Time: "0"}
			xc.Failure, xc.Skipped = outcome(c)
			xs.Failures, xs.Skipped = xs.Failures+count(xc.Failure), xs.Skipped+count(xc.Skipped)
			if c.Output != "" {
				out = append(out, xc.Name+": "+safetext.Clean(c.Output))
			}
			xs.Cases = append(xs.Cases, xc)
		}
		xs.Tests = len(xs.Cases)
		xs.SystemOut = strings.Join(out, "\n")
		doc.Suites = append(doc.Suites, xs)
	}
	return doc
}

// timestamp is when the report was made: SOURCE_DATE_EPOCH when set, as
// reproducible builds set it, else now.
func timestamp() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0)
		}
	}
	return time.Now()
}

type antSuites struct {
	XMLName xml.Name   `xml:"testsuites"`
	Suites  []antSuite `xml:"testsuite"`
}

type antSuite struct {
	Name       string    `xml:"name,attr"`
	Package    string    `xml:"package,attr"`
	ID         int       `xml:"id,attr"`
	Timestamp  string    `xml:"timestamp,attr"`
	Hostname   string    `xml:"hostname,attr"`
	Tests      int       `xml:"tests,attr"`
	Failures   int       `xml:"failures,attr"`
	Errors     int       `xml:"errors,attr"`
	Skipped    int       `xml:"skipped,attr"`
	Time       string    `xml:"time,attr"`
	Properties *struct{} `xml:"properties"`
	Cases      []antCase `xml:"testcase"`
	SystemOut  string    `xml:"system-out"`
	SystemErr  string    `xml:"system-err"`
}

type antCase struct {
	Name      string      `xml:"name,attr"`
	Classname string      `xml:"classname,attr"`
	Time      string      `xml:"time,attr"`
	Failure   *xmlFailure `xml:"failure"`
	Skipped   *xmlSkipped `xml:"skipped"`
}
