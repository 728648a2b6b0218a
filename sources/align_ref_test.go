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
	f.Fuzz(func(t *testing.T, q, text string) {
		if len(q)*len(text) > 1<<16 {
			return
		}
		qr, tr := []rune(q), []rune(text)
		s1, e1, d1 := align(qr, tr)
		s2, e2, d2 := alignReference(qr, tr)
		if s1 != s2 || e1 != e2 || d1 != d2 {
			t.Fatalf("align(%q, %q) = %d, %d, %d; the reference gives %d, %d, %d", q, text, s1, e1, d1, s2, e2, d2)
		}
	})
}
