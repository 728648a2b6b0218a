// Package assert reads assertions: values that a writer states about a
// ledger's topics and wants checked against the ledger. They come from
// three places: --claim TOPIC=VALUE flags, YAML files holding a list of
// {topic, value, context} entries, and Markdown drafts in which a link such
// as [600,000 troops](claim:plan.army-cap) ties a number in the prose to a
// topic.
//
// The package only reads; claims.Analysis.Check judges. Its input is
// untrusted (a draft from anyone's pull request), so every reader reports
// problems with their file:line:col and never panics.
package assert

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// Assertion is one value a writer states about a topic.
type Assertion struct {
	Topic string
	// Value is the asserted value as written: a flag's text, a YAML
	// scalar, or a Markdown link's text with its markup removed.
	Value string
	// Context is the canonical "key=value; key=value" form of the
	// qualifiers, the form the ledger gives claims (see Context). An
	// assertion with no context is compared with claims that have none.
	Context string
	// AsOf picks the moment of a changes: true topic; empty means the
	// latest moment the ledger has claims about.
	AsOf string
	// Pos is where the assertion is written; File is empty for a flag.
	Pos diag.Pos
	// Invalid says why the assertion could not be read, such as a
	// malformed link in a draft; it is judged invalid beside the others
	// rather than hiding them.
	Invalid string
}

// WithProblems puts each problem met reading assertions among them as an
// invalid assertion, in file order and then by position within a file,
// so one bad line is reported with the rest rather than instead of them.
func WithProblems(as []Assertion, ps []diag.Problem) []Assertion {
	if len(ps) == 0 {
		return as
	}
	out := slices.Clone(as)
	for _, p := range ps {
		out = append(out, Assertion{Pos: p.Pos, Invalid: p.Message})
	}
	fileOrder := map[string]int{}
	for _, a := range out {
		if _, ok := fileOrder[a.Pos.File]; !ok {
			fileOrder[a.Pos.File] = len(fileOrder)
		}
	}
	slices.SortStableFunc(out, func(a, b Assertion) int {
		return cmp.Or(cmp.Compare(fileOrder[a.Pos.File], fileOrder[b.Pos.File]),
			cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	return out
}

// Where names the assertion's place for people: file:line:col, or
// "--claim" for a flag.
func (a Assertion) Where() string {
	if a.Pos.File == "" {
		return "--claim"
	}
	return a.Pos.String()
}

// MaxFileBytes caps one assertion file. Drafts are small; the cap only
// stops a hostile file from exhausting memory.
const MaxFileBytes = 16 << 20

// Context canonicalises qualifiers as the ledger does: "key=value" pairs
// sorted and joined with "; ".
func Context(pairs [][2]string) string {
	if len(pairs) == 0 {
		return ""
	}
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p[0] + "=" + p[1]
	}
	slices.Sort(parts)
	return strings.Join(parts, "; ")
}

// ParseFlag reads a --claim value, TOPIC=VALUE. The topic ends at the
// first '=', since topic ids never hold one; the value may.
func ParseFlag(s string) (Assertion, error) {
	topic, val, ok := strings.Cut(s, "=")
	topic, val = strings.TrimSpace(topic), strings.TrimSpace(val)
	switch {
	case !ok:
		return Assertion{}, fmt.Errorf("--claim %q: want TOPIC=VALUE", clip(s))
	case !ValidTopic(topic):
		return Assertion{}, fmt.Errorf("--claim %q: %q is not a topic id (letters, digits and . _ / -, starting with a letter or digit)", clip(s), clip(topic))
	case val == "":
		return Assertion{}, fmt.Errorf("--claim %q: the value is empty", clip(s))
	}
	return Assertion{Topic: topic, Value: val}, nil
}

// ParseContextFlag reads a --context value, KEY=VALUE.
func ParseContextFlag(s string) ([2]string, error) {
	k, v, ok := strings.Cut(s, "=")
	k, v = strings.TrimSpace(k), strings.TrimSpace(v)
	if !ok || k == "" || v == "" {
		return [2]string{}, fmt.Errorf("--context %q: want KEY=VALUE", clip(s))
	}
	return [2]string{k, v}, nil
}

// ValidTopic reports whether s may be a topic id, by the ledger's rule.
func ValidTopic(s string) bool { return ids.Valid(s) }

// Kind is the sort of file an assertion file is, by its extension.
func Kind(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return "markdown"
	case ".yaml", ".yml":
		return "yaml"
	}
	return ""
}

// ErrUnknownKind says a file is neither Markdown nor YAML.
var ErrUnknownKind = errors.New("not an assertion file: name a .yaml or .yml list of assertions, or a .md document")

// ReadFile reads the assertions in a Markdown or YAML file. The error is
// for a file that cannot be read at all (missing, too large, of an unknown
// kind); problems are what is wrong inside it.
func ReadFile(name string) ([]Assertion, []diag.Problem, error) {
	kind := Kind(name)
	if kind == "" {
		return nil, nil, fmt.Errorf("%s: %w", name, ErrUnknownKind)
	}
	data, err := readCapped(name)
	if err != nil {
		return nil, nil, err
	}
	as, ps := Parse(name, data)
	return as, ps, nil
}

// Parse reads data as the kind of file name says (Markdown or YAML).
func Parse(name string, data []byte) ([]Assertion, []diag.Problem) {
	if p, bad := checkText(name, data); bad {
		return nil, []diag.Problem{p}
	}
	if Kind(name) == "markdown" {
		return ParseMarkdown(name, data)
	}
	return ParseYAML(name, data)
}

func readCapped(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("%s: %s", name, diag.TooLargeText(MaxFileBytes))
	}
	return data, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkText refuses binary files and invalid UTF-8, with the position of
// the first bad byte.
func checkText(name string, data []byte) (diag.Problem, bool) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return diag.Errorf(posAt(name, data, i), "binary", "this is a binary file, not an assertion file"), true
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return diag.Errorf(posAt(name, data, i), "encoding", "invalid UTF-8; an assertion file must be UTF-8 text"), true
	}
	return diag.Problem{}, false
}

// clip shortens s for an error message, by diag's rule, to the 61
// characters a message quotes back.
func clip(s string) string { return diag.ClipRunes(s, 61) }
