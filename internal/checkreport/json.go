package checkreport

import (
	"io"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// jsonReport is the JSON contract of check: results always; disputes and
// quotes when their check ran; a summary with counts. The types below are
// the whole contract: field names, their order and which may be left out
// are decided here and nowhere else.
type jsonReport struct {
	Results  []jsonResult `json:"results"`
	Disputes *[]jsonGate  `json:"disputes,omitempty"`
	Quotes   *[]jsonQuote `json:"quotes,omitempty"`
	Summary  jsonSummary  `json:"summary"`
	// Skipped is what --skip-invalid left out of the ledger.
	Skipped *disputedout.SkippedJSON `json:"skipped,omitempty"`
}

// jsonResult is one assertion's verdict. Its position is left out for an
// assertion given with --claim.
type jsonResult struct {
	Topic    string        `json:"topic"`
	Asserted string        `json:"asserted"`
	Read     string        `json:"read,omitempty"`
	Context  string        `json:"context,omitempty"`
	AsOf     string        `json:"as_of,omitempty"`
	Verdict  check.Verdict `json:"verdict"`
	Fails    bool          `json:"fails"`
	Message  string        `json:"message"`
	File     string        `json:"file,omitempty"`
	Line     int           `json:"line,omitempty"`
	Column   int           `json:"column,omitempty"`
	Agrees   []jsonSide    `json:"agrees,omitempty"`
	Others   []jsonSide    `json:"others,omitempty"`
	Contexts []jsonContext `json:"contexts,omitempty"`
	Status   string        `json:"status,omitempty"`
	Settled  string        `json:"settled,omitempty"`
	Reason   string        `json:"reason,omitempty"`
	Likely   *jsonLikely   `json:"likely,omitempty"`
}

// jsonLikely is the ledger's likely value where it differs from a
// conflicting or refuted assertion: an estimate from the sources'
// agreement, with its confidence, the same object as a dispute's likely
// in disputed's JSON (estimate is always true here).
type jsonLikely struct {
	Value      string  `json:"value"`
	Confidence float64 `json:"confidence"`
	Estimate   bool    `json:"estimate"`
}

// jsonContext is the verdict in one context, for an assertion that named
// none on a topic whose claims all carry one.
type jsonContext struct {
	Context string        `json:"context"`
	Verdict check.Verdict `json:"verdict"`
	Message string        `json:"message"`
}

// jsonGate is one dispute as the gate judged it.
type jsonGate struct {
	Topic    string          `json:"topic"`
	Context  string          `json:"context,omitempty"`
	AsOf     string          `json:"as_of,omitempty"`
	Kinds    []claims.Kind   `json:"kinds"`
	Severity claims.Severity `json:"severity"`
	Status   string          `json:"status"`
	Until    string          `json:"until,omitempty"`
	Expired  bool            `json:"expired,omitempty"`
	Reason   string          `json:"reason,omitempty"`
	Fails    bool            `json:"fails"`
	Message  string          `json:"message"`
	File     string          `json:"file"`
	Line     int             `json:"line"`
	Column   int             `json:"column"`
	Sides    []jsonSide      `json:"positions"`
}

// jsonQuote is the check of one claim's quote.
type jsonQuote struct {
	Claim      string            `json:"claim"`
	Topic      string            `json:"topic"`
	Source     string            `json:"source"`
	Quote      string            `json:"quote"`
	Status     check.QuoteStatus `json:"status"`
	Fails      bool              `json:"fails"`
	Similarity float64           `json:"similarity"`
	Passage    string            `json:"passage,omitempty"`
	Text       string            `json:"text,omitempty"`
	TextSource string            `json:"text_source,omitempty"`
	Chain      []string          `json:"chain"`
	Message    string            `json:"message"`
	File       string            `json:"file"`
	Line       int               `json:"line"`
	Column     int               `json:"column"`
}

// jsonSide is a group of claims: a dispute's position, or those an
// assertion agrees or conflicts with.
type jsonSide struct {
	Value   string   `json:"value"`
	Claims  []string `json:"claims"`
	Sources []string `json:"sources"`
	Origins int      `json:"origins"`
}

// jsonSummary counts the report's findings.
type jsonSummary struct {
	Assertions     int                       `json:"assertions"`
	Verdicts       map[check.Verdict]int     `json:"verdicts"`
	Disputes       int                       `json:"disputes"`
	DisputesFailed int                       `json:"disputes_failed"`
	Quotes         int                       `json:"quotes"`
	QuoteStatuses  map[check.QuoteStatus]int `json:"quote_statuses"`
	Failed         int                       `json:"failed"`
	Invalid        int                       `json:"invalid"`
}

// JSON writes the report as one JSON object. Text from the ledger and the
// drafts goes through safetext.Clean; the encoder escapes the rest.
func JSON(w io.Writer, r *check.CheckReport) error {
	return writeJSON(w, r, nil)
}

// writeJSON is JSON with what --skip-invalid left out of the ledger.
func writeJSON(w io.Writer, r *check.CheckReport, skipped *disputedout.SkippedJSON) error {
	out := toJSON(r)
	out.Skipped = skipped.Cleaned()
	return render.WriteJSON(w, out)
}

// toJSON converts a report to its JSON contract, cleaning the text a
// ledger or a draft controls.
func toJSON(r *check.CheckReport) jsonReport {
	s := r.Summary()
	out := jsonReport{Results: make([]jsonResult, 0, len(r.Results)), Summary: jsonSummary{
		Assertions: s.Assertions, Verdicts: s.Verdicts, Disputes: s.Disputes, DisputesFailed: s.DisputesFailed,
		Quotes: s.Quotes, QuoteStatuses: s.QuoteStatuses, Failed: s.Failed, Invalid: s.Invalid}}
	for _, x := range r.Results {
		out.Results = append(out.Results, jsonResult{
			Topic: x.Topic, Asserted: safetext.Clean(x.Asserted), Read: safetext.Clean(x.Read),
			Context: safetext.Clean(x.Context), AsOf: x.AsOf, Verdict: x.Verdict, Fails: x.Fails,
			Message: safetext.Clean(x.Message),
			File:    safetext.Clean(x.Pos.File), Line: x.Pos.Line, Column: x.Pos.Col,
			Agrees: jsonSides(x.Agrees), Others: jsonSides(x.Others), Contexts: jsonContexts(x.Contexts),
			Status: x.Status, Settled: safetext.Clean(x.Settled), Reason: safetext.Clean(x.Reason),
			Likely: jsonLikelyOf(x.Likely),
		})
	}
	if r.Disputes != nil {
		ds := make([]jsonGate, 0, len(r.Disputes))
		for _, g := range r.Disputes {
			ds = append(ds, jsonGate{
				Topic: g.Topic, Context: safetext.Clean(g.Context), AsOf: g.Moment, Kinds: g.Kinds,
				Severity: g.Severity, Status: g.Status, Until: g.Until, Expired: g.Expired,
				Reason: safetext.Clean(g.Reason), Fails: g.Fails, Message: safetext.Clean(g.Message),
				File: safetext.Clean(g.Pos.File), Line: g.Pos.Line, Column: g.Pos.Col,
				Sides: jsonSides(g.Sides),
			})
		}
		out.Disputes = &ds
	}
	if r.Quotes != nil {
		qs := make([]jsonQuote, 0, len(r.Quotes))
		for _, q := range r.Quotes {
			qs = append(qs, jsonQuote{
				Claim: q.Claim, Topic: q.Topic, Source: q.Source, Quote: safetext.Clean(q.Quote),
				Status: q.Status, Fails: q.Fails, Similarity: q.Similarity, Passage: safetext.Clean(q.Passage),
				Text: safetext.Clean(q.Text), TextSource: q.TextSource, Chain: q.Chain,
				Message: safetext.Clean(q.Message),
				File:    safetext.Clean(q.Pos.File), Line: q.Pos.Line, Column: q.Pos.Col,
			})
		}
		out.Quotes = &qs
	}
	return out
}

func jsonLikelyOf(lk *resolve.Likely) *jsonLikely {
	if lk == nil {
		return nil
	}
	return &jsonLikely{Value: safetext.Clean(lk.Value), Confidence: render.Probability(lk.Confidence), Estimate: !lk.Settled}
}

// jsonSides keeps nil as nil: agrees and others are left out then, and
// positions is null.
func jsonSides(ss []check.Side) []jsonSide {
	if ss == nil {
		return nil
	}
	out := make([]jsonSide, len(ss))
	for i, s := range ss {
		out[i] = jsonSide{Value: safetext.Clean(s.Value), Claims: s.Claims, Sources: s.Sources, Origins: s.Origins}
	}
	return out
}

func jsonContexts(cs []check.ContextVerdict) []jsonContext {
	var out []jsonContext
	for _, c := range cs {
		out = append(out, jsonContext{Context: safetext.Clean(c.Context), Verdict: c.Verdict, Message: safetext.Clean(c.Message)})
	}
	return out
}
