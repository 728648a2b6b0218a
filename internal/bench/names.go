package main

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// The book benchmark's own reading of author lists, used to score
// answers against the gold list and, for the "normalised" variant, to
// write each list in one form before claimdiff sees it. A person is
// known by their last name: stores write first names in every way
// (Wm. Arthur, Art, W. A.), but the last name they keep, so two lists
// name the same people when they hold the same last names, as many
// times each.

var (
	parenthesised = regexp.MustCompile(`\([^)]*\)`)
	etAl          = regexp.MustCompile(`(?i)\b(et al\.?|etc\.?|and others|edited by|eds?\.)`)
	andWord       = regexp.MustCompile(`(?i)\s+(and|&)\s+`)
)

// honorifics and suffixes that are nobody's last name.
var notNames = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "phd": true,
	"dr": true, "prof": true, "md": true, "mr": true, "mrs": true, "ms": true}

// people reads an author list as the sorted last names of the people in
// it: "Knuth, Donald E.", "Donald E. Knuth" and "KNUTH, DONALD" are all
// [knuth]; "Scambray, Joel; McClure, Stuart", "Joel Scambray, Stuart
// McClure" and "SCAMBRAY, JOEL MCCLURE, STUART" are all [mcclure
// scambray].
func people(list string) []string {
	s := html.UnescapeString(list)
	s = strings.ReplaceAll(s, "andapos;", "'") // a store's broken entity for '
	s = parenthesised.ReplaceAllString(s, " ")
	s = etAl.ReplaceAllString(s, " ")
	s = andWord.ReplaceAllString(s, ";")
	s = strings.NewReplacer("/", ";", "|", ";").Replace(s)
	var out []string
	for _, part := range strings.Split(s, ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		out = append(out, commaPeople(part)...)
	}
	slices.Sort(out)
	return out
}

// commaPeople reads a list with no other separator than commas. When
// its first part is one word, it is "Last, First": pairs of them
// ("Dann, Wanda P., Cooper, Stephen"), or several run together
// ("Conklin, Wm Arthur White, Gregory B. Cothren, Chuck"), where every
// middle part ends with the next last name. Otherwise each part is
// "First Last".
func commaPeople(s string) []string {
	var parts [][]string
	for _, p := range strings.Split(s, ",") {
		if w := words(p); len(w) > 0 {
			parts = append(parts, w)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	var lasts []string
	if len(parts) == 1 || len(parts[0]) > 1 {
		for _, p := range parts {
			lasts = append(lasts, p[len(p)-1])
		}
		return lasts
	}
	pairs := len(parts)%2 == 0
	for i := 0; i < len(parts); i += 2 {
		pairs = pairs && len(parts[i]) == 1
	}
	if pairs {
		for i := 0; i < len(parts); i += 2 {
			lasts = append(lasts, parts[i][0])
		}
		return lasts
	}
	lasts = append(lasts, parts[0][0])
	for _, p := range parts[1 : len(parts)-1] {
		if len(p) > 1 && !initial(p[len(p)-1]) {
			lasts = append(lasts, p[len(p)-1])
		}
	}
	return lasts
}

// words splits a name into lower-case words of letters, dropping
// honorifics and suffixes.
func words(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		w := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) {
				return unicode.ToLower(r)
			}
			if r == '.' {
				return '.'
			}
			return -1
		}, f)
		bare := strings.ReplaceAll(w, ".", "")
		if bare == "" || notNames[bare] {
			continue
		}
		out = append(out, w)
	}
	// A trailing-dot word is an initial; keep the dot for initial(), and
	// drop it from everything else.
	for i, w := range out {
		if !initial(w) {
			out[i] = strings.ReplaceAll(w, ".", "")
		}
	}
	return out
}

// initial reports whether w is an initial or a run of them: "j.", "j.n.", "e".
func initial(w string) bool {
	bare := strings.ReplaceAll(w, ".", "")
	return len([]rune(bare)) == 1 || strings.Contains(w, ".") && len([]rune(bare)) <= 3
}

// samePeople reports whether two author lists name the same people.
func samePeople(a, b string) bool {
	pa, pb := people(a), people(b)
	return len(pa) > 0 && slices.Equal(pa, pb)
}

// normalisedList writes the people of a list in one form, "knuth" or
// "mcclure; scambray"; "" when it names nobody.
func normalisedList(list string) string {
	return strings.Join(people(list), "; ")
}
