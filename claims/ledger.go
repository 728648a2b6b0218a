// Package claims is the ledger: the claims, topics and editorial statuses a
// desk keeps, how they are loaded from YAML with exact positions, and how
// claims are compared to find disputes.
package claims

import (
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/sources"
)

// Ledger is every file of a ledger merged into one.
type Ledger struct {
	Title   string
	Files   []string
	Sources *sources.Registry
	Topics  map[string]*Topic
	// TopicOrder lists topic ids in the order they were first seen, so
	// output follows the ledger rather than a hash.
	TopicOrder []string
	Claims     []Claim
	Statuses   map[string]*Status
	// Example is set when the ledger is the built-in example.
	Example bool
	// Problems are what loading found: errors make the ledger unusable for
	// anything but lint; warnings are advice.
	Problems []diag.Problem
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
	Pos      diag.Pos
	// index is the topic's place in TopicOrder; claims sort by it, which
	// is cheaper than comparing ids.
	index int
}

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
	// topic is the claim's topic, found once when the ledger is checked so
	// that a million claims do not each look it up again and again.
	topic *Topic
	// valueAt is where the value is written, in Pos.File; kept as two
	// numbers, as a million claims would otherwise repeat the file name.
	valueAt lineCol
	// Denies sits with the other flag after valueAt, where both fit in
	// what would otherwise be padding.
	Denies bool
	// derivedID is true when the id was made from topic and source.
	derivedID bool
}

// ValuePos is where the claim's value is written, for errors about it.
func (c *Claim) ValuePos() diag.Pos { return c.at(c.valueAt) }

// at places a line and column in the claim's file.
func (c *Claim) at(lc lineCol) diag.Pos {
	return diag.Pos{File: c.Pos.File, Line: int(lc.line), Col: int(lc.col)}
}

// lineCol is a position within a file known from elsewhere.
type lineCol struct{ line, col int32 }

func toLineCol(p diag.Pos) lineCol { return lineCol{int32(p.Line), int32(p.Col)} }

// Status is a desk's editorial decision about the dispute on a topic.
type Status struct {
	Topic  string
	Status string // open | acknowledged | resolved | dismissed
	Value  string // with resolved: the settled value
	Reason string
	Until  string // YYYY-MM-DD; an acknowledgement expires after it
	Pos    diag.Pos
}

// Statuses an editorial entry may have.
var StatusNames = []string{"open", "acknowledged", "resolved", "dismissed"}

// Topic returns the topic with id, or nil.
func (l *Ledger) Topic(id string) *Topic { return l.Topics[id] }

// StatusOf returns the editorial status of the dispute on topic, "open"
// when the desk has said nothing.
func (l *Ledger) StatusOf(topic string) *Status {
	if s := l.Statuses[topic]; s != nil {
		return s
	}
	return &Status{Topic: topic, Status: "open"}
}
