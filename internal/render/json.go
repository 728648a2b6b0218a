package render

import (
	"io"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
)

// The JSON contracts of disputed, list and sources are the types below:
// field names, their order, and which fields may be left out are decided
// here and nowhere else. The dispute, revision and ledger objects are
// exported because the report's JSON (internal/report) extends disputed's
// with them. Each converter copies the engine's values as they are: text
// is escaped by WriteJSON, and a caller that wants it cleaned (the report)
// cleans it before. Slices keep nil as nil, which JSON prints as null.

// disputesJSON is the JSON contract of disputed --format json.
type disputesJSON struct {
	Disputes []DisputeJSON `json:"disputes"`
	Count    int           `json:"count"`
	Ledger   LedgerJSON    `json:"ledger"`
	Skipped  *SkippedJSON  `json:"skipped,omitempty"`
}

// SkippedJSON says which claims --skip-invalid left out: how many, how
// many by problem code, and where the first few are.
type SkippedJSON struct {
	Claims int            `json:"claims"`
	Codes  map[string]int `json:"codes"`
	First  []string       `json:"first"`
}

// LedgerJSON is the "ledger" object of disputed and report: what the
// ledger is, and how big.
type LedgerJSON struct {
	Title   string   `json:"title,omitempty"`
	Files   []string `json:"files"`
	Example bool     `json:"example,omitempty"`
	Claims  int      `json:"claims"`
	Sources int      `json:"sources"`
	Topics  int      `json:"topics"`
}

// DisputeJSON is a dispute as disputed and report print it.
type DisputeJSON struct {
	Topic      string          `json:"topic"`
	Question   string          `json:"question,omitempty"`
	Context    string          `json:"context,omitempty"`
	Moment     string          `json:"as_of,omitempty"`
	Kinds      []claims.Kind   `json:"kinds"`
	Severity   claims.Severity `json:"severity"`
	Score      int             `json:"score"`
	Status     string          `json:"status"`
	Reason     string          `json:"reason,omitempty"`
	Settled    string          `json:"settled,omitempty"`
	Until      string          `json:"until,omitempty"`
	Expired    bool            `json:"expired,omitempty"`
	Likely     *likelyJSON     `json:"likely,omitempty"`
	Positions  []positionJSON  `json:"positions"`
	Vague      []vagueJSON     `json:"vague,omitempty"`
	Misquotes  []misquoteJSON  `json:"misquotes,omitempty"`
	Revisions  []RevisionJSON  `json:"revisions,omitempty"`
	Arithmetic []string        `json:"arithmetic,omitempty"`
	Gap        float64         `json:"gap"`
}

type positionJSON struct {
	Value     string      `json:"value"`
	Values    []string    `json:"values"`
	Common    string      `json:"common"`
	Denies    bool        `json:"denies,omitempty"`
	Claims    []string    `json:"claims"`
	Sources   []string    `json:"sources"`
	Origins   int         `json:"origins"`
	OriginIDs []string    `json:"origin_ids"`
	Reach     int         `json:"reach"`
	Chains    []string    `json:"chains"`
	Quotes    []quoteJSON `json:"quotes,omitempty"`
	Strength  float64     `json:"strength"`
}

type quoteJSON struct {
	Claim  string `json:"claim"`
	Source string `json:"source"`
	Text   string `json:"text"`
	// Origin is the claim's source when the words are a relay's (source).
	Origin string `json:"origin,omitempty"`
}

type vagueJSON struct {
	Claim    string   `json:"claim"`
	Source   string   `json:"source"`
	Value    string   `json:"value"`
	Denies   bool     `json:"denies,omitempty"`
	Fits     []string `json:"fits"`
	MoreFits int      `json:"more_fits,omitempty"`
	Chain    string   `json:"chain"`
	Quote    string   `json:"quote,omitempty"`
}

// RevisionJSON is an origin changing its figure, as disputed, report and
// list --history print it.
type RevisionJSON struct {
	Topic     string `json:"topic"`
	Context   string `json:"context,omitempty"`
	Moment    string `json:"as_of,omitempty"`
	Origin    string `json:"origin"`
	From      string `json:"from"`
	To        string `json:"to"`
	FromDate  string `json:"from_date"`
	ToDate    string `json:"to_date"`
	FromClaim string `json:"from_claim"`
	ToClaim   string `json:"to_claim"`
}

// listJSON is the JSON contract of list --format json.
type listJSON struct {
	Claims    []claimJSON    `json:"claims"`
	Count     int            `json:"count"`
	Revisions []RevisionJSON `json:"revisions,omitempty"`
}

type claimJSON struct {
	ID        string   `json:"id"`
	Topic     string   `json:"topic"`
	Value     string   `json:"value"`
	Denies    bool     `json:"denies,omitempty"`
	Source    string   `json:"source"`
	Via       []string `json:"via,omitempty"`
	Date      string   `json:"date,omitempty"`
	AsOf      string   `json:"as_of,omitempty"`
	Context   string   `json:"context,omitempty"`
	Quote     string   `json:"quote,omitempty"`
	Disputed  bool     `json:"disputed"`
	RevisedBy string   `json:"revised_by,omitempty"`
	NoValue   bool     `json:"no_value,omitempty"`
	Note      string   `json:"note,omitempty"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
}

// sourcesJSON is the JSON contract of sources --format json.
type sourcesJSON struct {
	Sources []sourceJSON `json:"sources"`
}

type sourceJSON struct {
	ID        string   `json:"id"`
	Name      string   `json:"name,omitempty"`
	Kind      string   `json:"kind,omitempty"`
	Claims    int      `json:"claims"`
	Relayed   int      `json:"relayed"`
	Disputed  int      `json:"disputed"`
	Disputes  int      `json:"disputes"`
	WithBest  int      `json:"with_best_supported"`
	Chain     []string `json:"chain"`
	Anonymous bool     `json:"anonymous,omitempty"`
	// Accuracy and Copies are resolve's estimates, for a source whose
	// claims it took into account.
	Accuracy *float64    `json:"accuracy,omitempty"`
	Copies   *[]copyJSON `json:"copies,omitempty"`
}

// DisputesJSON writes disputes as disputed --format json does: the
// disputes, their count and the ledger they come from. likely holds each
// dispute's likely side, in ds's order (see DisputesText).
func DisputesJSON(w io.Writer, l *claims.Ledger, ds []claims.Dispute, likely []*resolve.Likely, skipped *SkippedJSON) error {
	return WriteJSON(w, disputesJSON{
		Disputes: NewDisputesJSON(ds, likely),
		Count:    len(ds),
		Ledger:   NewLedgerJSON(l),
		Skipped:  skipped,
	})
}

// NewLedgerJSON describes the ledger a command read, for its JSON.
func NewLedgerJSON(l *claims.Ledger) LedgerJSON {
	return LedgerJSON{Title: l.Title, Files: l.SortedFiles(), Example: l.Example,
		Claims: len(l.Claims), Sources: l.Sources.Len(), Topics: len(l.Topics)}
}

// ClaimsJSON writes claims, and the revisions among them, as list
// --format json does.
func ClaimsJSON(w io.Writer, rows []claims.ListedClaim, revs []claims.Revision) error {
	return WriteJSON(w, listJSON{Claims: each(rows, newClaimJSON), Count: len(rows), Revisions: NewRevisionsJSON(revs)})
}

// SourcesJSON writes each source's record as sources --format json does,
// with est's estimates of its accuracy and copying (est is nil when the
// estimate did not run).
func SourcesJSON(w io.Writer, stats []claims.SourceStat, est *resolve.Result) error {
	return WriteJSON(w, sourcesJSON{Sources: each(stats, func(s *claims.SourceStat) sourceJSON {
		out := newSourceJSON(s)
		if e := estimateOf(est, s.ID); e != nil {
			acc := Accuracy(e.Accuracy)
			copies := make([]copyJSON, 0, len(e.Copies))
			for _, c := range e.Copies {
				copies = append(copies, copyJSON{Source: c.From, Probability: Probability(c.Probability)})
			}
			out.Accuracy, out.Copies = &acc, &copies
		}
		return out
	})})
}

// estimateOf is est's estimate for source id, or nil.
func estimateOf(est *resolve.Result, id string) *resolve.Source {
	if est == nil {
		return nil
	}
	return est.Source(id)
}

// NewDisputesJSON converts disputes, with their likely sides, to their
// JSON objects.
func NewDisputesJSON(ds []claims.Dispute, likely []*resolve.Likely) []DisputeJSON {
	if ds == nil {
		return nil
	}
	out := make([]DisputeJSON, len(ds))
	for i := range ds {
		out[i] = NewDisputeJSON(&ds[i], At(likely, i))
	}
	return out
}

// NewDisputeJSON converts a dispute and its likely side (nil for none)
// to its JSON object.
func NewDisputeJSON(d *claims.Dispute, lk *resolve.Likely) DisputeJSON {
	return DisputeJSON{
		Topic: d.Topic, Question: d.Question, Context: d.Context, Moment: d.Moment,
		Kinds: d.Kinds, Severity: d.Severity, Score: d.Score, Status: d.Status,
		Reason: d.Reason, Settled: d.Settled, Until: d.Until, Expired: d.Expired, Likely: newLikelyJSON(lk),
		Positions: each(d.Positions, newPositionJSON), Vague: each(d.Vague, newVagueJSON),
		Misquotes: each(d.Misquotes, newMisquoteJSON),
		Revisions: NewRevisionsJSON(d.Revisions), Arithmetic: d.Arithmetic, Gap: d.Gap,
	}
}

func newPositionJSON(p *claims.Position) positionJSON {
	return positionJSON{
		Value: p.Value, Values: p.Values, Common: p.Common, Denies: p.Denies,
		Claims: p.Claims, Sources: p.Sources, Origins: p.Origins, OriginIDs: p.OriginIDs,
		Reach: p.Reach, Chains: p.Chains, Quotes: each(p.Quotes, newQuoteJSON), Strength: p.Strength,
	}
}

func newQuoteJSON(q *claims.Quote) quoteJSON {
	return quoteJSON{Claim: q.Claim, Source: q.Source, Text: q.Text, Origin: q.Origin}
}

func newVagueJSON(v *claims.VagueClaim) vagueJSON {
	return vagueJSON{Claim: v.Claim, Source: v.Source, Value: v.Value, Denies: v.Denies,
		Fits: v.Fits, MoreFits: v.MoreFits, Chain: v.Chain, Quote: v.Quote}
}

// misquoteJSON is a relay whose value conflicts with its origin's own
// claim: the claim, the relay it counts for, and both figures.
type misquoteJSON struct {
	Claim   string `json:"claim"`
	Relay   string `json:"relay"`
	Origin  string `json:"origin"`
	Relayed string `json:"relayed"`
	Own     string `json:"own"`
}

func newMisquoteJSON(m *claims.Misquote) misquoteJSON {
	return misquoteJSON{Claim: m.Claim, Relay: m.Relay, Origin: m.Origin, Relayed: m.Relayed, Own: m.Own}
}

// NewRevisionsJSON converts revisions to their JSON objects.
func NewRevisionsJSON(rs []claims.Revision) []RevisionJSON {
	return each(rs, func(r *claims.Revision) RevisionJSON {
		return RevisionJSON{Topic: r.Topic, Context: r.Context, Moment: r.Moment, Origin: r.Origin,
			From: r.From, To: r.To, FromDate: r.FromDate, ToDate: r.ToDate,
			FromClaim: r.FromClaim, ToClaim: r.ToClaim}
	})
}

func newClaimJSON(c *claims.ListedClaim) claimJSON {
	return claimJSON{ID: c.ID, Topic: c.Topic, Value: c.Value, Denies: c.Denies, Source: c.Source,
		Via: c.Via, Date: c.Date, AsOf: c.AsOf, Context: c.Context, Quote: c.Quote,
		Disputed: c.Disputed, RevisedBy: c.RevisedBy, NoValue: c.NoValue, Note: c.Note, File: c.File, Line: c.Line}
}

func newSourceJSON(s *claims.SourceStat) sourceJSON {
	return sourceJSON{ID: s.ID, Name: s.Name, Kind: s.Kind, Claims: s.Claims, Relayed: s.Relayed,
		Disputed: s.Disputed, Disputes: s.Disputes, WithBest: s.WithBest, Chain: s.Chain,
		Anonymous: s.Anonymous}
}

// each converts every element of ts, keeping nil as nil and empty as
// empty, which JSON tells apart.
func each[T, U any](ts []T, f func(*T) U) []U {
	if ts == nil {
		return nil
	}
	out := make([]U, len(ts))
	for i := range ts {
		out[i] = f(&ts[i])
	}
	return out
}
