// Package sarif writes SARIF 2.1.0 logs, the format code-scanning
// dashboards (GitHub code scanning among them) read, so that claimdiff's
// findings can be shown against the ledger lines they are about.
//
// It writes only the small subset of SARIF claimdiff needs: one run, one
// tool, its rules, and results located at a file, line and column.
package sarif

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

const (
	schemaURI      = "https://json.schemastore.org/sarif-2.1.0.json"
	informationURI = "https://github.com/claimdiff/claimdiff"
	// srcRoot is the base that relative artifact locations resolve against;
	// code-scanning uploads map it to the repository checkout.
	srcRoot = "%SRCROOT%"
)

// Rule describes one kind of finding.
type Rule struct{ ID, Name, Short, Help string }

// Result is one finding.
type Result struct {
	RuleID, Level, Message string // Level: "error" | "warning" | "note"
	File                   string
	Line, Col              int
	Properties             map[string]any // optional
	// Fingerprint, when set, is the result's partialFingerprints entry
	// "claimdiff/v1": a hash of what it is about that survives lines
	// moving (see cijson.Fingerprints).
	Fingerprint string
}

// FingerprintKey names claimdiff's entry in partialFingerprints; a new
// way of hashing gets a new version.
const FingerprintKey = "claimdiff/v1"

// Write writes one SARIF log with a single run of the tool "claimdiff".
// Text that may come from a ledger (messages, rule texts, string
// properties) is cleaned of control and bidi characters; JSON encoding does
// the rest. A result without a file has no location; a line or column
// below 1 is left out.
func Write(w io.Writer, toolVersion string, rules []Rule, results []Result) error {
	index := make(map[string]int, len(rules))
	lg := log{Schema: schemaURI, Version: "2.1.0", Runs: []run{{
		Tool: tool{Driver: driver{
			Name:           "claimdiff",
			Version:        safetext.Clean(toolVersion),
			InformationURI: informationURI,
			Rules:          make([]rule, 0, len(rules)),
		}},
		Results: make([]result, 0, len(results)),
	}}}
	r := &lg.Runs[0]
	for i, ru := range rules {
		if _, dup := index[ru.ID]; dup {
			return fmt.Errorf("sarif: duplicate rule id %q", ru.ID)
		}
		index[ru.ID] = i
		out := rule{ID: safetext.Clean(ru.ID), Name: safetext.Clean(ru.Name)}
		if ru.Short != "" {
			out.ShortDescription = &text{Text: safetext.Clean(ru.Short)}
		}
		if ru.Help != "" {
			out.Help = &text{Text: safetext.Clean(ru.Help)}
		}
		r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, out)
	}
	for _, res := range results {
		switch res.Level {
		case "error", "warning", "note":
		default:
			return fmt.Errorf("sarif: result level %q is not error, warning or note", res.Level)
		}
		out := result{
			RuleID:     safetext.Clean(res.RuleID),
			Level:      res.Level,
			Message:    text{Text: safetext.Clean(res.Message)},
			Properties: cleanProperties(res.Properties),
		}
		if res.Fingerprint != "" {
			out.PartialFingerprints = map[string]string{FingerprintKey: res.Fingerprint}
		}
		if i, ok := index[res.RuleID]; ok {
			out.RuleIndex = &i
		}
		if res.File != "" {
			out.Locations = []location{{PhysicalLocation: physical(res.File, res.Line, res.Col)}}
		}
		r.Results = append(r.Results, out)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// SARIF viewers show messages as text; escaping < > & as \u003c and so
	// on would only make the file harder to read by eye.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(lg); err != nil {
		return err
	}
	// A SARIF file is often printed in a CI log, where "##[" would be a
	// logging command.
	_, err := w.Write(safetext.JSONWorkflow(buf.Bytes()))
	return err
}

// physical locates a file: a relative path becomes a URI relative to
// %SRCROOT%, an absolute one a file: URI.
func physical(file string, line, col int) physicalLocation {
	p := filepath.ToSlash(safetext.Clean(file))
	loc := physicalLocation{}
	if filepath.IsAbs(file) || strings.HasPrefix(p, "/") {
		u := url.URL{Scheme: "file", Path: p}
		if !strings.HasPrefix(p, "/") { // a Windows drive path
			u.Path = "/" + p
		}
		loc.ArtifactLocation = artifactLocation{URI: u.String()}
	} else {
		p = strings.TrimPrefix(p, "./")
		// url.URL escapes spaces, '%', '#', '?' and a colon in the first
		// segment, so the URI cannot be misread as a scheme or a fragment.
		u := url.URL{Path: p}
		loc.ArtifactLocation = artifactLocation{URI: u.String(), URIBaseID: srcRoot}
	}
	if line >= 1 {
		loc.Region = &region{StartLine: line}
		if col >= 1 {
			loc.Region.StartColumn = col
		}
	}
	return loc
}

// cleanProperties copies props, cleaning the strings in it; other values
// are encoded as they are.
func cleanProperties(props map[string]any) map[string]any {
	if len(props) == 0 {
		return nil
	}
	out := make(map[string]any, len(props))
	for k, v := range props {
		switch v := v.(type) {
		case string:
			out[safetext.Clean(k)] = safetext.Clean(v)
		case []string:
			c := make([]string, len(v))
			for i, s := range v {
				c[i] = safetext.Clean(s)
			}
			out[safetext.Clean(k)] = c
		default:
			out[safetext.Clean(k)] = v
		}
	}
	return out
}

// The types below mirror the SARIF 2.1.0 object model, field for field.

type log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []run  `json:"runs"`
}

type run struct {
	Tool    tool     `json:"tool"`
	Results []result `json:"results"`
}

type tool struct {
	Driver driver `json:"driver"`
}

type driver struct {
	Name           string `json:"name"`
	Version        string `json:"version,omitempty"`
	InformationURI string `json:"informationUri"`
	Rules          []rule `json:"rules"`
}

type rule struct {
	ID               string `json:"id"`
	Name             string `json:"name,omitempty"`
	ShortDescription *text  `json:"shortDescription,omitempty"`
	Help             *text  `json:"help,omitempty"`
}

type text struct {
	Text string `json:"text"`
}

type result struct {
	RuleID    string     `json:"ruleId"`
	RuleIndex *int       `json:"ruleIndex,omitempty"`
	Level     string     `json:"level"`
	Message   text       `json:"message"`
	Locations []location `json:"locations,omitempty"`
	// PartialFingerprints let code scanning follow a result across
	// commits.
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

type location struct {
	PhysicalLocation physicalLocation `json:"physicalLocation"`
}

type physicalLocation struct {
	ArtifactLocation artifactLocation `json:"artifactLocation"`
	Region           *region          `json:"region,omitempty"`
}

type artifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}
