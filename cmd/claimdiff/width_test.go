package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// TestDisputedFitsWidth: with --width 60, no line of the example's
// disputes is wider than 60 columns, free text (desk:, likely:,
// arithmetic:) included, unless it holds a word that cannot fit on a
// line of its own.
func TestDisputedFitsWidth(t *testing.T) {
	const width = 60
	ios, _, out, errOut := iostreams.Test()
	ios.Dir = t.TempDir() // no claims.yaml: the built-in example
	if code := runWith(ios, []string{"disputed", "--width", "60"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	notes := 0
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "  desk:") || strings.HasPrefix(line, "  likely:") {
			notes++
		}
		if lipgloss.Width(line) <= width {
			continue
		}
		unbreakable := false
		for _, w := range strings.Fields(line) {
			unbreakable = unbreakable || lipgloss.Width(w) > width-4
		}
		if !unbreakable {
			t.Errorf("%d columns: %s", lipgloss.Width(line), line)
		}
	}
	if notes == 0 {
		t.Fatal("no desk: or likely: line to check")
	}
}
