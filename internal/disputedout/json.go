package disputedout

import (
	"io"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// The JSON contract of disputed is the types below:
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

// Cleaned is s with its positions cleaned of control and bidi characters
// (a file's name may hold them), for the outputs that clean what a ledger
// controls; nil stays nil.
func (s *SkippedJSON) Cleaned() *SkippedJSON {
	if s == nil {
		return nil
	}
	out := *s
	out.First = make([]string, len(s.First))
	for i, p := range s.First {
		out.First[i] = safetext.Clean(p)
	}
	return &out
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
	// Mistake is "slip", "misquote" or "misreading" for a side that reads
	// as an error rather than a view (claims.Position.Mistake).
	Mistake string `json:"mistake,omitempty"`
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

// DisputesJSON writes disputes as disputed --format json does: the
// disputes, their count and the ledger they come from. likely holds each
// dispute's likely side, in ds's order (see DisputesText).
func DisputesJSON(w io.Writer, l *claims.Ledger, ds []claims.Dispute, likely []*resolve.Likely, skipped *SkippedJSON) error {
	return render.WriteJSON(w, disputesJSON{
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
		Positions: render.Each(d.Positions, newPositionJSON), Vague: render.Each(d.Vague, newVagueJSON),
		Misquotes: render.Each(d.Misquotes, newMisquoteJSON),
		Revisions: NewRevisionsJSON(d.Revisions), Arithmetic: d.Arithmetic, Gap: d.Gap,
	}
}

func newPositionJSON(p *claims.Position) positionJSON {
	return positionJSON{
		Value: p.Value, Values: p.Values, Common: p.Common, Denies: p.Denies,
		Claims: p.Claims, Sources: p.Sources, Origins: p.Origins, OriginIDs: p.OriginIDs,
		Reach: p.Reach, Chains: p.Chains, Quotes: render.Each(p.Quotes, newQuoteJSON), Strength: p.Strength,
		Mistake: p.Mistake,
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
	return render.Each(rs, func(r *claims.Revision) RevisionJSON {
		return RevisionJSON{Topic: r.Topic, Context: r.Context, Moment: r.Moment, Origin: r.Origin,
			From: r.From, To: r.To, FromDate: r.FromDate, ToDate: r.ToDate,
			FromClaim: r.FromClaim, ToClaim: r.ToClaim}
	})
}

// likelyJSON is a dispute's "likely" object: its likely value, the index
// of the position that holds it, and whether it is an estimate (with
// its confidence) or the value the desk settled on.
type likelyJSON struct {
	Value      string  `json:"value"`
	Position   *int    `json:"position,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Estimate   bool    `json:"estimate"`
	// TooLittleEvidence marks an estimate not made (resolve.Likely.Thin):
	// value is empty then.
	TooLittleEvidence bool `json:"too_little_evidence,omitempty"`
	// Reason says why the value is likely without an estimate (see
	// resolve.Likely.Reason); estimate is false then.
	Reason string `json:"reason,omitempty"`
}

func newLikelyJSON(lk *resolve.Likely) *likelyJSON {
	if lk == nil {
		return nil
	}
	out := &likelyJSON{Value: lk.Value, Estimate: !lk.Settled && lk.Reason == "", TooLittleEvidence: lk.Thin, Reason: lk.Reason}
	if lk.Position >= 0 {
		p := lk.Position
		out.Position = &p
	}
	if !lk.Settled {
		out.Confidence = render.Probability(lk.Confidence)
	}
	return out
}
