package main

import (
	"maps"

	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/snippetlines"
)

// usageHint is a usage error whose hint stands on its own line.
var usageHint = cli.UsageHint

// snippetLines reads the lines problem snippets show; the built-in
// example is always among them.
type snippetLines struct{ *snippetlines.Lines }

// newSnippetLines reads snippets from mem, then from disk. Close it
// when done.
func newSnippetLines(mem map[string][]byte) snippetLines {
	m := map[string][]byte{exampleFile: example.YAML}
	maps.Copy(m, mem)
	return snippetLines{snippetlines.New(m)}
}

func (s snippetLines) line(file string, n int) (string, bool) { return s.Line(file, n) }

// linesOf reads snippet lines from files held in memory, and from disk
// for the others. Its cursor on a disk file closes at the file's end, or
// with the process: these are the few files a command writes.
func linesOf(files []load.File) func(string, int) (string, bool) {
	mem := map[string][]byte{}
	for _, f := range files {
		if f.Data != nil {
			mem[f.Name] = f.Data
		}
	}
	return newSnippetLines(mem).line
}
