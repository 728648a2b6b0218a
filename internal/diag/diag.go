// Package diag holds the one kind of problem claimdiff reports about a
// ledger, and the position it is anchored to, so that lint, check and every
// output format agree on what a problem is and in which order problems come.
package diag

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"
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
	// HiddenErrors and HiddenWarnings count, on a "too-many" problem, the
	// problems it stands for, so that a summary counts every one.
	HiddenErrors, HiddenWarnings int `json:"-"`
	// Row marks an error that makes one claim or row unreadable (its
	// value, a date, a field) and says nothing about the rest of the
	// ledger: --skip-invalid may leave that claim out instead.
	Row bool `json:"-"`
	// HiddenRows counts by code, on a "too-many" problem, the Row
	// problems it stands for, so that skipping sees those the cap hid.
	HiddenRows map[string]int `json:"-"`
	// held keeps, on a "too-many" problem, the first MaxPerFile of the
	// other problems it stands for, to show once skipping makes room.
	held []Problem
}

// hide counts p among the problems a too-many problem stands for. A
// too-many problem that hides an error is an error itself, whatever came
// first, so that every check of a problem's severity sees what it hides.
func (tm *Problem) hide(p Problem) {
	switch {
	case p.Code == "too-many":
		tm.HiddenErrors += p.HiddenErrors
		tm.HiddenWarnings += p.HiddenWarnings
		for code, n := range p.HiddenRows {
			tm.addRows(code, n)
		}
		tm.hold(p.held...)
	case p.Severity == Warning:
		tm.HiddenWarnings++
		tm.hold(p)
	default:
		tm.HiddenErrors++
		if p.Row {
			tm.addRows(p.Code, 1)
		} else {
			tm.hold(p)
		}
	}
	if tm.HiddenErrors > 0 {
		tm.Severity = Error
	}
}

func (tm *Problem) hold(ps ...Problem) {
	tm.held = append(tm.held, ps[:min(len(ps), MaxPerFile-len(tm.held))]...)
}

func (tm *Problem) addRows(code string, n int) {
	if tm.HiddenRows == nil {
		tm.HiddenRows = map[string]int{}
	}
	tm.HiddenRows[code] += n
}

// TakeRows takes the Row problems out of those a too-many problem stands
// for, and returns how many of each code it took, and the first others it
// stood for, which are no longer hidden: with the rows gone there may be
// room to show them. What is left, if anything, is what tm then says and
// counts.
func (tm *Problem) TakeRows() (rows map[string]int, shown []Problem) {
	rows, shown = tm.HiddenRows, tm.held
	tm.HiddenRows, tm.held = nil, nil
	for _, n := range rows {
		tm.HiddenErrors -= n
	}
	for _, p := range shown {
		if p.Severity == Warning {
			tm.HiddenWarnings--
		} else {
			tm.HiddenErrors--
		}
	}
	if tm.HiddenErrors == 0 {
		tm.Severity = Warning
	}
	tm.Message = moreText(tm.HiddenErrors + tm.HiddenWarnings)
	return rows, shown
}

func moreText(n int) string {
	if n == 1 {
		return "1 more problem in this file is not shown"
	}
	return fmt.Sprintf("%d more problems in this file are not shown", n)
}

// Count counts errors and warnings, those a "too-many" problem stands
// for included.
func Count(ps []Problem) (errors, warnings int) {
	for _, p := range ps {
		switch {
		case p.Code == "too-many":
			errors += p.HiddenErrors
			warnings += p.HiddenWarnings
		case p.Severity == Warning:
			warnings++
		default:
			errors++
		}
	}
	return errors, warnings
}

// TooMany is the problem that stands for the ones after a file's first
// MaxPerFile, placed at the first of them.
func TooMany(first Problem, rest []Problem) Problem {
	tm := Problem{Pos: first.Pos, Severity: first.Severity, Code: "too-many"}
	tm.hide(first)
	for _, p := range rest {
		tm.hide(p)
	}
	tm.Message = moreText(tm.HiddenErrors + tm.HiddenWarnings)
	return tm
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

// LineCol is a place in a file known from elsewhere, kept as two small
// numbers where a million claims would otherwise each repeat the name.
type LineCol struct{ Line, Col int32 }

// At places lc in file.
func (lc LineCol) At(file string) Pos { return Pos{File: file, Line: int(lc.Line), Col: int(lc.Col)} }

// LineColOf drops p's file name.
func LineColOf(p Pos) LineCol { return LineCol{int32(p.Line), int32(p.Col)} }

// MaxPerFile caps what one file reports, so a hostile file cannot flood
// the output: 60,000 duplicate keys are one mistake, not 60,000.
const MaxPerFile = 100

// List collects one file's problems, keeping the first MaxPerFile and then
// one "too-many" problem that says the rest are not shown.
type List struct {
	Problems []Problem
	// Uncapped keeps every problem, for a list whose problems are passed
	// on to another that caps them.
	Uncapped bool
}

// Add adds p, unless the list is full.
func (l *List) Add(p Problem) {
	switch {
	case l.Uncapped || len(l.Problems) < MaxPerFile:
		l.Problems = append(l.Problems, p)
	case len(l.Problems) == MaxPerFile:
		tm := Problem{Pos: p.Pos, Severity: p.Severity, Code: "too-many",
			Message: fmt.Sprintf("more than %d problems in this file; the rest are not shown", MaxPerFile)}
		tm.hide(p)
		l.Problems = append(l.Problems, tm)
	default:
		l.Problems[MaxPerFile].hide(p)
	}
}

// TooLarge is the problem of a file over the size limit, worded the same
// wherever a file is read.
func TooLarge(pos Pos, limit int64) Problem {
	return Errorf(pos, "too-large", "%s", TooLargeText(limit))
}

// TooLargeText says a file is over limit, for errors that are not
// problems of a ledger (an assertion file, a file at a git revision).
func TooLargeText(limit int64) string {
	return "the file is larger than the limit of " + ByteSize(limit)
}

// ByteSize renders a byte count the way people write limits: 256 MiB.
func ByteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Clip shortens s to about n bytes for a message, without splitting a
// character, and marks the cut.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// ClipRunes shortens s to at most n characters for a table cell or a
// label, the last of them "…" when it cut. Clip is the same rule for
// a message bounded in bytes.
func ClipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Plain reports whether s is a plain identifier, which a message may
// quote whatever file it came from: a letter or underscore, then letters,
// digits, _ . or -, 40 bytes at most. A file that is not a ledger at all
// (a symlinked /etc/passwd read as CSV) must not have anything more of
// its content quoted back in an error, which CI prints in its log.
func Plain(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r), r == '_':
		case i > 0 && (unicode.IsDigit(r) || r == '.' || r == '-'):
		default:
			return false
		}
	}
	return true
}

// PosAt is the position of byte offset off in data, a file named name:
// the line, and the column counted in characters, as editors count it.
func PosAt(name string, data []byte, off int) Pos {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return Pos{File: name, Line: line, Col: 1 + utf8.RuneCount(data[start:off])}
}

// FirstInvalidUTF8 is the offset of the first byte in data that is not
// valid UTF-8, or 0 when there is none.
func FirstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}
