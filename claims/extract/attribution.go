package extract

import (
	"regexp"
	"strings"
	"sync"
)

// verbs is the lexicon of attribution verbs: "X said", "said X".
const verbs = `(?:said|says|say|told|tells|stated|states|reported|reports|estimated|estimates|announced|announces|confirmed|confirms|added|claimed|claims|put|puts|counted|wrote|tweeted|denied|denies|insisted|insists)`

var (
	// A full stop inside a name ("the U.S. Consumer Product Safety
	// Commission") does not end it: within a sentence, a full stop is an
	// abbreviation's, since the sentence split at every other.
	accordingRE = lazyRE(`(?i)\baccording to (?:the )?((?:[^,.;:"()]|\.\s?[^\s,.;:"()]){2,80})`)
	// "police said", "Mr. Rahman told Reuters", "the army estimated".
	saidRE = lazyRE(`((?:[A-Z][\w.'’&-]*\s+){0,5}(?:[A-Z][\w.'’&-]*|police|officials?|authorities|spokes(?:man|woman|person)|ministry|army|government))\s+` + verbs + `\b`)
	// "..., said Habibur Rahman".
	saidByRE = lazyRE(`\b(?:said|told|says)\s+((?:the\s+)?(?:[A-Z][\w.'’&-]*\s*){1,5})`)
	// "the county fire service said", "the owner denied".
	theSaidRE = lazyRE(`\b[Tt]he\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)\s+` + verbs + `\b`)
	toldRE    = lazyRE(`\btold\s+((?:the\s+)?(?:[A-Z][\w.'’&-]*\s*){1,4})`)
)

// attribution is who a sentence says spoke, as the sentence names them,
// and whom they told, when it says; empty when it names nobody.
func attribution(s string) (who, told string) {
	if m := accordingRE().FindStringSubmatch(s); m != nil {
		who = m[1]
	} else if m := saidRE().FindStringSubmatch(s); m != nil {
		who = m[1]
	} else if m := theSaidRE().FindStringSubmatch(s); m != nil {
		who = m[1]
	} else if m := saidByRE().FindStringSubmatch(s); m != nil {
		who = m[1]
	}
	if m := toldRE().FindStringSubmatch(s); m != nil {
		told = m[1]
	}
	who = strings.TrimSpace(who)
	if notSpeaker(who) {
		who = ""
	}
	return who, strings.TrimSpace(told)
}

// notSpeaker reports whether a phrase the patterns took for a speaker is
// a time ("officials on Tuesday said" gives "Tuesday").
func notSpeaker(who string) bool {
	last := who
	if i := strings.LastIndexByte(who, ' '); i >= 0 {
		last = who[i+1:]
	}
	return dayRE().MatchString(last) || dateRE().MatchString(who)
}

var dayRE = lazyRE(`(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|evening|afternoon|week|month|year|` + month + `)$`)

// matchSource finds the source whose id or name shares the most words
// with name; "" when none shares a word worth matching.
func matchSource(name string, srcs []Source) string {
	nw := contentWords(name)
	best, bestScore := "", 0
	for _, s := range srcs {
		score := 0
		sw := contentWords(s.ID + " " + s.Name)
		for w := range nw {
			if sw[w] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = s.ID, score
		}
	}
	return best
}

// lazyRE compiles a pattern the first time it is used: extract's
// patterns cost a millisecond and 700 KB to compile, which every
// claimdiff command would otherwise pay at start-up, extract or not.
func lazyRE(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
