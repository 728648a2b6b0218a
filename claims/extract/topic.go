package extract

import (
	"sort"
	"strings"
	"unicode"
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
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) < 3 || stop[w] {
			continue
		}
		out[stem(w)] = true
	}
	return out
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
// words with the sentence, counting words within a few of the figure
// twice, since "340 people died" says more about the figure than the rest
// of a long sentence. Only topics whose type can hold the kind of value
// compete. It returns "" when no topic shares a word.
func nearestTopic(sentence string, at span, kind Kind, topics []Topic) string {
	near := contentWords(window(sentence, at, 6))
	all := contentWords(sentence)
	type scored struct {
		id    string
		score int
		order int
	}
	var best []scored
	for i, t := range topics {
		if !t.holds(kind) {
			continue
		}
		score := 0
		for w := range contentWords(strings.NewReplacer(".", " ", "-", " ", "_", " ").Replace(t.ID) + " " + t.Question + " " + t.Unit) {
			if near[w] {
				score += 2
			} else if all[w] {
				score++
			}
		}
		if score > 0 {
			best = append(best, scored{t.ID, score, i})
		}
	}
	if len(best) == 0 {
		return ""
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].score > best[j].score })
	return best[0].id
}

// window is the text of about n words either side of at.
func window(s string, at span, n int) string {
	a, b := at.start, at.end
	for k := 0; k < n && a > 0; k++ {
		a = strings.LastIndexByte(strings.TrimRight(s[:a], " "), ' ') + 1
		if a <= 0 {
			a = 0
			break
		}
		a--
	}
	for k := 0; k < n && b < len(s); k++ {
		i := strings.IndexByte(strings.TrimLeft(s[b:], " "), ' ')
		if i < 0 {
			b = len(s)
			break
		}
		b += len(s[b:]) - len(strings.TrimLeft(s[b:], " ")) + i
	}
	if a < 0 {
		a = 0
	}
	return s[a:b]
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
