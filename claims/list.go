package claims

import "slices"

// ListedClaim is a claim as list shows it.
type ListedClaim struct {
	ID       string
	Topic    string
	Value    string
	Denies   bool
	Source   string
	Via      []string
	Date     string
	AsOf     string
	Context  string
	Quote    string
	Disputed bool
	// RevisedBy names the later claim of the same origin that supersedes it.
	RevisedBy string
	// NoValue is set when the source says it has no value; Note is the
	// claim's note, such as "estimated".
	NoValue bool
	Note    string
	File    string
	Line    int
}

// ListFilter selects claims for list: the shared Filter, and list's own.
type ListFilter struct {
	Filter
	Disputed bool
	// History keeps claims that a later claim of their origin revised.
	History bool
}

// List returns the claims that pass f, by topic and then ledger order.
func (a *Analysis) List(f ListFilter) []ListedClaim {
	l := a.Ledger
	var out []ListedClaim
	for i := range l.Claims {
		c := &l.Claims[i]
		next, revised := a.Superseded[i]
		if revised && !f.History || f.Disputed && !a.InDispute(i) || !a.MatchClaim(f.Filter, i) {
			continue
		}
		lc := ListedClaim{ID: c.ID, Topic: c.Topic, Value: c.Value.Raw, Denies: c.Denies, Source: c.Source,
			Via: c.Via, Date: c.Date, AsOf: c.AsOf, Context: c.Context, Quote: c.Quote,
			Disputed: a.InDispute(i), NoValue: c.NoValue, Note: c.Note, File: c.Pos.File, Line: c.Pos.Line}
		if revised {
			lc.RevisedBy = l.Claims[next].ID
		}
		out = append(out, lc)
	}
	order := map[string]int{}
	for i, t := range l.TopicOrder {
		order[t] = i
	}
	slices.SortStableFunc(out, func(x, y ListedClaim) int { return order[x.Topic] - order[y.Topic] })
	return out
}
