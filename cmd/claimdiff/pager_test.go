package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// TestTextIsPaged runs each command that prints text on a terminal whose
// pager upper-cases what it is given: all of stdout must have gone
// through it, and what stderr says must come after, not into it.
func TestTextIsPaged(t *testing.T) {
	if _, err := exec.LookPath("tr"); err != nil {
		t.Skip("no tr")
	}
	for _, args := range [][]string{
		{"disputed"}, {"list"}, {"sources"}, {"report"},
		{"resolve"}, {"resolve", "--explain", "plan.army-cap"},
		{"timeline"}, {"timeline", "--format", "md"},
		{"compare", "reuters", "axios"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			ios.OutTTY, ios.Pager, ios.Dir = true, "tr a-z A-Z", t.TempDir()
			if code := runWith(ios, append(args, "--color", "never")); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if out.Len() == 0 || hasLower(out.String()) {
				t.Errorf("stdout did not go through the pager:\n%s", out)
			}
			if errOut.Len() > 0 && !hasLower(errOut.String()) {
				t.Errorf("stderr went through the pager:\n%s", errOut)
			}
		})
	}
}

// hasLower says whether s has an ASCII lower-case letter, which the test
// pager (tr a-z A-Z) leaves none of.
func hasLower(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' })
}
