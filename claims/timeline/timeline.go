// Package timeline lays out who said what when on each topic: every claim
// by date, with the revisions marked, the claim that opened each dispute
// and the desk's settling of it. It reads an analysis and writes nothing.
package timeline

import (
	"cmp"
	"slices"

	"github.com/claimdiff/claimdiff/claims"
)

// EventKind says what a timeline event is. Its names are stable: every
// output prints them as they are.
type EventKind string

const (
	// EventClaim: a source said something.
	EventClaim EventKind = "claim"
	// EventOpened: the claim that first made a dispute on the topic.
	EventOpened EventKind = "opened"
	// EventSettled: the desk settled the dispute (resolved or dismissed).
	EventSettled EventKind = "settled"
)

// Topic is who said what when on one topic.
type Topic struct {
	Topic    string
	Question string
	// Origins are the sources that made claims, in the order of their
	// first claim: one lane each.
	Origins []string
	// Disputed is set when the topic has a dispute now.
	Disputed bool
	// Events come by date, undated ones last; an opened event follows the
	// claim that opened the dispute, a settled event without a date comes
	// last.
	Events []Event
}

// Event is one thing that happened on a topic.
type Event struct {
	Kind EventKind
	// Date is YYYY-MM-DD as the ledger wrote it; empty when not known.
	Date    string
	Claim   string
	Source  string
	Value   string
	Context string
	Moment  string
	// Revises is the claim of the same source this one revised, and
	// RevisedBy the later claim that revised this one.
	Revises   string
	RevisedBy string
	// Status is the desk's status with a settled event ("resolved" or
	// "dismissed"); Value then holds the settled value, if any.
	Status string
}

// Glob lays out the claims on every topic matching topicGlob (empty
// matches all) by date, with the revisions marked, the claim that opened
// each dispute and the desk's settling of it. Topics follow the ledger.
func Glob(a *claims.Analysis, topicGlob string) []Topic {
	return Of(a, claims.Filter{Topics: []string{topicGlob}})
}

// Of is Glob of the claims f's topics, contexts and sources match, and
// the disputes opened among them in f's contexts.
func Of(a *claims.Analysis, f claims.Filter) []Topic {
	l := a.Ledger
	return lay(a, f.MatchTopic, func(i int) bool {
		c := &l.Claims[i]
		return f.MatchContext(c.Context) && f.MatchChain(l.Sources.Chain(c.Source, c.Via))
	}, f.MatchContext)
}

// Disputed is Glob of the topics that have a dispute, for the report,
// which draws only those.
func Disputed(a *claims.Analysis) []Topic {
	disputed := map[string]bool{}
	for i := range a.Disputes {
		disputed[a.Disputes[i].Topic] = true
	}
	if len(disputed) == 0 {
		return nil
	}
	all := func(string) bool { return true }
	return lay(a, func(topic string) bool { return disputed[topic] }, func(int) bool { return true }, all)
}

// lay lays out the claims whose topic keep and which keepClaim passes,
// and the disputes among them whose context keepContext passes.
func lay(a *claims.Analysis, keep func(topic string) bool, keepClaim func(i int) bool, keepContext func(string) bool) []Topic {
	l := a.Ledger
	byTopic := map[string][]int{}
	for i := range l.Claims {
		if t := l.Claims[i].Topic; keep(t) && keepClaim(i) {
			byTopic[t] = append(byTopic[t], i)
		}
	}
	revises := make(map[int]int, len(a.Superseded))
	for from, to := range a.Superseded {
		if old, ok := revises[to]; !ok || from < old {
			revises[to] = from
		}
	}
	// opener maps a claim to the disputes it opened, by index.
	opener := map[int][]int{}
	disputed := map[string]bool{}
	for di := range a.Disputes {
		d := &a.Disputes[di]
		if _, ok := byTopic[d.Topic]; !ok || !keepContext(d.Context) {
			continue
		}
		disputed[d.Topic] = true
		if i := openedBy(a, d); i >= 0 {
			opener[i] = append(opener[i], di)
		}
	}
	var out []Topic
	for _, id := range l.TopicOrder {
		idx := byTopic[id]
		if len(idx) == 0 {
			continue
		}
		tt := Topic{Topic: id, Disputed: disputed[id]}
		if t := l.Topics[id]; t != nil {
			tt.Question = t.Question
		}
		idx = slices.Clone(idx)
		slices.SortStableFunc(idx, func(x, y int) int { return cmpDate(l.Claims[x].Date, l.Claims[y].Date) })
		seen := map[string]bool{}
		for _, i := range idx {
			c := &l.Claims[i]
			if !seen[c.Source] {
				seen[c.Source] = true
				tt.Origins = append(tt.Origins, c.Source)
			}
			e := Event{Kind: EventClaim, Date: c.Date, Claim: c.ID, Source: c.Source, Value: c.Shown(),
				Context: c.Context, Moment: l.Moment(c)}
			if j, ok := revises[i]; ok {
				e.Revises = l.Claims[j].ID
			}
			if j, ok := a.Superseded[i]; ok {
				e.RevisedBy = l.Claims[j].ID
			}
			tt.Events = append(tt.Events, e)
			for _, di := range opener[i] {
				d := &a.Disputes[di]
				tt.Events = append(tt.Events, Event{Kind: EventOpened, Date: c.Date, Claim: c.ID,
					Source: c.Source, Value: c.Shown(), Context: d.Context, Moment: d.Moment})
			}
		}
		for _, st := range append([]*claims.Status{l.Statuses[id]}, l.Scoped[id]...) {
			if st != nil && (st.Status == "resolved" || st.Status == "dismissed") {
				tt.Events = append(tt.Events, Event{Kind: EventSettled, Status: st.Status, Value: st.Value,
					Date: st.Date, Context: st.Context, Moment: st.AsOf})
			}
		}
		// A decision the desk dated takes its place among the claims; an
		// undated one closes the topic's timeline.
		slices.SortStableFunc(tt.Events, func(x, y Event) int { return cmpDate(x.Date, y.Date) })
		out = append(out, tt)
	}
	return out
}

// openedBy returns the claim (by index) whose arrival first put two
// opposed positions of d on record, taking d's current claims in date
// order; -1 when no dated claim did. A claim dated like the one before it
// opens nothing before it: within a date, ledger order decides.
func openedBy(a *claims.Analysis, d *claims.Dispute) int {
	type member struct{ claim, position int }
	var ms []member
	for pi := range d.Positions {
		for _, i := range d.Positions[pi].Members() {
			if a.Ledger.Claims[i].Date != "" {
				ms = append(ms, member{i, pi})
			}
		}
	}
	slices.SortFunc(ms, func(x, y member) int {
		return cmp.Or(cmpDate(a.Ledger.Claims[x.claim].Date, a.Ledger.Claims[y.claim].Date), cmp.Compare(x.claim, y.claim))
	})
	var seen []int // positions on record, once each
	for _, m := range ms {
		if slices.Contains(seen, m.position) {
			continue
		}
		for _, p := range seen {
			if d.Opposed(p, m.position) {
				return m.claim
			}
		}
		seen = append(seen, m.position)
	}
	return -1
}

// cmpDate orders dates as written (YYYY-MM-DD sorts as text), undated last.
func cmpDate(x, y string) int {
	switch {
	case x == y:
		return 0
	case x == "":
		return 1
	case y == "":
		return -1
	}
	return cmp.Compare(x, y)
}
