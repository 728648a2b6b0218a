// Package sarif writes SARIF 2.1.0 logs, the format code-scanning
// dashboards (GitHub code scanning among them) read, so that claimdiff's
// findings can be shown against the ledger lines they are about.
//
// It writes only the small subset of SARIF claimdiff needs: one run, one
// tool, its rules, and results located at a file, line and column.
package sarif

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/internal/cijson"
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
type Rule struct{ ID, Name, Short, Help, HelpURI string }

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

// MaxResults is how many results a run holds at most: GitHub code
// scanning refuses a run with more.
const MaxResults = 25000

// Run is what one SARIF log says.
type Run struct {
	// AutomationID names the command that made the run, such as
	// "claimdiff/lint/": code scanning keeps one run per category, so each
	// command needs its own.
	AutomationID string
	ToolVersion  string
	Rules        []Rule
	Results      []Result
	// Warn, when set, is told that results were left out.
	Warn io.Writer
	// maxResults replaces MaxResults when set, so that tests reach the
	// cap with a log their schema check reads in milliseconds.
	maxResults int
}

// Write writes one SARIF log with a single run of the tool "claimdiff".
// Text that may come from a ledger (messages, rule texts, string
// properties) is cleaned of control and bidi characters; JSON encoding does
// the rest. A result without a file has no location; a line or column
// below 1 is left out. Columns are converted from code points to UTF-16
// code units, the run's columnKind. Beyond MaxResults, the most severe are
// kept, and the run's invocation and Warn say how many were left out.
func Write(w io.Writer, in Run) error {
	maxResults := cmp.Or(in.maxResults, MaxResults)
	index := make(map[string]int, len(in.Rules))
	lg := log{Schema: schemaURI, Version: "2.1.0", Runs: []run{{
		Tool: tool{Driver: driver{
			Name:           "claimdiff",
			Version:        safetext.Clean(in.ToolVersion),
			InformationURI: informationURI,
			Rules:          make([]rule, 0, len(in.Rules)),
		}},
		Results:    make([]result, 0, min(len(in.Results), maxResults)),
		ColumnKind: "utf16CodeUnits",
	}}}
	r := &lg.Runs[0]
	if in.AutomationID != "" {
		r.AutomationDetails = &automationDetails{ID: in.AutomationID}
	}
	for i, ru := range in.Rules {
		if _, dup := index[ru.ID]; dup {
			return fmt.Errorf("sarif: duplicate rule id %q", ru.ID)
		}
		index[ru.ID] = i
		out := rule{ID: safetext.Clean(ru.ID), Name: safetext.Clean(ru.Name), HelpURI: ru.HelpURI}
		if ru.Short != "" {
			out.ShortDescription = &text{Text: safetext.Clean(ru.Short)}
		}
		if ru.Help != "" {
			out.Help = &text{Text: safetext.Clean(ru.Help)}
		}
		r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, out)
	}
	results := in.Results
	for _, res := range results {
		if rank(res.Level) < 0 {
			return fmt.Errorf("sarif: result level %q is not error, warning or note", res.Level)
		}
	}
	if dropped := len(results) - maxResults; dropped > 0 {
		results = slices.Clone(results)
		slices.SortStableFunc(results, func(a, b Result) int { return rank(a.Level) - rank(b.Level) })
		results = results[:maxResults]
		msg := fmt.Sprintf("%d results were left out: code scanning takes at most %d per run; the %d most severe are kept", dropped, maxResults, maxResults)
		r.Invocations = []invocation{{ExecutionSuccessful: true,
			Notifications: []notification{{Level: "warning", Message: text{Text: msg}, Descriptor: &descriptor{ID: "results-capped"}}}}}
		if in.Warn != nil {
			fmt.Fprintf(in.Warn, "claimdiff: sarif: %s\n", msg)
		}
	}
	var places cijson.Places
	for _, res := range results {
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
			pl := places.Place(res.File)
			loc := physical(pl, res.Line, places.Column(res.File, res.Line, res.Col, cijson.UTF16))
			out.Locations = []location{{PhysicalLocation: loc}}
			if pl.Root != "" && r.OriginalURIBaseIDs == nil {
				u := url.URL{Scheme: "file", Path: strings.TrimSuffix(pl.Root, "/") + "/"}
				if !strings.HasPrefix(u.Path, "/") { // a Windows drive path
					u.Path = "/" + u.Path
				}
				r.OriginalURIBaseIDs = map[string]artifactLocation{srcRoot: {URI: u.String()}}
			}
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

// rank orders levels, most severe first; -1 is not a level.
func rank(level string) int {
	switch level {
	case "error":
		return 0
	case "warning":
		return 1
	case "note":
		return 2
	}
	return -1
}

// physical locates a file: a path relative to the repository (or the
// working directory) becomes a URI relative to %SRCROOT%; only a file
// outside both keeps its absolute path, and no file: URI, which code
// scanning cannot map to the checkout.
func physical(pl cijson.Place, line, col int) physicalLocation {
	loc := physicalLocation{}
	// url.URL escapes spaces, '%', '#', '?' and a colon in the first
	// segment, so the URI cannot be misread as a scheme or a fragment.
	u := url.URL{Path: pl.Path}
	loc.ArtifactLocation = artifactLocation{URI: u.String()}
	if !strings.HasPrefix(pl.Path, "/") {
		loc.ArtifactLocation.URIBaseID = srcRoot
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
	Tool               tool                        `json:"tool"`
	Invocations        []invocation                `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]artifactLocation `json:"originalUriBaseIds,omitempty"`
	Results            []result                    `json:"results"`
	AutomationDetails  *automationDetails          `json:"automationDetails,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
}

type automationDetails struct {
	ID string `json:"id"`
}

type invocation struct {
	ExecutionSuccessful bool           `json:"executionSuccessful"`
	Notifications       []notification `json:"toolExecutionNotifications,omitempty"`
}

type notification struct {
	Level      string      `json:"level"`
	Message    text        `json:"message"`
	Descriptor *descriptor `json:"descriptor,omitempty"`
}

type descriptor struct {
	ID string `json:"id"`
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
	HelpURI          string `json:"helpUri,omitempty"`
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
