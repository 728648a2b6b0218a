package sources

import (
	"cmp"
	"slices"
	"sort"

	"github.com/claimdiff/claimdiff/internal/suggest"
)

const (
	// maxAlignRunes is the longest quote compared letter by letter; a
	// longer one (a whole paragraph) is compared word by word, so that a
	// lookup stays near linear in the quote.
	maxAlignRunes = 4096
	// alignCells caps one fine alignment, the quote's length times the
	// passage's, in letters or in words: that is the cap on the quote
	// length that is aligned. A quote too long for it, letter by letter,
	// is aligned word by word, and one too long for that goes through
	// anchors (alignAnchored), whose cost is linear. Without the cap one
	// 689 KB quote took 42 s.
	alignCells = 1 << 22
	// fullScanCells bounds the fallback that compares a quote with the
	// whole text when no word of it is indexed (a short text, or a quote
	// whose every word was retyped).
	fullScanCells = alignCells
	// gapCells caps the alignment of one gap between anchors; a wider gap
	// counts as all changed, which only lowers the similarity.
	gapCells = 1 << 16
	// anchorWords is how many words in a row make an anchor.
	anchorWords = 3
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
	letters := len(q) <= maxAlignRunes
	if len(regions) == 0 {
		if !letters || a.runes*len(q) > fullScanCells || len(a.tokens) == 0 {
			return Match{}
		}
		regions = [][2]int{{0, len(a.tokens)}}
	}
	var qw []int32
	best := Match{}
	for _, reg := range regions {
		var ns, ne int
		var sim float64
		// The region's bytes bound its letters.
		regionBytes := int(a.tokens[reg[1]-1].normEnd - a.tokens[reg[0]].normStart)
		switch {
		case letters && len(q)*regionBytes <= alignCells:
			ns, ne, sim = a.alignRunes(q, reg)
		default:
			if qw == nil {
				qw = a.wordIDs(nq, qt)
			}
			if len(qw)*(reg[1]-reg[0]) <= alignCells {
				ns, ne, sim = a.alignWords(qw, reg)
			} else {
				ns, ne, sim = a.alignAnchored(qw, reg)
			}
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
	a.cells.Add(int64(len(q)) * int64(len(t)))
	start, end, dist := align(q, t)
	return base + runeOffset(region, start), base + runeOffset(region, end), similarity(dist, len(q), end-start)
}

// runeOffset is the byte offset in s of its k-th rune, or len(s) past
// the last.
func runeOffset(s string, k int) int {
	for i := range s {
		if k == 0 {
			return i
		}
		k--
	}
	return len(s)
}

// alignWords is alignRunes word by word, for long quotes.
func (a *Archive) alignWords(qw []int32, reg [2]int) (ns, ne int, sim float64) {
	t := a.regionWords(reg)
	a.cells.Add(int64(len(qw)) * int64(len(t)))
	start, end, dist := align(qw, t)
	return a.wordRange(reg, start, end, dist, len(qw))
}

// alignAnchored is alignWords for a quote too long to align in full: a
// first pass, linear in the quote and the region, pins the quote to the
// region where runs of words occur once in each (anchors), and only the
// gaps between anchors are aligned. The alignment it finds is one of
// many, so its distance is never less than the least and may be more: a
// quote far from the text may read as further still, while a close
// quote, whose gaps are small, gets its true similarity or near it.
func (a *Archive) alignAnchored(qw []int32, reg [2]int) (ns, ne int, sim float64) {
	t := a.regionWords(reg)
	cells := 0
	start, end, dist := anchoredAlign(qw, t, &cells)
	a.cells.Add(int64(cells))
	return a.wordRange(reg, start, end, dist, len(qw))
}

// regionWords lists the word ids of the words [reg[0], reg[1]).
func (a *Archive) regionWords(reg [2]int) []int32 {
	t := make([]int32, 0, reg[1]-reg[0])
	for _, tok := range a.tokens[reg[0]:reg[1]] {
		t = append(t, tok.word)
	}
	return t
}

// wordRange turns words [start, end) of a region, aligned with a quote of
// n words at distance dist, into a normalised byte range and similarity.
func (a *Archive) wordRange(reg [2]int, start, end, dist, n int) (ns, ne int, sim float64) {
	if start == end {
		return 0, 0, 0
	}
	return int(a.tokens[reg[0]+start].normStart), int(a.tokens[reg[0]+end-1].normEnd), similarity(dist, n, end-start)
}

// anchoredAlign aligns q with a stretch of t in time linear in both, as
// align does exactly in their product. Runs of anchorWords words that
// occur once in q and once in t are anchors; the longest chain of them in
// the same order in both (found in n log n) pins q to t, each anchor is
// stretched over the equal words after it, and the gaps left between
// are aligned by their edit distance (suggest.Edits) if they are small,
// or else count as changed throughout. cells adds up the gap cells
// aligned, which stay within alignCells.
func anchoredAlign(q, t []int32, cells *int) (start, end, dist int) {
	type gram [anchorWords]int32
	// once maps each run of words to where it is, or -1 if it repeats.
	once := func(s []int32) map[gram]int {
		m := make(map[gram]int, max(len(s)-anchorWords+1, 0))
		for i := 0; i+anchorWords <= len(s); i++ {
			g := gram(s[i : i+anchorWords])
			if _, ok := m[g]; ok {
				m[g] = -1
			} else {
				m[g] = i
			}
		}
		return m
	}
	inQ, inT := once(q), once(t)
	type anchor struct{ i, j int }
	var anchors []anchor
	for i := 0; i+anchorWords <= len(q); i++ {
		g := gram(q[i : i+anchorWords])
		if inQ[g] == i {
			if j, ok := inT[g]; ok && j >= 0 {
				anchors = append(anchors, anchor{i, j})
			}
		}
	}
	// The longest chain of anchors rising in t as they rise in q.
	tails := []int{} // tails[k]: the anchor ending the best chain of k+1
	prev := make([]int, len(anchors))
	for k, an := range anchors {
		n := sort.Search(len(tails), func(x int) bool { return anchors[tails[x]].j >= an.j })
		prev[k] = -1
		if n > 0 {
			prev[k] = tails[n-1]
		}
		if n == len(tails) {
			tails = append(tails, k)
		} else {
			tails[n] = k
		}
	}
	if len(tails) == 0 {
		return 0, 0, len(q) // nothing in common: no passage
	}
	chain := make([]anchor, len(tails))
	for k, x := len(tails)-1, tails[len(tails)-1]; k >= 0; k, x = k-1, prev[x] {
		chain[k] = anchors[x]
	}
	gap := func(x, y []int32) int {
		if n := len(x) * len(y); n <= gapCells && *cells+n <= alignCells {
			*cells += n
			return suggest.Edits(x, y, -1, false)
		}
		return max(len(x), len(y))
	}
	qi, tj := 0, 0
	for k, an := range chain {
		if k > 0 && (an.i < qi || an.j < tj) {
			continue // inside, or across, the stretch matched already
		}
		if k == 0 {
			// The quote's words before the first anchor, against as many
			// of the text's just before it.
			start = max(0, an.j-an.i)
			dist += gap(q[:an.i], t[start:an.j])
		} else {
			dist += gap(q[qi:an.i], t[tj:an.j])
		}
		qi, tj = an.i, an.j
		for qi < len(q) && tj < len(t) && q[qi] == t[tj] {
			qi, tj = qi+1, tj+1
		}
	}
	end = min(len(t), tj+len(q)-qi)
	dist += gap(q[qi:], t[tj:end])
	return start, end, dist
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

// alignDP is align cell by cell: it keeps two rows, and for each cell
// where its best path entered t. Of the cells' predecessors it takes the
// diagonal unless the one above is strictly better, and the one to the
// left only if strictly better still; of the last row's least cells, the
// first. align (myers.go) keeps these choices.
func alignDP[T comparable](q, t []T) (start, end, dist int) {
	last, from := lastRowDP(q, t)
	end = 0
	for j := 1; j <= len(t); j++ {
		if last[j] < last[end] {
			end = j
		}
	}
	return int(from[end]), end, int(last[end])
}

// lastRowDP fills alignDP's table and returns its last row and, for each
// of its cells, where its path entered t.
func lastRowDP[T comparable](q, t []T) (last, lastFrom []int32) {
	n := len(t)
	prev, cur := make([]int32, n+1), make([]int32, n+1)
	prevFrom, curFrom := make([]int32, n+1), make([]int32, n+1)
	for j := range prev {
		prevFrom[j] = int32(j) // entering t at j costs nothing
	}
	for i := 1; i <= len(q); i++ {
		qi := q[i-1]
		// The row in locals: the cell to the left and the one above-left
		// are carried along rather than read back, and the slices are cut
		// to one length so that the loop has no bounds checks.
		p, pf := prev[:n+1], prevFrom[:n+1]
		c, cf := cur[:n+1], curFrom[:n+1]
		left, leftFrom := int32(i), int32(0)
		c[0], cf[0] = left, leftFrom
		diag, diagFrom := p[0], pf[0]
		for j, tj := range t[:n] {
			up, upFrom := p[j+1], pf[j+1]
			d, from := diag, diagFrom
			if qi != tj {
				d++
			}
			if skip := up + 1; skip < d { // a quote letter the text lacks
				d, from = skip, upFrom
			}
			if extra := left + 1; extra < d { // a text letter the quote lacks
				d, from = extra, leftFrom
			}
			c[j+1], cf[j+1] = d, from
			left, leftFrom = d, from
			diag, diagFrom = up, upFrom
		}
		prev, cur = cur, prev
		prevFrom, curFrom = curFrom, prevFrom
	}
	return prev, prevFrom
}
