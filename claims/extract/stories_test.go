package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/extract"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/sources"
)

// floors hold each story's recall and precision, in percent, a little
// below what extract reaches, so that a change to the rules that loses
// claims fails here. Raise them when the rules improve.
var floors = map[string][2]int{
	"chile-2010-quake-toll":    {90, 30},
	"deepwater-2010-flow-rate": {62, 29},
	"galaxy-note7-recall":      {71, 45},
	"haiti-2010-quake-toll":    {84, 47},
	"hajj-2015-mina-toll":      {93, 38},
	"million-man-march":        {79, 63},
	"rana-plaza":               {82, 49},
	"trump-inauguration-2017":  {68, 57},
}

// TestStoriesRecall measures extract on the stories corpus: recall is the
// share of a story's quoted claims that some proposal makes with the
// claim's value (read by the topic's type) and a quote overlapping the
// claim's; precision the share of proposals that match a claim so.
func TestStoriesRecall(t *testing.T) {
	t.Parallel()
	dirs, err := filepath.Glob("../../testdata/stories/*/claims.yaml")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no stories: %v", err)
	}
	var table []string
	var sumFound, sumClaims, sumGood, sumProps, sumTopical, sumSourced int
	for _, file := range dirs {
		name := filepath.Base(filepath.Dir(file))
		found, quoted, good, props, topical, sourced := measure(t, file)
		sumFound, sumClaims, sumGood, sumProps, sumTopical, sumSourced = sumFound+found, sumClaims+quoted, sumGood+good, sumProps+props, sumTopical+topical, sumSourced+sourced
		recall, precision := percent(found, quoted), percent(good, props)
		table = append(table, fmt.Sprintf("| %s | %d | %d | %d%% | %d | %d%% | %d%% | %d%% |", name, quoted, found, recall, props, precision, percent(topical, found), percent(sourced, found)))
		if f, ok := floors[name]; ok && (recall < f[0] || precision < f[1]) {
			t.Errorf("%s: recall %d%%, precision %d%%; floors are %d%% and %d%%", name, recall, precision, f[0], f[1])
		}
	}
	table = append(table, fmt.Sprintf("| all | %d | %d | %d%% | %d | %d%% | %d%% | %d%% |", sumClaims, sumFound, percent(sumFound, sumClaims), sumProps, percent(sumGood, sumProps), percent(sumTopical, sumFound), percent(sumSourced, sumFound)))
	t.Logf("\n| story | quoted claims | proposed | recall | proposals | precision | right topic | right source |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n%s", strings.Join(table, "\n"))
}

func percent(a, b int) int {
	if b == 0 {
		return 0
	}
	return 100 * a / b
}

type located struct {
	c          *claims.Claim
	start, end int
}

// measure also counts, of the claims proposed, those whose proposal names
// the claim's own topic, and its own origin, which recall does not ask.
func measure(t *testing.T, file string) (found, quoted, good, props, topical, sourced int) {
	l, err := load.Load(load.Paths([]string{file}), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(file)
	matched := map[*claims.Claim]bool{}
	onTopic := map[*claims.Claim]bool{}
	bySource := map[*claims.Claim]bool{}
	for i := range l.Claims {
		if l.Claims[i].Quote != "" {
			quoted++
		}
	}
	for _, s := range l.Sources.All() {
		for _, rel := range s.TextPaths() {
			text, err := sources.OpenText(dir, rel)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			spans := locate(l, text)
			for _, p := range extract.Text(text, extract.Options{Source: s.ID, Ledger: l}) {
				props++
				hit := false
				for _, at := range spans {
					if p.Start < at.end && at.start < p.End && at.c.TopicRef != nil && extract.Same(p.Value, at.c.Value, at.c.TopicRef.Spec) {
						matched[at.c] = true
						onTopic[at.c] = onTopic[at.c] || p.Topic == at.c.Topic
						bySource[at.c] = bySource[at.c] || p.Source == at.c.Source
						if p.Source != at.c.Source && os.Getenv("EXTRACT_MISSES") != "" {
							t.Logf("source %s (speaker %q) for %s: %q", p.Source, p.Speaker, at.c.Source, p.Quote)
						}
						if p.Topic != at.c.Topic && os.Getenv("EXTRACT_MISSES") != "" {
							t.Logf("topic %s for %s: %q", p.Topic, at.c.Topic, p.Quote)
						}
						hit = true
					}
				}
				if hit {
					good++
				}
			}
		}
	}
	if os.Getenv("EXTRACT_MISSES") != "" {
		for i := range l.Claims {
			if c := &l.Claims[i]; c.Quote != "" && !matched[c] {
				t.Logf("miss %s %s %q: %q", filepath.Base(dir), c.Topic, c.Value.Raw, c.Quote)
			}
		}
	}
	for _, ok := range onTopic {
		if ok {
			topical++
		}
	}
	for _, ok := range bySource {
		if ok {
			sourced++
		}
	}
	return len(matched), quoted, good, props, topical, sourced
}

// locate finds where each quoted claim's quote is in text, as check
// --quotes would accept it.
func locate(l *claims.Ledger, text string) []located {
	a := sources.NewArchive(text)
	var out []located
	for i := range l.Claims {
		c := &l.Claims[i]
		if c.Quote == "" {
			continue
		}
		m := a.Find(c.Quote)
		if m.Similarity < 0.8 || m.Passage == "" {
			continue
		}
		if at := strings.Index(text, m.Passage); at >= 0 {
			out = append(out, located{c, at, at + len(m.Passage)})
		}
	}
	return out
}
