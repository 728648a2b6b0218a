package main

import (
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// What the commands that write a ledger (add, edit) share: telling the
// problems a change brought, and showing lines of text not yet on disk.

// newWarnings are the warnings of after that before did not have, by
// code and message.
func newWarnings(before, after *claims.Ledger) []diag.Problem {
	key := func(p diag.Problem) string { return p.Code + "\x00" + p.Message }
	had := map[string]int{}
	for _, p := range append(slices.Clone(before.Problems), load.Warnings(before)...) {
		had[key(p)]++
	}
	var out []diag.Problem
	for _, p := range append(slices.Clone(after.Problems), load.Warnings(after)...) {
		if p.Severity != diag.Warning {
			continue
		}
		if had[key(p)] > 0 {
			had[key(p)]--
			continue
		}
		out = append(out, p)
	}
	diag.Sort(out)
	return out
}

func errorsOf(ps []diag.Problem) []diag.Problem {
	var out []diag.Problem
	for _, p := range ps {
		if p.Severity == diag.Error {
			out = append(out, p)
		}
	}
	return out
}

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
