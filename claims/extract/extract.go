// Package extract proposes claims from a source's archived text by rules:
// each sentence that states a figure, a date or a denial gives a proposal
// with the figure as written, the sentence as its quote, who the sentence
// says spoke, and the ledger's nearest topic. No network and no model, so
// the same text always gives the same proposals.
package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/value"
)

// Proposal is one claim proposed from a text.
type Proposal struct {
	Kind Kind
	// Topic is the nearest existing topic, or a suggested new id when
	// NewTopic is set.
	Topic    string
	NewTopic bool
	// Value is the figure as the text writes it, hedge included ("at
	// least 340"); "no" for a denial with no figure.
	Value string
	// Quote is the sentence the value is in, exactly as the text has it.
	Quote string
	// Source is who said it: a ledger source the sentence names, else the
	// text's own source. Via is the text's source when they differ.
	// Speaker is the name the sentence gives when no source matches it.
	Source  string
	Via     []string
	Speaker string
	Date    string
	Denies  bool
	// Claimed is the id of the ledger's claim that already says this:
	// same topic, the same value read by the topic's type, from this
	// source.
	Claimed string
	// Start and End are the quote's byte offsets in the text.
	Start, End int
}

// Options are what a text's proposals are made against.
type Options struct {
	// Source is the id of the source whose text it is. Date is the
	// text's date as the ledger gives it (texts: date), which wins;
	// Published the source's, used when the text has no date line.
	Source, Date, Published string
	// Ledger gives the topics and sources to match, and the claims that
	// mark a proposal as already claimed; nil proposes new topics only.
	Ledger *claims.Ledger
}

// Topic is what topic matching needs of a ledger's topic.
type Topic struct {
	ID, Question, Unit string
	Type               value.Type
}

// Source is what attribution needs of a ledger's source.
type Source struct{ ID, Name string }

func (t Topic) holds(k Kind) bool {
	switch k {
	case Date:
		return t.Type == value.Date || t.Type == value.DateTime
	case Denial:
		return t.Type == value.Bool
	}
	return t.Type.Numeric()
}

// maxSentence caps a sentence, and so a quote: a line with no full stop
// (a table, a run of captions) is cut into pieces at spaces.
const maxSentence = 400

// Text proposes the claims of text. A text whose first line is a URL
// (as archived texts are kept) has that line skipped.
func Text(text string, opts Options) []Proposal {
	skip := 0
	if nl := strings.IndexByte(text, '\n'); nl >= 0 && isURL(text[:nl]) {
		skip = nl + 1
	} else if nl < 0 && isURL(text) {
		return nil
	}
	topics, srcs := ledgerTopics(opts.Ledger), ledgerSources(opts.Ledger)
	dated, line := dateLine(text[skip:])
	if opts.Date == "" {
		opts.Date = cmp.Or(dated, opts.Published)
	}
	var out []Proposal
	var parts []span
	for _, sp := range sentences(text[skip:]) {
		if line.end > 0 && sp.start < line.end && line.start < sp.end {
			continue // the text's own date is no claim
		}
		parts = append(parts, chunks(text, span{sp.start + skip, sp.end + skip}, maxSentence)...)
	}
	for _, sp := range parts {
		s := text[sp.start:sp.end]
		denies := denialRE().MatchString(s)
		figs := figures(s)
		if len(figs) == 0 && denies {
			figs = []figure{{kind: Denial, at: span{0, 0}}}
		}
		who, told := attribution(s)
		for _, f := range figs {
			p := Proposal{Kind: f.kind, Source: opts.Source, Date: opts.Date, Denies: denies && f.kind != Denial}
			p.Value = strings.TrimSpace(s[f.at.start:f.at.end])
			if f.kind == Denial {
				p.Value = "no"
			} else if f.kind == Figure {
				p.Value = lowerHedge(p.Value)
				if hedgeRE().FindString(p.Value) == "" && !strings.HasPrefix(p.Value, "between") {
					p.Value = verbHedge(s[:f.at.start]) + p.Value
				}
			}
			p.Start, p.End = sp.start, sp.end
			p.Quote = s
			p.Source, p.Via, p.Speaker = attribute(who, told, opts.Source, srcs)
			p.Topic = nearestTopic(s, f.at, f.kind, spans(figs), topics)
			if p.Topic == "" {
				p.Topic, p.NewTopic = suggestID(s, f.at), true
			} else {
				p.Claimed = claimed(opts.Ledger, p, opts.Source)
			}
			out = append(out, p)
		}
	}
	return out
}

// Coverage counts a text's proposals and those the ledger already holds.
func Coverage(ps []Proposal) (claimed, total int) {
	for _, p := range ps {
		total++
		if p.Claimed != "" {
			claimed++
		}
	}
	return claimed, total
}

func isURL(line string) bool {
	line = strings.TrimSpace(line)
	return !strings.ContainsAny(line, " \t") && (strings.HasPrefix(line, "http://") || strings.HasPrefix(line, "https://"))
}

func ledgerTopics(l *claims.Ledger) []Topic {
	if l == nil {
		return nil
	}
	var out []Topic
	for _, id := range l.TopicOrder {
		t := l.Topics[id]
		out = append(out, Topic{ID: id, Question: t.Question, Unit: t.Spec.Unit, Type: t.Spec.Type})
	}
	return out
}

func ledgerSources(l *claims.Ledger) []Source {
	if l == nil || l.Sources == nil {
		return nil
	}
	var out []Source
	for _, s := range l.Sources.All() {
		out = append(out, Source{ID: s.ID, Name: s.Name})
	}
	return out
}

// claimed returns the id of a ledger claim that says what p says: the same
// topic, a value the topic's type reads the same, from p's source or
// reaching us through the text's.
func claimed(l *claims.Ledger, p Proposal, textSource string) string {
	t := l.Topics[p.Topic]
	if t == nil {
		return ""
	}
	v, err := value.Parse(p.Value, t.Spec)
	if err != nil {
		return ""
	}
	want := value.Canonical(v)
	for i := range l.Claims {
		c := &l.Claims[i]
		if c.Topic != p.Topic || c.Denies != p.Denies || value.Canonical(c.Value) != want {
			continue
		}
		if c.Source == p.Source || c.Source == textSource || slices.Contains(c.Via, textSource) {
			return c.ID
		}
	}
	return ""
}

// Same reports whether raw, read by spec, is the value v: how a proposal
// is held to a claim.
func Same(raw string, v value.Value, spec value.Spec) bool {
	w, err := value.Parse(raw, spec)
	v.Negated = false // a denial's value is the figure it denies
	return err == nil && value.Canonical(w) == value.Canonical(v)
}

func spans(figs []figure) []span {
	out := make([]span, len(figs))
	for i, f := range figs {
		out[i] = f.at
	}
	return out
}

// lowerHedge writes a hedge that opens a sentence ("At least 12") as a
// ledger writes it, in lower case; the figure itself is kept as written.
func lowerHedge(v string) string {
	h := hedgeRE().FindString(v)
	if h == "" && len(v) > 8 && strings.EqualFold(v[:8], "between ") {
		h = v[:8]
	}
	return strings.ToLower(h) + v[len(h):]
}

// dateLines is how many lines after the URL a text's date line may be:
// below its headline, a byline or a standfirst.
const dateLines = 5

// dateLine finds the text's date line: among its first lines, a short one
// that is mostly a date ("Posted: June 15th, 2010", "Published 17 May
// 2010"). It returns the date as YYYY-MM-DD and the line's span.
func dateLine(text string) (string, span) {
	start := 0
	for n := 0; n < dateLines && start < len(text); n++ {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		if m := dateRE().FindStringIndex(line); m != nil && len(strings.Fields(line)) <= 8 {
			v, err := value.Parse(strings.TrimSpace(line[m[0]:m[1]]), value.Spec{Type: value.Date})
			if c := value.Canonical(v); err == nil && len(c) == len("2006-01-02") {
				return c, span{start, end}
			}
		}
		start = end + 1
	}
	return "", span{}
}

// TypeOf is the type a new topic for p needs: a date's, a yes/no's, or
// the figure's own (a percentage, an amount of money, else a number).
func TypeOf(p Proposal) value.Type {
	switch {
	case p.Kind == Date:
		return value.Date
	case p.Kind == Denial:
		return value.Bool
	case strings.Contains(p.Value, "%") || strings.Contains(strings.ToLower(p.Value), "cent"):
		return value.Percent
	case strings.Contains(p.Value, "$"):
		return value.Money
	}
	return value.Number
}

// attribute turns who a sentence says spoke, and whom they told, into a
// claim's source and via: a speaker the ledger names is the source, and
// the text's source is the last link; "X told Reuters" puts Reuters, when
// the ledger names it, between them, as the via of a wire's copy does. A
// speaker no source matches is returned as a name to show.
func attribute(who, told, textSource string, srcs []Source) (source string, via []string, speaker string) {
	source = textSource
	if who == "" {
		return source, nil, ""
	}
	id := matchSource(who, srcs)
	if id == "" {
		return source, nil, who
	}
	if id == textSource {
		return source, nil, ""
	}
	if t := matchSource(told, srcs); told != "" && t != "" && t != id && t != textSource {
		via = append(via, t)
	}
	return id, append(via, textSource), ""
}
