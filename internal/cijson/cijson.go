// Package cijson holds what claimdiff's CI formats share, whichever
// command writes them: the stable fingerprint of a finding, and the two
// JSON documents code-review tools read, reviewdog's rdjsonl and GitLab's
// Code Quality report. lint, check and report each turn their results into
// Findings once; these writers do the rest.
//
// A fingerprint hashes what a finding is about (its file, its rule and its
// subject: a topic, a claim id, a message without positions), never its
// line, so that a finding keeps its fingerprint when lines above it move
// and review tools do not show it as fixed and new again.
package cijson

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Finding is one thing a CI tool should show against a line.
type Finding struct {
	// Code is the rule or problem code, such as "refuted" or "unknown-field".
	Code string
	// Level is "error", "warning" or "note".
	Level   string
	Message string
	File    string
	// Line and Col count from 1; 0 means unknown.
	Line, Col int
	// Subject says what the finding is about, without positions: a topic
	// and its context, a claim id, a message with line numbers removed.
	// With File and Code it makes the fingerprint.
	Subject []string
}

// Fingerprints returns the fingerprint of each finding, in order. Findings
// about the same thing (same file, code and subject) are told apart by how
// many came before them, which does not change when lines move either.
//
// The file is hashed as Places locates it (relative to the git
// repository's root, as SARIF's artifactLocation and GitLab's path name
// it), not as given: "-f ../x/claims.yaml" and "-f claims.yaml" run from
// x name one file, and a fingerprint that changed with the working
// directory would show every finding as fixed and new again.
func Fingerprints(fs []Finding) []string {
	var places Places
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		file := ""
		if f.File != "" {
			file = places.Place(f.File).Path
		}
		parts := append([]string{file, f.Code}, f.Subject...)
		fp := Fingerprint(parts...)
		if n := seen[fp]; n > 0 {
			seen[fp] = n + 1
			fp = Fingerprint(append(parts, strconv.Itoa(n))...)
		} else {
			seen[fp] = 1
		}
		out[i] = fp
	}
	return out
}

// Fingerprint hashes parts (SHA-256, the first 128 bits in hex). Parts are
// joined with a NUL, which no part holds, so ("ab", "c") and ("a", "bc")
// differ.
func Fingerprint(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:16])
}

// positions are the places a message may name a line: "line 12",
// "lines 3 and 4", "a.yaml:12:5".
var positions = regexp.MustCompile(`(?i)\blines? \d+((, | and | to |-)\d+)*|:\d+(:\d+)?\b`)

// WithoutPositions removes line and column numbers from a message, for a
// subject.
func WithoutPositions(msg string) string {
	return positions.ReplaceAllStringFunc(msg, func(m string) string {
		if strings.HasPrefix(m, ":") {
			return ""
		}
		return strings.Fields(m)[0]
	})
}

// filePositions are the positions a message gives with their file, as in
// "also at ../x/claims.yaml:12:5".
var filePositions = regexp.MustCompile(`([^\s"'()\[\],;:]+)(:\d+(:\d+)?)\b`)

// WithoutPositions is WithoutPositions, with the file of each position
// located as Place locates a finding's file, so that a message naming a
// file ("duplicate id, also at claims.yaml:3:5") gives the same subject
// from any working directory. Only a name that is a file is taken for one:
// "12:30" in a time stays as it is.
func (p *Places) WithoutPositions(msg string) string {
	msg = filePositions.ReplaceAllStringFunc(msg, func(m string) string {
		sm := filePositions.FindStringSubmatch(m)
		return p.fileName(sm[1]) + sm[2]
	})
	return WithoutPositions(msg)
}

// fileName is name as Place gives it when name is a file, else name.
func (p *Places) fileName(name string) string {
	if p.files == nil {
		p.files = map[string]string{}
	}
	if f, ok := p.files[name]; ok {
		return f
	}
	f := name
	if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() {
		f = p.Place(name).Path
	}
	p.files[name] = f
	return f
}

// Source is the tool name rdjsonl and GitLab show.
const Source = "claimdiff"

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
}

type rdSource struct {
	Name string `json:"name"`
}

type rdDiagnostic struct {
	Message  string      `json:"message"`
	Location *rdLocation `json:"location,omitempty"`
	Severity string      `json:"severity"`
	Code     rdCode      `json:"code"`
	Source   rdSource    `json:"source"`
}

// rdSeverity maps a level to reviewdog's severities.
func rdSeverity(level string) (string, error) {
	switch level {
	case "error":
		return "ERROR", nil
	case "warning":
		return "WARNING", nil
	case "note":
		return "INFO", nil
	}
	return "", fmt.Errorf("cijson: level %q is not error, warning or note", level)
}

// WriteRDJSONL writes reviewdog's rdjsonl: one diagnostic per line, for
// reviewdog -f=rdjsonl. A finding without a file has no location; a line
// below 1 leaves out the range, a column below 1 the column. Columns count
// UTF-8 bytes, as reviewdog's rdf does. Paths are relative to the git
// repository's root, as GitLab's and SARIF's are, so that reviewdog matches
// them to the diff whichever directory claimdiff ran in.
func WriteRDJSONL(w io.Writer, fs []Finding) error {
	var places Places
	var buf bytes.Buffer
	enc := newEncoder(&buf, false)
	for _, f := range fs {
		sev, err := rdSeverity(f.Level)
		if err != nil {
			return err
		}
		d := rdDiagnostic{Message: safetext.Clean(f.Message), Severity: sev,
			Code: rdCode{Value: safetext.Clean(f.Code)}, Source: rdSource{Name: Source}}
		if f.File != "" {
			d.Location = &rdLocation{Path: places.Place(f.File).Path}
			if f.Line >= 1 {
				d.Location.Range = &rdRange{Start: rdPosition{Line: f.Line, Column: max(places.Column(f.File, f.Line, f.Col, Bytes), 0)}}
			}
		}
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	_, err := w.Write(safetext.JSONWorkflow(buf.Bytes()))
	return err
}

type glLines struct {
	Begin int `json:"begin"`
}

type glLocation struct {
	Path  string  `json:"path"`
	Lines glLines `json:"lines"`
}

type glIssue struct {
	Description string     `json:"description"`
	CheckName   string     `json:"check_name"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    glLocation `json:"location"`
}

// glSeverity maps a level to GitLab's severities (info, minor, major,
// critical, blocker): claimdiff's errors are major, warnings minor, notes
// info.
func glSeverity(level string) (string, error) {
	switch level {
	case "error":
		return "major", nil
	case "warning":
		return "minor", nil
	case "note":
		return "info", nil
	}
	return "", fmt.Errorf("cijson: level %q is not error, warning or note", level)
}

// WriteGitLab writes a GitLab Code Quality report: a JSON array (empty,
// never null, when there is nothing) of issues with a fingerprint each.
// GitLab needs a file for every issue, so a finding without one (an
// assertion given with --claim) is left out; the exit code still counts
// it. A line below 1 is written as line 1. Paths are relative to the git
// repository's root, as GitLab matches them against the merge request.
func WriteGitLab(w io.Writer, fs []Finding) error {
	var places Places
	fps := Fingerprints(fs)
	out := make([]glIssue, 0, len(fs))
	for i, f := range fs {
		sev, err := glSeverity(f.Level)
		if err != nil {
			return err
		}
		if f.File == "" {
			continue
		}
		out = append(out, glIssue{Description: safetext.Clean(f.Message), CheckName: safetext.Clean(f.Code),
			Fingerprint: fps[i], Severity: sev,
			Location: glLocation{Path: places.Place(f.File).Path, Lines: glLines{Begin: max(f.Line, 1)}}})
	}
	var buf bytes.Buffer
	if err := newEncoder(&buf, true).Encode(out); err != nil {
		return err
	}
	_, err := w.Write(safetext.JSONWorkflow(buf.Bytes()))
	return err
}

// path is a file as both tools want it: cleaned, with forward slashes and
// no leading "./".
func path(file string) string {
	return strings.TrimPrefix(filepath.ToSlash(safetext.Clean(file)), "./")
}

func newEncoder(w io.Writer, indent bool) *json.Encoder {
	enc := json.NewEncoder(w)
	if indent {
		enc.SetIndent("", "  ")
	}
	// The documents are data read by review tools, not HTML.
	enc.SetEscapeHTML(false)
	return enc
}
