package load

import (
	"cmp"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// A merged feed may hold seventeen thousand topics of one kind, such as
// each flight's actual departure. A topics: key with * or ? in it is a
// pattern: it types every topic it matches that no entry defines itself,
// so one line says `changes: true` for all of them.

// isPattern reports whether a topics: key is a pattern.
func isPattern(key string) bool { return strings.ContainsAny(key, "*?") }

// validPattern is ids.Valid for a pattern: its wildcards stand for id
// characters.
func validPattern(key string) bool {
	return ids.Valid(strings.NewReplacer("*", "x", "?", "x").Replace(key))
}

// addPattern keeps a pattern read from topics:, once.
func (b *builder) addPattern(r *reader, t *claims.Topic) {
	for _, p := range b.patterns {
		if p.ID == t.ID {
			r.add(diag.Errorf(t.Pos, "duplicate-id", "topic pattern %q is defined twice (also at %s)", t.ID, p.Pos))
			return
		}
	}
	b.patterns = append(b.patterns, t)
}

// patternFor is the most specific pattern matching a topic id: the one
// with the most characters that are not wildcards, then the fewest *
// (a ? stands for one character, a * for any number), then the first in
// text order; nil when none matches.
func (b *builder) patternFor(id string) *claims.Topic {
	var best *claims.Topic
	for _, p := range b.patterns {
		if !claims.Glob(p.ID, id) {
			continue
		}
		if best == nil || morePrecise(p.ID, best.ID) {
			best = p
		}
	}
	return best
}

func morePrecise(a, b string) bool {
	literal := func(s string) int { return len(s) - strings.Count(s, "*") - strings.Count(s, "?") }
	return cmp.Or(cmp.Compare(literal(a), literal(b)), cmp.Compare(strings.Count(b, "*"), strings.Count(a, "*")), -strings.Compare(a, b)) > 0
}

// topicFromPattern makes the topic a claim names when no entry defines it:
// typed by the most specific pattern that matches, or untyped.
func (b *builder) topicFromPattern(id string, pos diag.Pos) *claims.Topic {
	t := &claims.Topic{ID: id, Pos: pos}
	if p := b.patternFor(id); p != nil {
		t.Spec, t.Changes, t.Question = p.Spec, p.Changes, p.Question
		t.Declared, t.Pattern = true, p.ID
	}
	return t
}
