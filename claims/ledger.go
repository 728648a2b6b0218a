// Package claims is the ledger and its engine: the claims, topics and
// editorial statuses a desk keeps, and how claims are compared to find
// disputes, positions and independent support. It reads no files: loading
// is claims/load's job, and output is the writers' in internal/.
package claims

import (
	"slices"

	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/sources"
)

// Ledger is every file of a ledger merged into one.
type Ledger struct {
	// Title is the first file's title; Titles every distinct one, in
	// file order, for a directory that holds several stories.
	Title  string
	Titles []string
	// Desk is who keeps the ledger (desk:), the author of what is
	// published from it; empty when no file names one.
	Desk    Desk
	Files   []string
	Sources *sources.Registry
	Topics  map[string]*Topic
	// TopicOrder lists topic ids in the order they were first seen, so
	// output follows the ledger rather than a hash.
	TopicOrder []string
	Claims     []Claim
	Statuses   map[string]*Status
	// Scoped holds, by topic, the desk's entries scoped to one context or
	// moment (context:, as_of:), which a topic may have several of, in the
	// order written; AddDecision adds them, so that scoped indexes them.
	Scoped map[string][]*Status
	scoped map[scope]int // place in Scoped[topic]
	// Example is set when the ledger is the built-in example.
	Example bool
	// Problems are what loading found: errors make the ledger unusable for
	// anything but lint; warnings are advice.
	Problems []diag.Problem
}

// Desk is the newsroom or fact-checker that keeps a ledger.
type Desk struct {
	Name string
	URL  string
}

// Topic is what claims are about, and how their values compare.
type Topic struct {
	ID       string
	Question string
	Spec     value.Spec
	// Changes marks a topic whose true value moves over time, so only
	// claims about the same moment are compared.
	Changes bool
	// Declared is false for topics that claims use without a topics: entry.
	Declared bool
	// Inferred is true when the type was worked out from the values.
	Inferred bool
	// Pattern is the topics: pattern, such as "*.actual-departure", that
	// typed a topic no entry defines itself.
	Pattern string
	Pos     diag.Pos
	// index is the topic's place in TopicOrder, set by Ledger.AddTopic;
	// claims sort by it, which is cheaper than comparing ids.
	index int
}

// Index is the topic's place in its ledger's TopicOrder.
func (t *Topic) Index() int { return t.index }

// Claim is one atomic statement: Topic has Value, according to Source.
// It is kept compact, with no YAML nodes, so a million of them fit in memory.
type Claim struct {
	ID     string
	Topic  string
	Value  value.Value
	Source string
	Via    []string
	// Date is when the source said it and AsOf the moment it is about, both
	// YYYY-MM-DD (AsOf may carry a time); empty when not given.
	Date, AsOf string
	Quote      string
	// Context is the canonical "key=value; key=value" form of the claim's
	// qualifiers, so claims in different contexts are never compared.
	Context string
	Note    string
	Pos     diag.Pos
	// TopicRef is the claim's entry in Ledger.Topics, linked once when the
	// ledger is loaded so that a million claims do not each look it up
	// again and again; nil until then.
	TopicRef *Topic
	// ValueAt is where the value is written, in Pos.File.
	ValueAt diag.LineCol
	// Denies sits with the other flag after ValueAt, where both fit in
	// what would otherwise be padding.
	Denies bool
	// DerivedID is true when the id was made from topic and source rather
	// than given, so it may change when the claim does.
	DerivedID bool
	// NoValue marks a claim whose source says it has no value ("N/A",
	// "TBD", a topic's no_value: words): listed and counted, never
	// compared.
	NoValue bool
	// Unread marks a claim with a field that could not be read (its
	// value, a date, denies): it stays for lint to show, but a ledger
	// with one is refused, and --skip-invalid leaves it out whole.
	Unread bool
}

// Unreadable tells the problem codes that, about one claim or row, make
// only that claim unreadable: its value, a date or a field could not be
// read, or it lacks one. Elsewhere (a topic, a dispute) the same codes
// are mistakes in the ledger itself.
func Unreadable(code string) bool {
	switch code {
	case "bad-value", "unit-mismatch", "unknown-choice", "no-value",
		"bad-date", "missing-field", "too-long", "wrong-type":
		return true
	}
	return false
}

// ValuePos is where the claim's value is written, for errors about it.
func (c *Claim) ValuePos() diag.Pos { return c.At(c.ValueAt) }

// At places a line and column in the claim's file.
func (c *Claim) At(lc diag.LineCol) diag.Pos { return lc.At(c.Pos.File) }

// Status is a desk's editorial decision about the dispute on a topic.
type Status struct {
	Topic  string
	Status string // open | acknowledged | resolved | dismissed
	Value  string // with resolved: the settled value
	Reason string
	Until  string // YYYY-MM-DD; an acknowledgement expires after it
	// Context and AsOf scope the decision to the dispute in that context
	// and about that moment; empty means every one. Date is when the desk
	// decided, for the timeline.
	Context, AsOf, Date string
	// URL is the address where the desk published its verdict, the url
	// of the ClaimReviews exported from it.
	URL string
	Pos diag.Pos
}

// covers reports whether the decision applies to the dispute in context
// about moment.
func (s *Status) covers(context, moment string) bool {
	return (s.Context == "" || s.Context == context) && (s.AsOf == "" || s.AsOf == moment)
}

// Statuses an editorial entry may have.
var StatusNames = []string{"open", "acknowledged", "resolved", "dismissed"}

// AddTopic adds t after the ledger's other topics; an id the ledger
// already has is the caller's mistake to report, so it is not checked here.
func (l *Ledger) AddTopic(t *Topic) {
	t.index = len(l.TopicOrder)
	l.Topics[t.ID] = t
	l.TopicOrder = append(l.TopicOrder, t.ID)
}

// Topic returns the topic with id, or nil.
func (l *Ledger) Topic(id string) *Topic { return l.Topics[id] }

// scope is what a scoped decision applies to; "" is any context or moment.
type scope struct{ topic, context, asOf string }

// AddDecision adds s, scoped by its Context or AsOf, to the topic's
// decisions, or returns the decision the topic already has for that
// context and moment.
func (l *Ledger) AddDecision(s *Status) (prev *Status) {
	k := scope{s.Topic, s.Context, s.AsOf}
	if at, ok := l.scoped[k]; ok {
		return l.Scoped[s.Topic][at]
	}
	if l.Scoped == nil {
		l.Scoped = map[string][]*Status{}
	}
	if l.scoped == nil {
		l.scoped = map[scope]int{}
	}
	l.scoped[k] = len(l.Scoped[s.Topic])
	l.Scoped[s.Topic] = append(l.Scoped[s.Topic], s)
	return nil
}

// StatusFor returns the desk's decision on the dispute on topic in context
// about moment: the first entry written whose scope covers it, else the
// topic's unscoped entry, else "open". Settling one moment's typo settles
// nothing else. The entries that can cover it are found by their scope,
// so a topic with many decisions costs as little as one with a few.
func (l *Ledger) StatusFor(topic, context, moment string) *Status {
	first := -1
	for _, k := range [...]scope{{topic, context, moment}, {topic, context, ""}, {topic, "", moment}} {
		if at, ok := l.scoped[k]; ok && (first < 0 || at < first) {
			first = at
		}
	}
	if first >= 0 {
		return l.Scoped[topic][first]
	}
	if s := l.Statuses[topic]; s != nil && s.covers(context, moment) {
		return s
	}
	return &Status{Topic: topic, Status: "open"}
}

// StatusOf returns the editorial status of the dispute on topic, "open"
// when the desk has said nothing.
func (l *Ledger) StatusOf(topic string) *Status {
	if s := l.Statuses[topic]; s != nil {
		return s
	}
	return &Status{Topic: topic, Status: "open"}
}

// Shown is the claim's value as written, marked when it is a denial.
func (c *Claim) Shown() string {
	if c.Denies {
		return "not " + c.Value.Raw
	}
	return c.Value.Raw
}

// SortedFiles returns the ledger's files without duplicates, sorted.
func (l *Ledger) SortedFiles() []string {
	out := slices.Clone(l.Files)
	slices.Sort(out)
	return slices.Compact(out)
}
