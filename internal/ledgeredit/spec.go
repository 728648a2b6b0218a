package ledgeredit

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

// TopicAlone is what --new-topic holds when given with no fields,
// which help shows as --new-topic string[="true"].
const TopicAlone = "true"

// andList is "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func unknownTopic(l *claims.Ledger, id string) error {
	hint := "define it with --new-topic (--new-topic=type=number,unit=people to say how values compare)"
	if near := suggest.Nearest(id, l.TopicOrder, 3); near != "" {
		hint = fmt.Sprintf("did you mean %q? To define a new topic, add --new-topic", near)
	}
	return cli.UsageHint(fmt.Sprintf("topic %q is not in the ledger", safetext.Line(id)), hint)
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
	return cli.UsageHint(fmt.Sprintf("source %q is not in the ledger", safetext.Line(id)), hint)
}

func kindList() string {
	names := make([]string, len(sources.Kinds))
	for i, k := range sources.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// sourceKeys are the fields --new-source takes: every field of a source.
// text= may be repeated, and text-url= and text-date= describe the text=
// before them.
var sourceKeys = []string{"id", "name", "kind", "url", "published", "via", "text", "text-url", "text-date",
	"decimal", "date_order", "zone", "no_value", "description"}

// parsePairs reads key=value,key=value. A value in double quotes holds
// anything, commas included ("" is a quote inside it). Unquoted, a comma
// belongs to the value unless a word and "=" follow it, so "name=Reuters,
// London" reads; a word that is not a known key there is an error rather
// than part of the value before it, which would hide a misspelt key.
func parsePairs(flag, spec string, keys []string) ([][2]string, error) {
	var out [][2]string
	rest := spec
	for rest != "" {
		part := rest
		rest = ""
		k, v, hasEq := strings.Cut(part, "=")
		key := strings.TrimSpace(k)
		isKey := hasEq && !strings.Contains(k, ",") && fieldWord(key)
		if isKey && !slices.Contains(keys, key) && len(out) > 0 && strings.HasSuffix(out[len(out)-1][0], "url") {
			isKey = false // a URL's query may hold ",b=2": it stays the URL's
		}
		if !isKey {
			// Not KEY=: up to the next comma belongs to the value before.
			seg, after, comma := strings.Cut(part, ",")
			if len(out) == 0 {
				return nil, cli.UsageHint(fmt.Sprintf("%s: %q is not KEY=VALUE", flag, seg), "KEY is one of "+strings.Join(keys, ", "))
			}
			out[len(out)-1][1] += "," + seg
			rest = after
			if comma && after == "" {
				out[len(out)-1][1] += ","
			}
			continue
		}
		if !slices.Contains(keys, key) {
			hint := "KEY is one of " + strings.Join(keys, ", ") + `; quote a value that holds a comma: name="Reuters, London"`
			if near := suggest.Nearest(key, keys, 3); near != "" {
				hint = fmt.Sprintf("did you mean %s=? %s", near, hint)
			}
			return nil, cli.UsageHint(fmt.Sprintf("%s: %q is not a field", flag, key), hint)
		}
		if strings.HasPrefix(v, `"`) {
			val, after, err := unquote(v)
			if err != nil {
				return nil, cli.UsageHint(fmt.Sprintf("%s: %s=%s", flag, key, err), `write name="Reuters, London", with "" for a quote inside`)
			}
			out = append(out, [2]string{key, val})
			rest = after
			continue
		}
		// An unquoted value runs to the next comma; the loop above adds
		// what follows when it is not a KEY=.
		val, after, comma := strings.Cut(v, ",")
		out = append(out, [2]string{key, val})
		rest = after
		if comma && after == "" {
			out[len(out)-1][1] += ","
		}
	}
	return out, nil
}

// fieldWord is what may name a field: lower-case letters, "_" and "-".
func fieldWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '_' && r != '-' {
			return false
		}
	}
	return true
}

// unquote reads a double-quoted value at the start of v, and returns what
// follows its comma.
func unquote(v string) (val, rest string, err error) {
	var b strings.Builder
	for i := 1; i < len(v); i++ {
		if v[i] != '"' {
			b.WriteByte(v[i])
			continue
		}
		if i+1 < len(v) && v[i+1] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		after := v[i+1:]
		if after != "" && after[0] != ',' {
			return "", "", fmt.Errorf("%s: the closing quote must end the value", v[:i+1])
		}
		return b.String(), strings.TrimPrefix(after, ","), nil
	}
	return "", "", fmt.Errorf("%s has no closing quote", v)
}

// ParseSource reads --new-source's KEY=VALUE list into a source to
// define, checking its id, kind and dates.
func ParseSource(spec string) (ledgerfile.Source, error) {
	var s ledgerfile.Source
	pairs, err := parsePairs("--new-source", spec, sourceKeys)
	if err != nil {
		return s, err
	}
	lastText := func(key string) (*sources.ArchivedText, error) {
		if len(s.Texts) == 0 {
			return nil, cli.UsageHint(fmt.Sprintf("--new-source: %s= comes after the text= it describes", key),
				"--new-source id=ap,name=AP,kind=wire,text=texts/ap-1.txt,text-url=https://apnews.com/...,text-date=2017-10-03")
		}
		return &s.Texts[len(s.Texts)-1], nil
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
		case "text":
			s.Texts = append(s.Texts, sources.ArchivedText{Path: p[1]})
		case "text-url":
			t, err := lastText(p[0])
			if err != nil {
				return s, err
			}
			t.URL = p[1]
		case "text-date":
			t, err := lastText(p[0])
			if err != nil {
				return s, err
			}
			if !claims.IsDate(p[1]) {
				return s, cli.Usagef("--new-source: text-date must be %s, not %q", claims.DateForms, p[1])
			}
			t.Date = p[1]
		case "decimal":
			s.Decimal = p[1]
		case "date_order":
			s.DateOrder = p[1]
		case "zone":
			s.Zone = p[1]
		case "no_value":
			s.NoValue = append(s.NoValue, p[1])
		case "description":
			s.Description = p[1]
		}
	}
	switch {
	case s.ID == "":
		return s, cli.UsageHint("--new-source needs id=", "--new-source id=reuters,name=Reuters,kind=wire")
	case !ids.Valid(s.ID):
		return s, cli.Usagef("--new-source: source id %q %s", s.ID, ids.Rule)
	case s.Kind == "":
		return s, cli.UsageHint(fmt.Sprintf("--new-source %s needs kind=", s.ID), "kind is one of "+kindList())
	}
	if _, ok := sources.ParseKind(s.Kind); !ok {
		return s, cli.Usagef("--new-source %s: kind %q is not one of %s", s.ID, s.Kind, kindList())
	}
	if s.Published != "" && !claims.IsDate(s.Published) {
		return s, cli.Usagef("--new-source %s: published must be %s, not %q", s.ID, claims.DateForms, s.Published)
	}
	return s, nil
}

// ParseTopic reads --new-topic's KEY=VALUE list (or nothing, or
// TopicAlone) into topic id's definition, checking its type and
// tolerance.
func ParseTopic(id, spec string) (ledgerfile.Topic, error) {
	t := ledgerfile.Topic{ID: id}
	if !ids.Valid(id) {
		return t, cli.Usagef("--new-topic: topic id %q %s", id, ids.Rule)
	}
	if spec == TopicAlone || spec == "" {
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
				return t, cli.Usagef("--new-topic: %w", err)
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
