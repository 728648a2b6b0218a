package ledgeredit

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// What edit does to the text it hands the editor: the problems of a
// failed edit on top, as comments, taken off again when saved.

// WithData is files with one file's text replaced.
func WithData(files []load.File, name string, data []byte) []load.File {
	out := make([]load.File, len(files))
	copy(out, files)
	for i := range out {
		if out[i].Name == name {
			out[i].Data = data
		}
	}
	return out
}

// WithProblems puts the problems at the top of the text as comments, with
// their lines counted as the editor will show them, under the lines that
// say what they are. It returns the text and the set of lines it added.
func WithProblems(body []byte, name string, errs []diag.Problem, mark string) ([]byte, map[string]bool) {
	head := []string{
		"Fix the problems below, then save and quit. These lines go away",
		"when you save; save an empty file to give up.",
		"",
	}
	shift := len(head) + len(errs) + 1
	for _, p := range errs {
		if p.Hint != "" {
			shift++
		}
	}
	var lines []string
	for _, h := range head {
		lines = append(lines, strings.TrimRight(mark+h, " "))
	}
	for _, p := range errs {
		lines = append(lines, fmt.Sprintf("%s%s:%d:%d: %s", mark, safetext.Line(filepath.Base(name)), p.Pos.Line+shift, p.Pos.Col, safetext.Line(p.Message)))
		if p.Hint != "" {
			lines = append(lines, fmt.Sprintf("%s  hint: %s", mark, safetext.Line(p.Hint)))
		}
	}
	lines = append(lines, strings.TrimRight(mark, " "))
	var b bytes.Buffer
	added := make(map[string]bool, len(lines))
	for _, l := range lines {
		b.WriteString(l + "\n")
		added[l] = true
	}
	b.Write(body)
	return b.Bytes(), added
}

// StripProblems removes the lines WithProblems added, wherever the user
// left them at the top, and nothing else: a line is removed only when it
// is one of added, token and all.
func StripProblems(text []byte, added map[string]bool) []byte {
	for len(added) > 0 {
		line, rest, found := bytes.Cut(text, []byte{'\n'})
		if !added[string(bytes.TrimRight(line, "\r"))] {
			return text
		}
		if !found {
			return nil
		}
		text = rest
	}
	return text
}
