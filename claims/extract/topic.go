package extract

import (
	"strings"
	"unicode"

	"github.com/claimdiff/claimdiff/claims/value"
)

// stop are words too common to tell topics apart.
var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be been by did do does for from had has have how in into is it its
		of on or said says that the their there this to was were what when which who whom why will with would
		than more less about around up at least over some many much after before new who's each day`) {
		stop[w] = true
	}
}

// contentWords lowers s and splits it into its words that are not stop
// words, with a plural's s cut so that "deaths" meets "death".
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if canonicalWord(w) == "" {
			continue
		}
		out[canonicalWord(w)] = true
	}
	return out
}

// synonyms fold the words news uses for the same count onto one, so that
// "killed" meets a topic that asks how many "died".
var synonyms = map[string]string{
	"dead": "death", "died": "death", "die": "death", "killed": "death", "killing": "death",
	"kill": "death", "toll": "death", "fatality": "death", "fatalitie": "death", "body": "death", "bodie": "death", "perished": "death",
	"injured": "injury", "injurie": "injury", "wounded": "injury", "hurt": "injury",
	"person": "people", "attendance": "crowd", "attendee": "crowd", "attended": "crowd", "turnout": "crowd",
	"story": "storey", "storied": "storey", "floor": "storey",
	"rescued": "rescue", "saved": "rescue",
}

// canonicalWord is a word's stem and synonym: the form topics and
// sentences are compared in; "" for a stop word or a short one.
func canonicalWord(w string) string {
	w = strings.ToLower(w)
	if len(w) < 3 || stop[w] {
		return ""
	}
	if s, ok := synonyms[w]; ok {
		return s
	}
	w = stem(w)
	if s, ok := synonyms[w]; ok {
		return s
	}
	return w
}

func stem(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// nearestTopic picks the topic whose id, question and unit share the most
// words with the sentence, each word weighed by how near the figure it is:
// the words right after a figure name what it counts ("769 killed, 934
// injured"), and a word past another figure belongs to that one. Only
// topics whose type can hold the value compete. It returns "" when no
// topic shares a word.
func nearestTopic(sentence string, at span, kind Kind, others []span, topics []Topic) string {
	weights := weighWords(sentence, at, others)
	pct := strings.Contains(sentence[at.start:at.end], "%") || strings.Contains(strings.ToLower(sentence[at.start:at.end]), "cent")
	money := strings.Contains(sentence[at.start:at.end], "$")
	best, bestScore := "", 0
	for _, t := range topics {
		if !t.holds(kind) {
			continue
		}
		score := 0
		for w := range contentWords(strings.NewReplacer(".", " ", "-", " ", "_", " ").Replace(t.ID) + " " + t.Question + " " + t.Unit) {
			score += weights[w]
		}
		if score == 0 {
			continue
		}
		// A percentage or an amount of money fits its own type best.
		if kind == Figure && (pct == (t.Type == value.Percent)) && (money == (t.Type == value.Money)) {
			score += 2
		}
		if score > bestScore {
			best, bestScore = t.ID, score
		}
	}
	return best
}

// weighWords gives each content word of the sentence its weight for the
// figure at: 4 just after it, 3 within three words, 2 within eight, 1
// further or past another figure; a word met twice keeps its best.
func weighWords(s string, at span, others []span) map[string]int {
	out := map[string]int{}
	type word struct {
		w          string
		start, end int
	}
	var ws []word
	in := -1
	for i, r := range s + " " {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case letter && in < 0:
			in = i
		case !letter && in >= 0:
			ws = append(ws, word{strings.ToLower(s[in:i]), in, i})
			in = -1
		}
	}
	// fi and fj bound the figure in words: the first word at or after it
	// starts and the first word after it ends.
	fi, fj := len(ws), len(ws)
	for k, w := range ws {
		if w.end > at.start && fi == len(ws) {
			fi = k
		}
		if w.start >= at.end {
			fj = k
			break
		}
	}
	between := func(a, b int) bool {
		for _, o := range others {
			if o != at && o.start >= a && o.end <= b {
				return true
			}
		}
		return false
	}
	for k, w := range ws {
		if k >= fi && k < fj {
			continue
		}
		key := canonicalWord(w.w)
		if key == "" {
			continue
		}
		var d, weight int
		var past bool
		if k < fi {
			d = fi - k
			past = between(w.end, at.start)
		} else {
			d = k - fj + 1
			past = between(at.end, w.start)
		}
		switch {
		case past:
			weight = 1
		case k >= fj && d <= 2:
			weight = 4
		case d <= 3:
			weight = 3
		case d <= 8:
			weight = 2
		default:
			weight = 1
		}
		if weight > out[key] {
			out[key] = weight
		}
	}
	return out
}

// suggestID makes a topic id from the content words after the figure
// ("340 people died" gives "new.people-died"), or before it when nothing
// follows.
func suggestID(sentence string, at span) string {
	var ws []string
	for _, w := range strings.FieldsFunc(strings.ToLower(sentence[at.end:]), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 3 && !stop[w] {
			ws = append(ws, w)
		}
		if len(ws) == 2 {
			break
		}
	}
	if len(ws) == 0 {
		return "new.figure"
	}
	return "new." + strings.Join(ws, "-")
}
