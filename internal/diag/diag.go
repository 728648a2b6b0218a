// Package diag holds the one kind of problem claimdiff reports about a
// ledger, and the position it is anchored to, so that lint, check and every
// output format agree on what a problem is and in which order problems come.
package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Pos is a place in a ledger file. Line and Col count from 1; zero means
// unknown (for example a problem about a whole file).
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file, then line, then column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(cmp.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}

// Severity says whether a problem fails a gate on its own.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText makes severities read as words in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Problem is one thing wrong (or suspicious) in a ledger.
type Problem struct {
	Pos      Pos      `json:"-"`
	Severity Severity `json:"severity"`
	// Code is a stable, kebab-case name for the kind of problem, such as
	// "unknown-field"; outside checks match on it, so never rename one.
	Code    string `json:"code"`
	Message string `json:"message"`
	// Hint, when set, suggests a fix; it is printed on its own line.
	Hint string `json:"hint,omitempty"`
}

// Error renders the problem as "file:line:col: message", the form editors
// and CI log parsers understand.
func (p Problem) Error() string { return p.Pos.String() + ": " + p.Message }

// Errorf makes an error-severity problem.
func Errorf(pos Pos, code, format string, args ...any) Problem {
	return Problem{Pos: pos, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)}
}

// Warnf makes a warning.
func Warnf(pos Pos, code, format string, args ...any) Problem {
	return Problem{Pos: pos, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)}
}

// Sort orders problems by position, then by message so output is stable.
func Sort(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(a.Pos.Compare(b.Pos), cmp.Compare(a.Message, b.Message))
	})
}

// HasErrors reports whether any problem is an error, or, when strict, any
// problem at all.
func HasErrors(ps []Problem, strict bool) bool {
	for _, p := range ps {
		if strict || p.Severity == Error {
			return true
		}
	}
	return false
}
