package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/safetext"
	"github.com/claimdiff/claimdiff/internal/suggest"
	"github.com/claimdiff/claimdiff/sources"
)

// The flags of add that carry several fields in one (--new-source,
// --new-topic), and the errors that say what to type instead.

// andList is "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// usageHint is a usage error whose hint stands on its own line.
func usageHint(msg, hint string) error {
	return cli.Usagef("%s\n  hint: %s", msg, hint)
}

func unknownTopic(l *claims.Ledger, id string) error {
	hint := "define it with --new-topic (--new-topic=type=number,unit=people to say how values compare)"
	if near := suggest.Nearest(id, l.TopicOrder, 3); near != "" {
		hint = fmt.Sprintf("did you mean %q? To define a new topic, add --new-topic", near)
	}
	return usageHint(fmt.Sprintf("topic %q is not in the ledger", safetext.Line(id)), hint)
}

func unknownSource(l *claims.Ledger, id string) error {
	hint := fmt.Sprintf("define it with --new-source id=%s,name=NAME,kind=KIND (kind: %s)", id, kindList())
	var all []string
	for _, s := range l.Sources.All() {
		all = append(all, s.ID)
	}
	if near := suggest.Nearest(id, all, 3); near != "" {
		hint = fmt.Sprintf("did you mean %q? To define a new source, add --new-source id=%s,name=NAME,kind=KIND", near, id)
	}
	return usageHint(fmt.Sprintf("source %q is not in the ledger", safetext.Line(id)), hint)
}

func kindList() string {
	names := make([]string, len(sources.Kinds))
	for i, k := range sources.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// parsePairs reads key=value,key=value. A comma belongs to the value
// unless a known key and "=" follow it, so "name=Reuters, London" reads.
func parsePairs(flag, spec string, keys []string) ([][2]string, error) {
	var out [][2]string
	for _, part := range strings.Split(spec, ",") {
		k, v, ok := strings.Cut(part, "=")
		if ok && slices.Contains(keys, strings.TrimSpace(k)) {
			out = append(out, [2]string{strings.TrimSpace(k), v})
			continue
		}
		if len(out) == 0 {
			return nil, cli.Usagef("%s: %q is not KEY=VALUE with KEY one of %s", flag, part, strings.Join(keys, ", "))
		}
		out[len(out)-1][1] += "," + part
	}
	return out, nil
}

func parseNewSource(spec string) (ledgerfile.Source, error) {
	var s ledgerfile.Source
	pairs, err := parsePairs("--new-source", spec, []string{"id", "name", "kind", "url", "published", "via"})
	if err != nil {
		return s, err
	}
	for _, p := range pairs {
		switch p[0] {
		case "id":
			s.ID = p[1]
		case "name":
			s.Name = p[1]
		case "kind":
			s.Kind = p[1]
		case "url":
			s.URL = p[1]
		case "published":
			s.Published = p[1]
		case "via":
			s.Via = append(s.Via, p[1])
		}
	}
	switch {
	case s.ID == "":
		return s, usageHint("--new-source needs id=", "--new-source id=reuters,name=Reuters,kind=wire")
	case !ids.Valid(s.ID):
		return s, cli.Usagef("--new-source: source id %q %s", s.ID, ids.Rule)
	case s.Kind == "":
		return s, usageHint(fmt.Sprintf("--new-source %s needs kind=", s.ID), "kind is one of "+kindList())
	}
	if _, ok := sources.ParseKind(s.Kind); !ok {
		return s, cli.Usagef("--new-source %s: kind %q is not one of %s", s.ID, s.Kind, kindList())
	}
	if s.Published != "" && !claims.IsDate(s.Published) {
		return s, cli.Usagef("--new-source %s: published must be a date YYYY-MM-DD, not %q", s.ID, s.Published)
	}
	return s, nil
}

func parseNewTopic(id, spec string) (ledgerfile.Topic, error) {
	t := ledgerfile.Topic{ID: id}
	if !ids.Valid(id) {
		return t, cli.Usagef("--new-topic: topic id %q %s", id, ids.Rule)
	}
	if spec == newTopicAlone || spec == "" {
		return t, nil
	}
	pairs, err := parsePairs("--new-topic", spec, []string{"type", "unit", "tolerance", "question", "choices", "changes"})
	if err != nil {
		return t, err
	}
	for _, p := range pairs {
		switch p[0] {
		case "type":
			if _, ok := value.ParseType(p[1]); !ok {
				names := make([]string, len(value.Types))
				for i, ty := range value.Types {
					names[i] = string(ty)
				}
				return t, cli.Usagef("--new-topic: type %q is not one of %s", p[1], strings.Join(names, ", "))
			}
			t.Type = p[1]
		case "unit":
			t.Unit = p[1]
		case "tolerance":
			if _, err := value.ParseTolerance(p[1]); err != nil {
				return t, cli.Usagef("--new-topic: %v", err)
			}
			t.Tolerance = p[1]
		case "question":
			t.Question = p[1]
		case "choices":
			t.Choices = strings.Split(p[1], "|")
		case "changes":
			t.Changes = p[1] == "true" || p[1] == "yes"
		}
	}
	return t, nil
}
