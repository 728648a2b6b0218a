package sources

import (
	"index/suffixarray"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Archive is an archived text prepared for many quote lookups: it is
// normalised and its words indexed once, so that each lookup costs about
// the quote's length, not the text's.
type Archive struct {
	text   string // as archived
	norm   string // Normalize(text)
	tokens []token
	// words numbers each distinct word; postings lists, per word, the
	// tokens where it occurs, in text order.
	words    map[string]int32
	postings [][]int32
	runes    int // length of norm in runes
	// suffixes indexes norm for exact lookups that the word index cannot
	// answer cheaply; it is built on the first such lookup.
	suffixes     *suffixarray.Index
	suffixesOnce sync.Once
	// cells counts the alignment work done, for tests that bound it.
	cells atomic.Int64
	// found remembers each quote's match: claims that share a quote,
	// through an alias or a copy, cost one lookup.
	mu    sync.Mutex
	found map[string]Match
}

// token is one word of the normalised text: a run of letters, digits and
// marks. It doubles as a checkpoint for mapping the normalised text back
// to the original, because normalisation restarts cleanly at a word.
type token struct {
	normStart, normEnd int32
	origStart          int32
	word               int32
}

// maxArchiveBytes keeps offsets within int32, which halves the index.
// Texts are read through OpenText, whose limit is far lower.
const maxArchiveBytes = 1 << 30

// Match is the outcome of looking a quote up in an archived text.
type Match struct {
	// Exact is set when the quote appears in the text, up to Normalize.
	Exact bool
	// Similarity is 1 for an exact match; otherwise how close the closest
	// passage is, from 0 to 1 (one minus the edit distance over the
	// longer length).
	Similarity float64
	// Passage is the closest passage as the original text writes it,
	// about as long as the quote; empty when nothing is close.
	Passage string
}

// NewArchive prepares text for lookups.
func NewArchive(text string) *Archive {
	if len(text) > maxArchiveBytes {
		cut := maxArchiveBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	a := &Archive{text: text, words: map[string]int32{}}
	var f folder
	norm := make([]byte, 0, len(text))
	inWord := false
	for i, r := range text {
		before := len(norm)
		spaced := f.pending && class(r) == visible
		norm = f.fold(norm, r)
		if len(norm) == before {
			continue // dropped, or white space not yet written
		}
		if !isWordRune(r) {
			inWord = false
			continue
		}
		if !inWord || spaced {
			start := before
			if spaced {
				start++ // the space belongs between words
			}
			a.tokens = append(a.tokens, token{normStart: int32(start), origStart: int32(i)})
			inWord = true
		}
		a.tokens[len(a.tokens)-1].normEnd = int32(len(norm))
	}
	a.norm = string(norm)
	a.runes = utf8.RuneCountInString(a.norm)
	for k := range a.tokens {
		t := &a.tokens[k]
		w := a.norm[t.normStart:t.normEnd]
		id, ok := a.words[w]
		if !ok {
			id = int32(len(a.postings))
			a.words[w] = id
			a.postings = append(a.postings, nil)
		}
		t.word = id
		a.postings[id] = append(a.postings[id], int32(k))
	}
	return a
}

// Find looks quote up: exactly first, then for the closest passage.
func (a *Archive) Find(quote string) Match {
	if a == nil {
		return Match{}
	}
	nq := Normalize(quote)
	if nq == "" {
		return Match{}
	}
	a.mu.Lock()
	m, ok := a.found[nq]
	a.mu.Unlock()
	if ok {
		return m
	}
	qt := words(nq)
	if p := a.exact(nq, qt); p >= 0 {
		m = Match{Exact: true, Similarity: 1, Passage: a.original(p, p+len(nq))}
	} else {
		m = a.closest(nq, qt)
	}
	a.mu.Lock()
	if a.found == nil {
		a.found = map[string]Match{}
	}
	a.found[nq] = m
	a.mu.Unlock()
	return m
}

// exact returns where nq occurs in the normalised text, or -1. A word of
// the quote with text on both sides must be a whole word of the text
// wherever the quote occurs, so the rarest such word's postings give every
// possible place. A quote without one (one or two words) is searched
// plainly.
func (a *Archive) exact(nq string, qt []span) int {
	best, bestPost := -1, []int32(nil)
	for i, w := range qt {
		if w.start == 0 || w.end == len(nq) {
			continue // may be part of a longer word in the text
		}
		id, ok := a.words[nq[w.start:w.end]]
		if !ok {
			return -1 // a whole word of the quote is nowhere in the text
		}
		if best < 0 || len(a.postings[id]) < len(bestPost) {
			best, bestPost = i, a.postings[id]
		}
	}
	if best < 0 {
		// One or two words, perhaps long ones: searched plainly only in a
		// short text, since each plain search costs the text's length.
		if len(nq) <= 64 && len(a.norm) <= plainSearchBytes {
			return strings.Index(a.norm, nq)
		}
		return a.lookup(nq)
	}
	if len(bestPost)*len(nq) > plainSearchBytes {
		// Even the rarest inner word is common and the quote long ("the
		// the the ..." in a text of "the"): comparing at every place
		// would cost their product.
		return a.lookup(nq)
	}
	for _, k := range bestPost {
		p := int(a.tokens[k].normStart) - qt[best].start
		if p >= 0 && p+len(nq) <= len(a.norm) && a.norm[p:p+len(nq)] == nq {
			return p
		}
	}
	return -1
}

// plainSearchBytes bounds the bytes an exact lookup compares directly
// before it turns to the suffix array.
const plainSearchBytes = 1 << 20

// lookup finds nq in the normalised text through a suffix array, in time
// near the quote's length whatever the text holds. The place it gives is
// one of the quote's places, not always the first.
func (a *Archive) lookup(nq string) int {
	a.suffixesOnce.Do(func() { a.suffixes = suffixarray.New([]byte(a.norm)) })
	if at := a.suffixes.Lookup([]byte(nq), 1); len(at) > 0 {
		return at[0]
	}
	return -1
}

// span is a word's byte range in a normalised string.
type span struct{ start, end int }

// words splits a normalised string into words the way NewArchive does.
func words(s string) []span {
	var ws []span
	in := false
	for i, r := range s {
		switch {
		case isWordRune(r) && !in:
			ws = append(ws, span{start: i})
			in = true
			fallthrough
		case isWordRune(r):
			ws[len(ws)-1].end = i + utf8.RuneLen(r)
		default:
			in = false
		}
	}
	return ws
}

// original returns the original text that produced the normalised bytes
// [ns, ne), which must start and end on runes that are not white space.
func (a *Archive) original(ns, ne int) string {
	if ns >= ne {
		return ""
	}
	// Restart normalisation at the last word that begins at or before ns.
	k := sort.Search(len(a.tokens), func(k int) bool { return int(a.tokens[k].normStart) > ns }) - 1
	var f folder
	pos, i := 0, 0
	if k >= 0 {
		pos, i = int(a.tokens[k].normStart), int(a.tokens[k].origStart)
		f.started = true
	}
	from, to := -1, len(a.text)
	var buf [16]byte
	for i < len(a.text) {
		r, size := utf8.DecodeRuneInString(a.text[i:])
		n := len(f.fold(buf[:0], r))
		if n > 0 {
			if from < 0 && ns < pos+n {
				from = i
			}
			if ne <= pos+n {
				to = i + size
				break
			}
		}
		pos += n
		i += size
	}
	if from < 0 {
		return ""
	}
	return strings.TrimSpace(a.text[from:to])
}

// wordAt returns the index of the word containing normalised offset x
// (start inclusive, end exclusive), or -1.
func (a *Archive) wordAt(x int) int {
	k := sort.Search(len(a.tokens), func(k int) bool { return int(a.tokens[k].normStart) > x }) - 1
	if k >= 0 && x < int(a.tokens[k].normEnd) {
		return k
	}
	return -1
}
