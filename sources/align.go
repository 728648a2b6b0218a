package sources

import (
	"cmp"
	"slices"
)

const (
	// maxAlignRunes is the longest quote compared letter by letter; a
	// longer one (a whole paragraph) is compared word by word, so that a
	// lookup stays near linear in the quote.
	maxAlignRunes = 4096
	// fullScanCells bounds the fallback that compares a quote with the
	// whole text when no word of it is indexed (a short text, or a quote
	// whose every word was retyped).
	fullScanCells = 1 << 22
	// voteWords and votePostings bound the candidate search: only the
	// rarest words of a quote vote for where it might be, and a word as
	// common as "the" contributes only its first occurrences.
	voteWords    = 8
	votePostings = 4096
	// maxCandidates is how many places are compared in full.
	maxCandidates = 4
)

// closest finds the passage most like the quote nq, whose words are qt.
func (a *Archive) closest(nq string, qt []span) Match {
	regions := a.candidates(nq, qt)
	q := []rune(nq)
	wordLevel := len(q) > maxAlignRunes
	if len(regions) == 0 {
		if wordLevel || a.runes*len(q) > fullScanCells || len(a.tokens) == 0 {
			return Match{}
		}
		regions = [][2]int{{0, len(a.tokens)}}
	}
	var qw []int32
	if wordLevel {
		qw = a.wordIDs(nq, qt)
	}
	best := Match{}
	for _, reg := range regions {
		var ns, ne int
		var sim float64
		if wordLevel {
			ns, ne, sim = a.alignWords(qw, reg)
		} else {
			ns, ne, sim = a.alignRunes(q, reg)
		}
		if sim > best.Similarity {
			best = Match{Similarity: sim, Exact: sim == 1, Passage: a.original(a.widen(ns, ne))}
		}
	}
	return best
}

// candidates returns ranges of words, [lo, hi), where the quote may be:
// each word of the quote found in the text votes for the place the quote
// would start if that word were in its right place.
func (a *Archive) candidates(nq string, qt []span) [][2]int {
	type voter struct {
		at    int // the word's index in the quote
		posts []int32
	}
	var voters []voter
	for i, w := range qt {
		if id, ok := a.words[nq[w.start:w.end]]; ok {
			voters = append(voters, voter{i, a.postings[id]})
		}
	}
	slices.SortStableFunc(voters, func(x, y voter) int { return cmp.Compare(len(x.posts), len(y.posts)) })
	votes := map[int]int{}
	for _, v := range voters[:min(len(voters), voteWords)] {
		for _, k := range v.posts[:min(len(v.posts), votePostings)] {
			votes[int(k)-v.at]++
		}
	}
	// Places with less than half the best place's votes are noise from
	// common words; comparing them in full would cost more than all else.
	top := 0
	for _, n := range votes {
		top = max(top, n)
	}
	type place struct{ start, votes int }
	var places []place
	for s, n := range votes {
		if 2*n >= top {
			places = append(places, place{s, n})
		}
	}
	slices.SortFunc(places, func(x, y place) int { return cmp.Or(cmp.Compare(y.votes, x.votes), cmp.Compare(x.start, y.start)) })

	// The slack lets a passage with inserted or dropped words still fit.
	slack := len(qt)/2 + 2
	var regions [][2]int
	for _, p := range places {
		if len(regions) == maxCandidates {
			break
		}
		near := false // already inside a chosen region
		for _, r := range regions {
			near = near || (p.start >= r[0] && p.start+len(qt) <= r[1])
		}
		lo, hi := max(0, p.start-slack), min(len(a.tokens), p.start+len(qt)+slack)
		if !near && lo < hi {
			regions = append(regions, [2]int{lo, hi})
		}
	}
	return regions
}

// alignRunes compares q letter by letter with the words [reg[0], reg[1])
// and returns the closest passage's normalised byte range and similarity.
func (a *Archive) alignRunes(q []rune, reg [2]int) (ns, ne int, sim float64) {
	base := int(a.tokens[reg[0]].normStart)
	region := a.norm[base:a.tokens[reg[1]-1].normEnd]
	t := []rune(region)
	start, end, dist := align(q, t)
	// Convert rune indexes back to byte offsets.
	offs := make([]int, 0, len(t)+1)
	for i := range region {
		offs = append(offs, i)
	}
	offs = append(offs, len(region))
	return base + offs[start], base + offs[end], similarity(dist, len(q), end-start)
}

// alignWords is alignRunes word by word, for long quotes.
func (a *Archive) alignWords(qw []int32, reg [2]int) (ns, ne int, sim float64) {
	t := make([]int32, 0, reg[1]-reg[0])
	for _, tok := range a.tokens[reg[0]:reg[1]] {
		t = append(t, tok.word)
	}
	start, end, dist := align(qw, t)
	if start == end {
		return 0, 0, 0
	}
	return int(a.tokens[reg[0]+start].normStart), int(a.tokens[reg[0]+end-1].normEnd), similarity(dist, len(qw), end-start)
}

// wordIDs numbers the quote's words as the archive does; a word the text
// lacks gets a number no word of the text has.
func (a *Archive) wordIDs(nq string, qt []span) []int32 {
	ids := make([]int32, len(qt))
	for i, w := range qt {
		id, ok := a.words[nq[w.start:w.end]]
		if !ok {
			id = int32(-1 - i)
		}
		ids[i] = id
	}
	return ids
}

func similarity(dist, m, n int) float64 {
	longer := max(m, n)
	if longer == 0 {
		return 0
	}
	return 1 - float64(dist)/float64(longer)
}

// widen grows a normalised range to whole words and trims white space, so
// that a passage never starts or ends in the middle of a word.
func (a *Archive) widen(ns, ne int) (int, int) {
	if k := a.wordAt(ns); k >= 0 {
		ns = int(a.tokens[k].normStart)
	}
	if ne > 0 {
		if k := a.wordAt(ne - 1); k >= 0 {
			ne = int(a.tokens[k].normEnd)
		}
	}
	for ns < ne && a.norm[ns] == ' ' {
		ns++
	}
	for ne > ns && a.norm[ne-1] == ' ' {
		ne--
	}
	return ns, ne
}

// align finds the stretch of t closest to q in edit distance (q must
// match whole, t may be entered and left anywhere: semi-global alignment)
// and returns it as t[start:end] with its distance. It keeps two rows,
// and for each cell where its best path entered t.
func align[T comparable](q, t []T) (start, end, dist int) {
	n := len(t)
	prev, cur := make([]int32, n+1), make([]int32, n+1)
	prevFrom, curFrom := make([]int32, n+1), make([]int32, n+1)
	for j := range prev {
		prevFrom[j] = int32(j) // entering t at j costs nothing
	}
	for i := 1; i <= len(q); i++ {
		cur[0], curFrom[0] = int32(i), 0
		for j := 1; j <= n; j++ {
			d, from := prev[j-1], prevFrom[j-1]
			if q[i-1] != t[j-1] {
				d++
			}
			if skip := prev[j] + 1; skip < d { // a quote letter the text lacks
				d, from = skip, prevFrom[j]
			}
			if extra := cur[j-1] + 1; extra < d { // a text letter the quote lacks
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
