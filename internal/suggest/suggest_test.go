package suggest

import "testing"

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"quote", "quote", 0}, {"qoute", "quote", 1}, {"qoute", "note", 2}, {"sourec", "source", 1},
		{"", "abc", 3}, {"kitten", "sitting", 3}, {"ca", "abc", 3},
	} {
		if got := Distance(tt.a, tt.b, 10); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if got := Distance("abcdefgh", "zzzzzzzz", 2); got != 3 {
		t.Errorf("past the limit: %d, want 3", got)
	}
}

// A swapped pair of letters points at the field meant, not at a shorter
// one as far away by plain edits.
func TestField(t *testing.T) {
	known := []string{"id", "topic", "value", "source", "via", "date", "as_of", "quote", "context", "denies", "note"}
	for typo, want := range map[string]string{"qoute": `did you mean "quote"?`, "sorce": `did you mean "source"?`, "vlaue": `did you mean "value"?`} {
		if got := Field(typo, known); got != want {
			t.Errorf("Field(%q) = %q, want %q", typo, got, want)
		}
	}
}

// Edits is the one edit distance: plain Levenshtein over any items (the
// words of a quote) without swaps, and with them what Distance counts.
func TestEdits(t *testing.T) {
	for _, tt := range []struct {
		a, b  []int32
		limit int
		swaps bool
		want  int
	}{
		{[]int32{1, 2, 3}, []int32{1, 2, 3}, -1, false, 0},
		{[]int32{1, 2}, []int32{2, 1}, -1, false, 2},
		{[]int32{1, 2}, []int32{2, 1}, -1, true, 1},
		{nil, []int32{7, 8}, -1, false, 2},
		{[]int32{1, 2, 3, 4}, []int32{5, 6, 7, 8}, 1, false, 2},
		{[]int32{1, 2, 3, 4}, []int32{5, 6, 7, 8}, -1, false, 4},
	} {
		if got := Edits(tt.a, tt.b, tt.limit, tt.swaps); got != tt.want {
			t.Errorf("Edits(%v, %v, %d, %v) = %d, want %d", tt.a, tt.b, tt.limit, tt.swaps, got, tt.want)
		}
	}
}
