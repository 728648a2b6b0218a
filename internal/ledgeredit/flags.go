// Package ledgeredit is what the commands that change a ledger's files
// (add, edit) work out before they write: add's flags read and checked
// against the ledger into ledgerfile.Additions (Flags, ParseSource,
// ParseTopic), the Plan of each file's new text and its careful write,
// the warnings a change brought (NewWarnings), and the problems edit
// puts on top of the text it hands the editor (WithProblems). Errors
// in what was typed are cli usage errors, with a hint of what to type.
package ledgeredit

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/internal/cli"
)

// Flags are add's flags that say what to add: the claim, the sources
// that also said it (--also), and the sources and topic to define.
type Flags struct {
	Topic, Value, Source string
	Via                  []string
	Date, AsOf           string
	Quote, Note, ID      string
	Context              []string // key=value
	Denies               bool
	Also                 []string // SOURCE[:VIA,VIA]
	NewSources           []string // id=...,name=...,kind=...
	// NewTopic holds the topic's fields (type=number,unit=...) when
	// NewTopicSet; the flag may be given alone.
	NewTopic    string
	NewTopicSet bool
}

// Additions turns the flags into what to add, checking every id against
// the ledger.
func (o *Flags) Additions(l *claims.Ledger) (ledgerfile.Additions, error) {
	var a ledgerfile.Additions
	var missing []string
	for _, f := range []struct{ name, v string }{{"--topic", o.Topic}, {"--value", o.Value}, {"--source", o.Source}} {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return a, cli.UsageHint("add needs "+andList(missing),
			"claimdiff add --topic TOPIC --value VALUE --source SOURCE [--date YYYY-MM-DD]; on a terminal add asks for what is missing")
	}
	for _, s := range []string{o.Topic, o.Value, o.Source, o.Date, o.AsOf, o.Quote, o.Note, o.ID} {
		if !utf8.ValidString(s) {
			return a, cli.Usagef("flags must be UTF-8 text")
		}
	}
	for _, d := range []struct{ name, v string }{{"--date", o.Date}, {"--as-of", o.AsOf}} {
		if d.v != "" && !claims.IsDate(d.v) {
			return a, cli.Usagef("%s must be %s, not %q", d.name, claims.DateForms, d.v)
		}
	}
	if o.ID != "" && !ids.Valid(o.ID) {
		return a, cli.Usagef("--id %q %s", o.ID, ids.Rule)
	}
	var ctx [][2]string
	for _, kv := range o.Context {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return a, cli.Usagef("--context must be KEY=VALUE, not %q", kv)
		}
		ctx = append(ctx, [2]string{k, v})
	}

	// Sources and the topic to define, before anything is looked up.
	defined := map[string]bool{}
	for _, spec := range o.NewSources {
		s, err := ParseSource(spec)
		if err != nil {
			return a, err
		}
		if old := l.Sources.Get(s.ID); old != nil {
			return a, cli.Usagef("--new-source %s: source %q is already defined at %s", s.ID, s.ID, old.Pos)
		}
		if defined[s.ID] {
			return a, cli.Usagef("--new-source %s is given twice", s.ID)
		}
		defined[s.ID] = true
		a.Sources = append(a.Sources, s)
	}
	if o.NewTopicSet {
		t, err := ParseTopic(o.Topic, o.NewTopic)
		if err != nil {
			return a, err
		}
		if old := l.Topics[o.Topic]; old != nil {
			where := "in the ledger"
			if old.Declared {
				where = "at " + old.Pos.String()
			}
			return a, cli.Usagef("--new-topic: topic %q is already %s", o.Topic, where)
		}
		a.Topics = append(a.Topics, t)
	} else if l.Topics[o.Topic] == nil {
		return a, unknownTopic(l, o.Topic)
	}

	known := func(id string) error {
		if l.Sources.Get(id) != nil || defined[id] {
			return nil
		}
		return unknownSource(l, id)
	}
	first := ledgerfile.Claim{ID: o.ID, Topic: o.Topic, Value: o.Value, Denies: o.Denies, Source: o.Source,
		Via: o.Via, Date: o.Date, AsOf: o.AsOf, Context: ctx, Quote: o.Quote, Note: o.Note}
	a.Claims = append(a.Claims, first)
	for _, also := range o.Also {
		src, via, _ := strings.Cut(also, ":")
		c := first
		c.Source, c.Via, c.Quote, c.Note, c.ID = src, nil, "", "", ""
		if via != "" {
			c.Via = strings.Split(via, ",")
		}
		if prefix := o.Source + "/"; strings.HasPrefix(o.ID, prefix) {
			c.ID = src + "/" + strings.TrimPrefix(o.ID, prefix)
		}
		a.Claims = append(a.Claims, c)
	}
	taken := map[string]bool{}
	for _, c := range a.Claims {
		if c.Source == "" {
			return a, cli.Usagef("--also needs a source id, as in --also reuters or --also reuters:ap")
		}
		for _, id := range append([]string{c.Source}, c.Via...) {
			if err := known(id); err != nil {
				return a, err
			}
		}
		if c.ID != "" {
			if taken[c.ID] || slices.ContainsFunc(l.Claims, func(x claims.Claim) bool { return x.ID == c.ID }) {
				return a, cli.Usagef("claim id %q is already used; choose another --id", c.ID)
			}
			taken[c.ID] = true
		}
	}
	return a, nil
}
