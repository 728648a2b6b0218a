package sources

import (
	"math/rand/v2"
	"testing"
)

// alignReference is align as first written, cell by cell from the two
// rows: the loop align runs now must find the same stretch, distance and
// entry point, ties broken the same way.
func alignReference[T comparable](q, t []T) (start, end, dist int) {
	n := len(t)
	prev, cur := make([]int32, n+1), make([]int32, n+1)
	prevFrom, curFrom := make([]int32, n+1), make([]int32, n+1)
	for j := range prev {
		prevFrom[j] = int32(j)
	}
	for i := 1; i <= len(q); i++ {
		cur[0], curFrom[0] = int32(i), 0
		for j := 1; j <= n; j++ {
			d, from := prev[j-1], prevFrom[j-1]
			if q[i-1] != t[j-1] {
				d++
			}
			if skip := prev[j] + 1; skip < d {
				d, from = skip, prevFrom[j]
			}
			if extra := cur[j-1] + 1; extra < d {
				d, from = extra, curFrom[j-1]
			}
			cur[j], curFrom[j] = d, from
		}
		prev, cur = cur, prev
		prevFrom, curFrom = curFrom, prevFrom
	}
	end = 0
	for j := 1; j <= n; j++ {
		if prev[j] < prev[end] {
			end = j
		}
	}
	return int(prevFrom[end]), end, int(prev[end])
}

// alignFuzzCells bounds the inputs the fuzz test compares, the reference
// being quadratic: a quote of three blocks against a few hundred letters.
const alignFuzzCells = 1 << 17

func FuzzAlignMatchesReference(f *testing.F) {
	for _, s := range [][2]string{{"abc", "xxabcxx"}, {"", "abc"}, {"abc", ""}, {"kitten", "sitting on the mat"}, {"aaaa", "aa"}} {
		f.Add(s[0], s[1])
	}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 200 {
		q, t := make([]byte, rng.IntN(12)), make([]byte, rng.IntN(40))
		for i := range q {
			q[i] = 'a' + byte(rng.IntN(3))
		}
		for i := range t {
			t[i] = 'a' + byte(rng.IntN(3))
		}
		f.Add(string(q), string(t))
	}
	// Quotes across one, two and three blocks of 64 rows, and texts of a
	// few hundred letters: some random, some holding the quote with a few
	// letters changed, so that the distance is small and ties are many.
	for _, m := range []int{63, 64, 65, 100, 127, 128, 129, 150, 191, 192, 193} {
		for _, alpha := range []int{2, 4, 26} {
			n := min(300+rng.IntN(100), alignFuzzCells/m-m*6/5)
			q, t := alignSeed(rng, m, n, alpha)
			f.Add(q, t)
		}
	}
	f.Fuzz(func(t *testing.T, q, text string) {
		if len(q)*len(text) > alignFuzzCells {
			return
		}
		qr, tr := []rune(q), []rune(text)
		s2, e2, d2 := alignReference(qr, tr)
		s1, e1, d1 := align(qr, tr)
		if s1 != s2 || e1 != e2 || d1 != d2 {
			t.Fatalf("align(%q, %q) = %d, %d, %d; the reference gives %d, %d, %d", q, text, s1, e1, d1, s2, e2, d2)
		}
		// Small inputs take the cell-by-cell path; hold the bit-parallel
		// one to the reference on them too.
		if len(qr) > 0 && len(tr) > 0 {
			s1, e1, d1 = alignBits(qr, tr)
			if s1 != s2 || e1 != e2 || d1 != d2 {
				t.Fatalf("alignBits(%q, %q) = %d, %d, %d; the reference gives %d, %d, %d", q, text, s1, e1, d1, s2, e2, d2)
			}
		}
		// The table over the window alone, which align falls back on and
		// whose path it traces, gives the same entry.
		if s1 = windowEntry(qr, tr, e2, d2); s1 != s2 {
			t.Fatalf("windowEntry(%q, %q, %d, %d) = %d; the reference gives %d", q, text, e2, d2, s1, s2)
		}
	})
}

// alignSeed makes a quote of m letters from the first alpha of the
// alphabet and a text of n, which holds the quote, a few of its letters
// changed, dropped or doubled, half of the time.
func alignSeed(rng *rand.Rand, m, n, alpha int) (string, string) {
	letter := func() rune { return 'a' + rune(rng.IntN(alpha)) }
	q := make([]rune, m)
	for i := range q {
		q[i] = letter()
	}
	t := make([]rune, n)
	for i := range t {
		t[i] = letter()
	}
	if rng.IntN(2) == 0 && n > m+10 {
		at := rng.IntN(n - m - 10)
		var copied []rune
		for _, r := range q {
			switch rng.IntN(20) {
			case 0: // dropped
			case 1:
				copied = append(copied, letter())
			case 2:
				copied = append(copied, r, r)
			default:
				copied = append(copied, r)
			}
		}
		t = append(t[:at:at], append(copied, t[at:]...)...)
	}
	return string(q), string(t)
}

// The bit-parallel path on word ids, as alignWords calls it, with quotes
// on both sides of every block boundary up to three blocks.
func TestAlignBitsMatchReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 300 {
		m := 1 + rng.IntN(200)
		qs, ts := alignSeed(rng, m, m/2+rng.IntN(3*m), 2+rng.IntN(30))
		q, text := []int32(qs), []int32(ts)
		s1, e1, d1 := alignBits(q, text)
		s2, e2, d2 := alignReference(q, text)
		if s1 != s2 || e1 != e2 || d1 != d2 {
			t.Fatalf("round %d: alignBits(%v, %v) = %d, %d, %d; the reference gives %d, %d, %d", round, q, text, s1, e1, d1, s2, e2, d2)
		}
		if s1 = windowEntry(q, text, e2, d2); s1 != s2 {
			t.Fatalf("round %d: windowEntry(%v, %v, %d, %d) = %d; the reference gives %d", round, q, text, e2, d2, s1, s2)
		}
	}
}

func BenchmarkAlign(b *testing.B) {
	text := []rune(benchText(2_000, 9))[:2_000]
	present := append([]rune(nil), text[900:1_200]...)
	present[50], present[150] = 'x', 'y'
	absent := []rune(benchText(300, 10))[:300]
	for _, c := range []struct {
		name string
		q    []rune
	}{{"present", present}, {"absent", absent}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				align(c.q, text)
			}
		})
		b.Run(c.name+"/cells", func(b *testing.B) {
			for b.Loop() {
				alignDP(c.q, text)
			}
		})
	}
}
