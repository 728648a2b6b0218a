package render

import (
	"strings"
	"testing"
)

func TestWrapWordsKeepsIDsWhole(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"reuters → reopen-media", 12, "reuters →\nreopen-media"},
		{"“with Ukraine influencing” (white-house)", 20, "“with Ukraine\ninfluencing”\n(white-house)"},
		// An id longer than the column overflows rather than split.
		{"us-official-reuters → reuters", 10, "us-official-reuters\n→ reuters"},
		{"a b\nc", 10, "a b\nc"},
	} {
		if got := wrapWords(c.in, c.w); got != c.want {
			t.Errorf("wrapWords(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

func TestFitColumnsNeverBelowLongestWord(t *testing.T) {
	headers := []string{"CLAIM", "VALUE"}
	rows := [][]string{{"ukrainian-side/kupiansk", "a long value that wraps at spaces"}}
	FitColumns(headers, rows, 2, 20)
	if rows[0][0] != "ukrainian-side/kupiansk" {
		t.Errorf("id split: %q", rows[0][0])
	}
	for _, l := range strings.Split(rows[0][1], "\n") {
		if strings.Contains(l, "-") {
			t.Errorf("odd line %q", l)
		}
	}
}

func TestWrapHanging(t *testing.T) {
	for _, tc := range []struct {
		s           string
		first, rest int
		want        []string
	}{
		{"desk: short", 20, 18, []string{"desk: short"}},
		{"desk: one two three four", 12, 10, []string{"desk: one", "two three", "four"}},
		// A word wider than its line overflows it alone, unsplit.
		{"likely: https://example.org/a/very/long/path yes", 12, 10,
			[]string{"likely:", "https://example.org/a/very/long/path", "yes"}},
		{"", 10, 8, []string{""}},
	} {
		got := WrapHanging(tc.s, tc.first, tc.rest)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("WrapHanging(%q, %d, %d) = %q, want %q", tc.s, tc.first, tc.rest, got, tc.want)
		}
	}
}
