package sources

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// tamper replaces every n-th word of s, starting at the first.
func tamper(s string, n int) string {
	w := strings.Fields(s)
	for i := 0; i < len(w); i += n {
		w[i] = "tampered"
	}
	return strings.Join(w, " ")
}

// One 689 KB quote against a 689 KB text took 42 s, aligning every word
// of the quote with every word of its region. The fine alignment is now
// capped, and the quote pinned to the text by anchors first, so the work
// is bounded whatever the quote's length, and the answer still right.
func TestLongQuoteAlignmentBounded(t *testing.T) {
	for _, size := range []int{100_000, 689_000} {
		text := benchText(size, 3)
		a := NewArchive(text)
		quote := tamper(text, 1000)
		m := a.Find(quote)
		if m.Exact || m.Similarity < 0.99 {
			t.Errorf("%d bytes: exact %v, similarity %.4f", size, m.Exact, m.Similarity)
		}
		words := strings.Fields(text)
		if !strings.HasPrefix(m.Passage, words[0]) && !strings.HasPrefix(m.Passage, words[1]) {
			t.Errorf("%d bytes: passage starts %.40q", size, m.Passage)
		}
		if cells := a.cells.Load(); cells > maxCandidates*alignCells {
			t.Errorf("%d bytes: %d cells aligned, more than %d", size, cells, maxCandidates*alignCells)
		}
	}
}

// A quote that shares nothing with the text costs no alignment at all.
func TestLongUnrelatedQuote(t *testing.T) {
	a := NewArchive(benchText(200_000, 3))
	m := a.Find(strings.Repeat("nothing like it ", 20_000))
	if m.Similarity > 0.1 || a.cells.Load() > alignCells {
		t.Errorf("similarity %.3f after %d cells", m.Similarity, a.cells.Load())
	}
}

// Exact lookups in a text of one word repeated, with a long quote of the
// same word, do not compare the quote at every place.
func TestExactLookupRepetitive(t *testing.T) {
	text := strings.Repeat("the ", 250_000)
	a := NewArchive(text)
	if m := a.Find(strings.Repeat("the ", 100_000)); !m.Exact {
		t.Errorf("a repeated quote of a repeated text: %+v", m.Similarity)
	}
	if m := a.Find(strings.Repeat("the ", 300_000)); m.Exact {
		t.Error("a quote longer than the text found exactly")
	}
	long := strings.Repeat("x", 600_000)
	if m := a.Find(long); m.Exact {
		t.Error("a one-word quote found exactly")
	}
}

// The anchored alignment's distance is never less than the least, which
// align finds, and is the least for a quote a word or two from the text.
func TestAnchoredAlignBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 5))
	for round := range 500 {
		text := make([]int32, 60+rng.IntN(200))
		for i := range text {
			text[i] = int32(rng.IntN(1000))
		}
		from := rng.IntN(len(text) / 2)
		q := append([]int32(nil), text[from:from+25+rng.IntN(len(text)/2-24)]...)
		edits := rng.IntN(3)
		for range edits {
			q[10+rng.IntN(len(q)-20)] = -1 - int32(rng.IntN(5))
		}
		var cells int
		as, ae, ad := anchoredAlign(q, text, &cells)
		_, _, least := align(q, text)
		if as >= ae || ad < least {
			t.Fatalf("round %d: anchored [%d, %d) at distance %d; the least is %d", round, as, ae, ad, least)
		}
		if ad > edits {
			t.Errorf("round %d: %d edits, anchored distance %d", round, edits, ad)
		}
	}
}

// Claims that share a quote, through an alias or a copy, cost one lookup.
func TestSharedQuoteLookedUpOnce(t *testing.T) {
	text := benchText(100_000, 3)
	a := NewArchive(text)
	quote := tamper(text, 500)
	first := a.Find(quote)
	cells := a.cells.Load()
	for range 3 {
		if m := a.Find(quote); m != first {
			t.Fatalf("a second lookup gave %+v, the first %+v", m.Similarity, first.Similarity)
		}
	}
	if a.cells.Load() != cells {
		t.Errorf("looking the same quote up again aligned %d more cells", a.cells.Load()-cells)
	}
}
