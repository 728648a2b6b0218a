package sources

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  Ukraine  MUST\tlimit\n\nits army ", "ukraine must limit its army"},
		{"“Ukraine’s army”", "ukraines army"},
		{"«G8» „Gruppe“ ‚x‘ ′5″", "g8 gruppe x 5"},
		{`"Ukraine's army"`, "ukraines army"},
		{"28 – point — plan ‒ x − 1", "28 - point - plan - x - 1"},
		{"wait…", "wait..."},
		{"soft\u00adhyphen zero\u200bwidth \ufeffbom \u202Ebidi", "softhyphen zerowidth bom bidi"},
		{"non\u00a0breaking\u2009thin", "non breaking thin"},
		{"bad\xffbyte", "bad\ufffdbyte"},
		{"ПЛАН Умерова", "план умерова"},
		{"\" \"", ""},
		{"a \" b", "a b"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

const draft = `MOSCOW/KYIV, Nov 20 (Reuters) - The draft, seen by Reuters, sets out 28 points.
“Ukraine must limit the size of its army to 600,000 troops,” the draft says.
Russia would be invited back into the G8 — a step Moscow has long sought.
The plan also calls for elections within 100 days.`

func TestFind(t *testing.T) {
	a := NewArchive(draft)
	tests := []struct {
		name    string
		quote   string
		exact   bool
		minSim  float64
		maxSim  float64
		passage string // "" means: do not check
	}{
		{"exact", "Ukraine must limit the size of its army to 600,000 troops",
			true, 1, 1, "Ukraine must limit the size of its army to 600,000 troops"},
		{"typography", `"ukraine MUST limit  the size of its army to 600,000 troops"`,
			true, 1, 1, "Ukraine must limit the size of its army to 600,000 troops"},
		{"dashes and quotes", "“Back into the G8 - a step Moscow”",
			true, 1, 1, "back into the G8 — a step Moscow"},
		{"across a line break", "troops, the draft says. Russia would",
			true, 1, 1, "troops,” the draft says.\nRussia would"},
		{"part of a word", "raine must",
			true, 1, 1, "raine must"},
		{"tampered number", "Ukraine must limit the size of its army to 800,000 troops",
			false, 0.8, 0.99, "Ukraine must limit the size of its army to 600,000 troops"},
		{"tampered word", "The plan also calls for elections within 200 days",
			false, 0.8, 0.99, "The plan also calls for elections within 100 days"},
		{"word dropped", "Russia would be invited into the G8",
			false, 0.8, 0.99, "Russia would be invited back into the G8"},
		{"unrelated", "The central bank raised interest rates sharply on Thursday",
			false, 0, 0.6, ""},
		{"nothing in common", "zzzz qqqq", false, 0, 0.5, ""},
		{"empty quote", "  “”  ", false, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := a.Find(tt.quote)
			if m.Exact != tt.exact || m.Similarity < tt.minSim || m.Similarity > tt.maxSim {
				t.Errorf("Find(%q) = exact %v similarity %.3f; want exact %v, similarity in [%v, %v]",
					tt.quote, m.Exact, m.Similarity, tt.exact, tt.minSim, tt.maxSim)
			}
			if tt.passage != "" && m.Passage != tt.passage {
				t.Errorf("passage = %q, want %q", m.Passage, tt.passage)
			}
		})
	}
}

func TestFindEmptyText(t *testing.T) {
	for _, text := range []string{"", "   ", "“ ” ' \""} {
		a := NewArchive(text)
		if m := a.Find("Ukraine must limit its army"); m != (Match{}) {
			t.Errorf("Find in %q = %+v, want no match", text, m)
		}
	}
	var nilArchive *Archive
	if m := nilArchive.Find("x"); m != (Match{}) {
		t.Errorf("Find on nil archive = %+v", m)
	}
}

func TestFindLongQuote(t *testing.T) {
	// A quote longer than maxAlignRunes is compared word by word.
	text := benchText(200000, 1)
	a := NewArchive(text)
	words := strings.Fields(text)
	quote := strings.Join(words[5000:6000], " ")
	if m := a.Find(quote); !m.Exact {
		t.Fatalf("long exact quote not found exactly: %.3f", m.Similarity)
	}
	tampered := strings.Replace(quote, words[5500], "tampered", 1)
	m := a.Find(tampered)
	if m.Exact || m.Similarity < 0.99 || m.Similarity == 1 {
		t.Errorf("long tampered quote: exact %v similarity %.4f", m.Exact, m.Similarity)
	}
	if !strings.HasPrefix(m.Passage, words[5000]+" "+words[5001]) {
		t.Errorf("long tampered quote found at %.40q", m.Passage)
	}
}

// TestArchiveWords holds NewArchive's word index to the same split that
// quotes get, which exact lookups depend on.
func TestArchiveWords(t *testing.T) {
	for _, text := range []string{draft, "a“b”c  d\u00ade — ‘f’…g", "\xff\xfeab cd\x00ef", "Ⱥⱥ İi ǅ"} {
		checkWords(t, text)
	}
}

func checkWords(t *testing.T, text string) {
	t.Helper()
	a := NewArchive(text)
	if a.norm != Normalize(text) {
		t.Fatalf("archive of %q normalises to %q, Normalize to %q", text, a.norm, Normalize(text))
	}
	want := words(a.norm)
	got := make([]span, len(a.tokens))
	for i, tok := range a.tokens {
		got[i] = span{int(tok.normStart), int(tok.normEnd)}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("archive of %q has words %v, quote split %v", text, got, want)
	}
}

func FuzzFind(f *testing.F) {
	f.Add(draft, 10, 40, "Ukraine must limit the size of its army to 800,000 troops")
	f.Add("a“b”c  d\u00ade — ‘f’…g", 0, 5, "x")
	f.Add("\xff\xfe\x00 \u202e", 1, 2, "\u202e")
	f.Add("", 0, 0, "")
	// Issue 17: a long quote of a repetitive text, which compared the
	// quote at every place, and a long tampered quote, which aligned in
	// the square of its length.
	f.Add(strings.Repeat("the ", 5000), 0, 3, strings.Repeat("the ", 3000)+"x")
	long := benchText(30_000, 5)
	f.Add(long, 100, 2000, tamper(long, 50))
	f.Fuzz(func(t *testing.T, text string, i, n int, quote string) {
		checkWords(t, text)
		a := NewArchive(text)
		m := a.Find(quote)
		if m.Similarity < 0 || m.Similarity > 1 || (m.Exact != (m.Similarity == 1)) {
			t.Fatalf("Find(%q) in %q = %+v", quote, text, m)
		}
		// A passage is a piece of the text, as the text writes it.
		if m.Passage != "" && !strings.Contains(text, m.Passage) {
			t.Fatalf("passage %q is not in the text %q", m.Passage, text)
		}
		// Any piece of the text is found exactly.
		runes := []rune(text)
		if len(runes) == 0 {
			return
		}
		i = int(uint(i) % uint(len(runes)))
		n = int(uint(n) % uint(len(runes)-i+1))
		piece := string(runes[i : i+n])
		if !utf8.ValidString(text) || Normalize(piece) == "" {
			return
		}
		if m := a.Find(piece); !m.Exact || m.Similarity != 1 {
			t.Fatalf("piece %q of %q not found exactly: %+v", piece, text, m)
		} else if Normalize(m.Passage) != Normalize(piece) {
			t.Fatalf("piece %q of %q found as %q", piece, text, m.Passage)
		}
	})
}

// benchText makes n bytes or so of text from a vocabulary of made-up words
// with a realistic spread: a few very common words, many rare ones.
func benchText(n int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 2))
	common := strings.Fields("the a of to and in that is for on with as by at from it was said")
	var b strings.Builder
	for b.Len() < n {
		if rng.IntN(3) == 0 {
			b.WriteString(common[rng.IntN(len(common))])
		} else {
			fmt.Fprintf(&b, "w%x", rng.IntN(50000))
		}
		if rng.IntN(12) == 0 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	text := benchText(1<<20, 7)
	words := strings.Fields(text)
	rng := rand.New(rand.NewPCG(1, 1))
	quotes := make([]string, 1000)
	for i := range quotes {
		start := rng.IntN(len(words) - 40)
		q := words[start : start+5+rng.IntN(30)]
		switch i % 3 {
		case 0: // exact
			quotes[i] = strings.Join(q, " ")
		case 1: // tampered
			q = slices.Clone(q)
			q[len(q)/2] = "tampered"
			quotes[i] = strings.Join(q, " ")
		default: // unrelated
			quotes[i] = strings.Repeat("unrelated words here ", 1+i%4)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		a := NewArchive(text)
		for _, q := range quotes {
			a.Find(q)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{draft, "“Ukraine’s” – army…", "\xff\u00ad\u202e  x ", "Ⱥ İ ǅ ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("Normalize(%q) = %q: white space not folded", s, n)
		}
		if strings.ContainsAny(n, "\"'“”‘’«»–—\t\n\u00ad\u200b\u202e") {
			t.Fatalf("Normalize(%q) = %q: typography left", s, n)
		}
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, again)
		}
	})
}

// The passage found is cut from the text at the letters the alignment
// chose, however many bytes the letters before and in it take.
func TestFindPassageAmongWideLetters(t *testing.T) {
	a := NewArchive("Умеров сказал: «план готов», и Зеленский согласился. Le président a déclaré que le plan était prêt.")
	for _, tt := range []struct{ quote, passage string }{
		{"план готов", "план готов"},
		{"Зеленский согласилсь", "Зеленский согласился"},
		{"le plan etait prêt", "le plan était prêt"},
	} {
		if m := a.Find(tt.quote); m.Passage != tt.passage {
			t.Errorf("Find(%q).Passage = %q, want %q", tt.quote, m.Passage, tt.passage)
		}
	}
}
