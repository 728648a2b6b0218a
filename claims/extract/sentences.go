package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range of the text.
type span struct{ start, end int }

// abbreviations end with a full stop that does not end a sentence; a
// toll "in Sept. 2013" or "Mr. Rahman said" must stay whole.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true,
	"col": true, "lt": true, "sgt": true, "capt": true, "gov": true, "sen": true,
	"rep": true, "prof": true, "jr": true, "sr": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "approx": true, "est": true,
	"u.s": true, "u.k": true, "u.n": true, "a.m": true, "p.m": true, "e.g": true, "i.e": true,
}

// sentences splits text into sentences, each trimmed of white space. A
// line break always ends one: archived texts keep one paragraph, heading
// or caption a line, and a heading has no full stop.
func sentences(text string) []span {
	var out []span
	add := func(s, e int) {
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if e > s {
			out = append(out, span{s, e})
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			add(start, i)
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Closing quotes and brackets belong to the sentence they end.
		j := i + 1
		for j < len(text) && strings.IndexByte(`"')]`, text[j]) >= 0 {
			j++
		}
		if j < len(text) && strings.HasPrefix(text[j:], "\u201d") {
			j += len("\u201d")
		}
		if j < len(text) && text[j] != ' ' && text[j] != '\t' {
			continue // "1.5", "U.S.-led", or the end of a line handled above
		}
		if c == '.' && (abbreviated(text[start:i]) || numbered(text[start:i], text[j:])) {
			continue
		}
		add(start, j)
		start = j
		i = j - 1
	}
	add(start, len(text))
	return out
}

// abbreviated reports whether before ends in an abbreviation or an
// initial, whose full stop does not end the sentence.
func abbreviated(before string) bool {
	k := len(before)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= n
	}
	w := strings.ToLower(before[k:])
	if w == "" {
		return false
	}
	if abbreviations[w] {
		return true
	}
	// A single capital is an initial ("John F. Kennedy").
	r, n := utf8.DecodeRuneInString(before[k:])
	return n == len(before)-k && unicode.IsUpper(r)
}

// numbered reports whether a full stop is No.'s, as in "No. 9": a "no."
// before anything but a number ends a sentence.
func numbered(before, after string) bool {
	after = strings.TrimLeft(after, " \t")
	return len(before) >= 2 && strings.EqualFold(before[len(before)-2:], "no") &&
		(len(before) == 2 || !unicode.IsLetter(rune(before[len(before)-3]))) &&
		after != "" && after[0] >= '0' && after[0] <= '9'
}

// chunks cuts a sentence longer than max bytes at spaces into pieces of at
// most max (a word longer than max is cut where it must be): a text with
// no full stops (a table, a feed dumped as one line) must not make one
// sentence whose every figure weighs every word of it.
func chunks(text string, sp span, max int) []span {
	var out []span
	for sp.end-sp.start > max {
		cut := sp.start + max
		for !utf8.RuneStart(text[cut]) {
			cut--
		}
		if i := strings.LastIndexByte(text[sp.start:cut], ' '); i > 0 {
			cut = sp.start + i
		}
		out = append(out, span{sp.start, cut})
		sp.start = cut
		for sp.start < sp.end && text[sp.start] == ' ' {
			sp.start++
		}
	}
	if sp.end > sp.start {
		out = append(out, sp)
	}
	return out
}
