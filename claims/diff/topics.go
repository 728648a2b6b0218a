package diff

import (
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
)

// TopicChange is a topic whose definition an edit added, removed or
// changed: its question, type, unit, tolerance, choices, changes or zone.
// A tolerance added or changed moves which claims agree, so a reader must
// see it beside the disputes it opened or closed.
type TopicChange struct {
	Kind  ChangeKind
	Topic string
	// Fields are the fields that differ; for an added or removed topic,
	// every field it declares, with Old or New empty.
	Fields []FieldChange
}

// topicFields are a topic's declared fields as text, in LEDGER.md's
// order, each "" when not given. A type worked out from the values is
// not the topic's definition, and is left out.
func topicFields(t *claims.Topic) [][2]string {
	typ := string(t.Spec.Type)
	if t.Inferred {
		typ = ""
	}
	tol := ""
	if t.Spec.Tolerance.Abs != 0 || t.Spec.Tolerance.Rel != 0 {
		tol = t.Spec.Tolerance.String()
	}
	var choices []string
	for _, c := range t.Spec.Choices {
		s := c.Name
		if len(c.Aliases) > 0 {
			s += " (" + strings.Join(c.Aliases, ", ") + ")"
		}
		choices = append(choices, s)
	}
	changes := ""
	if t.Changes {
		changes = "true"
	}
	zone := ""
	if t.Spec.Zone != nil {
		zone = t.Spec.Zone.String()
	}
	return [][2]string{{"question", t.Question}, {"type", typ}, {"unit", t.Spec.Unit}, {"tolerance", tol},
		{"choices", strings.Join(choices, ", ")}, {"changes", changes}, {"zone", zone}}
}

// diffTopics compares the topics the two ledgers declare (a topic only
// claims name has no definition to change), in the new ledger's order,
// removed ones last.
func diffTopics(before, after *claims.Ledger) []TopicChange {
	declared := func(l *claims.Ledger, id string) *claims.Topic {
		if t := l.Topics[id]; t != nil && t.Declared {
			return t
		}
		return nil
	}
	var out, removed []TopicChange
	for _, id := range after.TopicOrder {
		n := declared(after, id)
		if n == nil {
			continue
		}
		o := declared(before, id)
		ch := TopicChange{Kind: Changed, Topic: id}
		nf := topicFields(n)
		for i, f := range nf {
			old := ""
			if o != nil {
				old = topicFields(o)[i][1]
			}
			if old != f[1] {
				ch.Fields = append(ch.Fields, FieldChange{Field: f[0], Old: old, New: f[1]})
			}
		}
		if o == nil {
			ch.Kind = Added
		}
		if len(ch.Fields) > 0 || o == nil {
			out = append(out, ch)
		}
	}
	for _, id := range before.TopicOrder {
		if o := declared(before, id); o != nil && declared(after, id) == nil {
			ch := TopicChange{Kind: Removed, Topic: id}
			for _, f := range topicFields(o) {
				if f[1] != "" {
					ch.Fields = append(ch.Fields, FieldChange{Field: f[0], Old: f[1]})
				}
			}
			removed = append(removed, ch)
		}
	}
	return append(out, removed...)
}

// String is one line: "tolerance: (none) → 1%".
func (f FieldChange) String() string {
	show := func(s string) string {
		if s == "" {
			return "(none)"
		}
		return s
	}
	return fmt.Sprintf("%s: %s → %s", f.Field, show(f.Old), show(f.New))
}
