package junit

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// node is an element read back generically.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
}

func tree(t *testing.T, b []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var stack []*node
	var root *node
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if root == nil {
		t.Fatalf("no document:\n%s", b)
	}
	return root
}

// rule is what an XSD says of one element: its required and allowed
// attributes and children, and for Ant, the order of a suite's children.
type rule struct{ required, allowed, children []string }

// jenkinsRules and antRules transcribe testdata/schemas/jenkins-junit-10.xsd
// and ant-JUnit.xsd for the elements claimdiff writes.
var jenkinsRules = map[string]rule{
	"testsuites": {nil, []string{"name", "time", "tests", "failures", "errors"}, []string{"testsuite"}},
	"testsuite": {[]string{"name", "tests", "failures", "errors"}, []string{"group", "time", "skipped", "timestamp",
		"hostname", "id", "package", "file", "log", "url", "version"}, []string{"testsuite", "properties", "testcase", "system-out", "system-err"}},
	"testcase":   {[]string{"name"}, []string{"time", "classname", "group"}, []string{"skipped", "error", "failure", "system-out", "system-err"}},
	"failure":    {nil, []string{"type", "message"}, nil},
	"skipped":    {nil, []string{"type", "message"}, nil},
	"system-out": {},
}

var antRules = map[string]rule{
	"testsuites": {nil, nil, []string{"testsuite"}},
	"testsuite": {[]string{"package", "id", "name", "timestamp", "hostname", "tests", "failures", "errors", "time"},
		[]string{"skipped"}, []string{"properties", "testcase", "system-out", "system-err"}},
	"properties": {},
	"testcase":   {[]string{"name", "classname", "time"}, nil, []string{"skipped", "error", "failure"}},
	"failure":    {[]string{"type"}, []string{"message"}, nil},
	"skipped":    {nil, []string{"message"}, nil},
	"system-out": {},
	"system-err": {},
}

func checkTree(t *testing.T, n *node, rules map[string]rule, ant bool) {
	t.Helper()
	r, ok := rules[n.name]
	if !ok {
		t.Errorf("<%s> is not allowed", n.name)
		return
	}
	for _, a := range r.required {
		if _, ok := n.attrs[a]; !ok {
			t.Errorf("<%s> lacks the required %s", n.name, a)
		}
	}
	for a := range n.attrs {
		if !slices.Contains(r.required, a) && !slices.Contains(r.allowed, a) {
			t.Errorf("<%s %s> is not allowed", n.name, a)
		}
	}
	var names []string
	for _, c := range n.children {
		if !slices.Contains(r.children, c.name) {
			t.Errorf("<%s> in <%s> is not allowed", c.name, n.name)
		}
		names = append(names, c.name)
		checkTree(t, c, rules, ant)
	}
	if ant && n.name == "testsuite" {
		// properties, testcase*, system-out, system-err: each once, in order.
		got := strings.Join(slices.Compact(names), " ")
		if got != "properties testcase system-out system-err" && got != "properties system-out system-err" {
			t.Errorf("<testsuite> children %q are not in Ant's order", got)
		}
	}
	if ant && n.name == "testcase" && len(n.children) > 1 {
		t.Errorf("<testcase> has %d children; Ant allows one", len(n.children))
	}
}

// xmllint validates against the XSD itself where xmllint is installed
// (.ci/run installs it).
func xmllint(t *testing.T, doc []byte, xsd string) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		return
	}
	f := filepath.Join(t.TempDir(), "out.xml")
	if err := os.WriteFile(f, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--schema", filepath.Join("..", "..", "testdata", "schemas", xsd), f).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint --schema %s: %v\n%s\n%s", xsd, err, out, doc)
	}
}

// Every case kind, hostile text and an empty suite validate against the
// reader each flavour is for.
func TestConsumerSchemas(t *testing.T) {
	hostile := "</testcase>]]>\x1b[2J\u202e\x00\"'&\n  next"
	suites := []Suite{
		{Name: "claimdiff lint", Cases: []Case{
			{Name: "a.yaml:3:1: bad-kind", Classname: "lint.bad-kind", Failure: &Failure{Type: "bad-kind", Message: "m", Text: "t"}},
			{Name: "a.yaml:4:1: no-date", Classname: "lint.no-date", Output: "a.yaml:4:1: warning: no date"},
			{Name: "plan.g8", Classname: "disputes", Skipped: "acknowledged"},
			{Name: hostile, Classname: hostile, Output: hostile, Failure: &Failure{Message: hostile, Text: hostile}},
			{Name: "passes", Classname: "x"},
		}},
		{Name: ""},
	}
	for _, tt := range []struct {
		flavor Flavor
		rules  map[string]rule
		xsd    string
	}{{Jenkins, jenkinsRules, "jenkins-junit-10.xsd"}, {Ant, antRules, "ant-JUnit.xsd"}} {
		var buf bytes.Buffer
		if err := Write(&buf, suites, tt.flavor); err != nil {
			t.Fatal(err)
		}
		checkTree(t, tree(t, buf.Bytes()), tt.rules, tt.flavor == Ant)
		xmllint(t, buf.Bytes(), tt.xsd)
	}
}
