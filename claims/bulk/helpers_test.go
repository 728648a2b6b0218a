package bulk

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// sized is small, or full when CLAIMDIFF_FULL_TESTS is set (as .ci/run
// sets it): the heaviest tests run small by default, where they find the
// same faults, and at the size that first showed them in full runs.
func sized(small, full int) int {
	if os.Getenv("CLAIMDIFF_FULL_TESTS") != "" {
		return full
	}
	return small
}

// readResult is what Read made of one file.
type readResult struct {
	claims   []claims.Claim
	places   []claims.Places
	problems []diag.Problem
}

// read reads a bulk file whose format its name tells.
func read(name string, r io.Reader, size int64, opts Options) (*readResult, error) {
	f, _ := FormatOf(name)
	var res readResult
	ps, err := Read(name, f, r, size, Sink{&res.claims, &res.places}, opts)
	res.problems = ps
	return &res, err
}

// problemList renders problems as "file:line:col code: message" with the
// file's base name, for comparing.
func problemList(ps []diag.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s:%d:%d %s: %s", filepath.Base(p.Pos.File), p.Pos.Line, p.Pos.Col, p.Code, p.Message))
	}
	return out
}
