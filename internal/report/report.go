// Package report builds claimdiff's contradiction report, the document a
// desk circulates or publishes, and writes it in each format: text for a
// terminal, Markdown for a pull-request comment, a self-contained HTML page,
// JSON, CSV, SARIF for code scanning and JUnit XML for test dashboards. It
// also draws the graph of who contradicts whom (DOT or Mermaid).
//
// Build turns an analysis into one cleaned model that every writer reads,
// so the formats cannot disagree about what the report says. Everything in
// the model comes from an untrusted ledger: Build strips control and bidi
// characters once, and each writer then escapes for its own syntax.
package report

import (
	"cmp"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	claimtimeline "github.com/claimdiff/claimdiff/claims/timeline"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// MaxContradicted is how many sources the summary lists as most often
// contradicted.
const MaxContradicted = 10

// Report is everything the contradiction report says.
type Report struct {
	Ledger   Ledger
	Summary  Summary
	Disputes []Dispute
	// Revisions are the revisions on topics with no dispute (those on a
	// dispute are in its Revisions): an origin changing its figure is
	// news even when nobody contradicts it.
	Revisions []claims.Revision
	// Timelines are who said what when on each disputed topic, cleaned;
	// the HTML page draws them.
	Timelines []claimtimeline.Topic
	// Skipped is what --skip-invalid left out, for the JSON format; nil
	// without the flag.
	Skipped *disputedout.SkippedJSON
}

// Ledger describes the ledger the report is about.
type Ledger struct {
	Title   string
	Files   []string
	Example bool
	Claims  int
	Sources int
	Topics  int
}

// Summary opens the report.
type Summary struct {
	Claims, Sources, Topics, Disputes int
	// ByKind, BySeverity and ByStatus count disputes, listing every kind,
	// severity (most severe first) and status even when its count is 0.
	// A dispute of two kinds counts under both.
	ByKind, BySeverity, ByStatus []Count
	// Contradicted are the sources most often contradicted, most first; see
	// contradicted for what that means.
	Contradicted []SourceCount
}

// Count is a number of disputes under a name.
type Count struct {
	Name string
	N    int
}

// SourceCount is a number of disputes for a source.
type SourceCount struct {
	Source   Source
	Disputes int
}

// Dispute is one dispute of the analysis, cleaned, with its claims and
// sources looked up.
type Dispute struct {
	// Dispute is the analysis's dispute with every string cleaned; its own
	// Positions are what the JSON prints, as disputed does.
	claims.Dispute
	// Anchor is a stable id within the report, such as "d3", for links.
	Anchor string
	// Best is the index of the best-supported position, or -1 when the two
	// strongest tie.
	Best      int
	Positions []Position
	// Likely is the side the dispute likely settles on: the desk's
	// settled value or the estimate (see Mark); nil when there is none.
	Likely *resolve.Likely
	// At is where the dispute is reported in formats that point at a line
	// (SARIF, JUnit): the first claim of the weakest position, which is the
	// claim the rest of the evidence contradicts.
	At diag.Pos
}

// Position is a side of a dispute with its claims.
type Position struct {
	claims.Position
	Best bool
	// Likely is set on the position that holds the dispute's likely
	// value.
	Likely bool
	Claims []Claim
	// Chains are the distinct attribution chains of its claims, origin
	// first, as sources so that each can link to its URL.
	Chains [][]Source
}

// Claim is one claim of a position.
type Claim struct {
	ID, Value, Date, AsOf, Quote string
	Denies                       bool
	Source                       Source
	// QuoteBy, when set, wrote the quote: an outlet that relayed the
	// claim, in whose archived text the words are (see Quote).
	QuoteBy Source
	// Chain is how the claim reached us: its origin, then every source it
	// passed through.
	Chain []Source
	Pos   diag.Pos
}

// Source is a source as the report shows it.
type Source struct {
	ID, Name, Kind string
	// URL is the source's link when it is http or https, else empty: a
	// report is opened by people who trust it, so it links nowhere else.
	URL string
}

// Label is the source's name, or its id when it has none.
func (s Source) Label() string { return cmp.Or(s.Name, s.ID) }

// QuoteCredit is who a claim's quote is from: "Checker, relaying Registry"
// for a relay's words.
func (c Claim) QuoteCredit() string {
	if c.QuoteBy.ID == "" {
		return c.Source.Label()
	}
	return c.QuoteBy.Label() + ", relaying " + c.Source.Label()
}

// Build makes the report of an analysis.
func Build(a *claims.Analysis) *Report {
	l := a.Ledger
	r := &Report{Ledger: Ledger{
		Title: safetext.Clean(l.Title), Files: cleanAll(l.SortedFiles()), Example: l.Example,
		Claims: len(l.Claims), Sources: l.Sources.Len(), Topics: len(l.Topics),
	}}
	if r.Ledger.Files == nil {
		r.Ledger.Files = []string{}
	}
	srcs := map[string]Source{}
	source := func(id string) Source {
		if s, ok := srcs[id]; ok {
			return s
		}
		s := Source{ID: safetext.Clean(id)}
		if def := l.Sources.Get(id); def != nil {
			s.Name, s.Kind, s.URL = safetext.Clean(def.Name), string(def.Kind), safeURL(def.URL)
		}
		srcs[id] = s
		return s
	}
	disputed := map[[3]string]bool{}
	for i := range a.Disputes {
		d := &a.Disputes[i]
		r.Disputes = append(r.Disputes, buildDispute(l, d, i, source))
		disputed[[3]string{d.Topic, d.Context, d.Moment}] = true
	}
	for _, rev := range a.Revisions {
		if !disputed[[3]string{rev.Topic, rev.Context, rev.Moment}] {
			r.Revisions = append(r.Revisions, cleanRevision(rev))
		}
	}
	for _, t := range claimtimeline.Disputed(a) {
		r.Timelines = append(r.Timelines, cleanTimeline(t))
	}
	r.Summary = summarize(r, source)
	return r
}

// cleanTimeline strips control and bidi characters from a timeline's
// text, as Build does for everything else.
func cleanTimeline(t claimtimeline.Topic) claimtimeline.Topic {
	t.Topic, t.Question, t.Origins = safetext.Clean(t.Topic), safetext.Clean(t.Question), cleanAll(t.Origins)
	t.Events = slices.Clone(t.Events)
	for i := range t.Events {
		e := &t.Events[i]
		for _, f := range []*string{&e.Date, &e.Claim, &e.Source, &e.Value, &e.Context, &e.Moment, &e.Revises, &e.RevisedBy} {
			*f = safetext.Clean(*f)
		}
	}
	return t
}

func buildDispute(l *claims.Ledger, src *claims.Dispute, i int, source func(string) Source) Dispute {
	d := Dispute{Dispute: cleanDispute(src), Anchor: "d" + strconv.Itoa(i+1), Best: best(src.Positions)}
	for pi := range src.Positions {
		p := Position{Position: d.Dispute.Positions[pi], Best: pi == d.Best}
		seen := map[string]bool{}
		// Quotes found in a relay's text, not the origin's, are the relay's.
		relayed := map[string]string{}
		for _, q := range src.Positions[pi].Quotes {
			if q.Origin != "" && q.Origin != q.Source {
				relayed[q.Claim] = q.Source
			}
		}
		for _, m := range src.Positions[pi].Members() {
			if m < 0 || m >= len(l.Claims) {
				continue
			}
			c := &l.Claims[m]
			ids := l.Sources.Chain(c.Source, c.Via)
			chain := make([]Source, len(ids))
			for j, id := range ids {
				chain[j] = source(id)
			}
			p.Claims = append(p.Claims, Claim{
				ID: safetext.Clean(c.ID), Value: safetext.Clean(c.Value.Raw), Date: safetext.Clean(c.Date),
				AsOf: safetext.Clean(c.AsOf), Quote: safetext.Clean(c.Quote), Denies: c.Denies,
				Source: source(c.Source), Chain: chain, Pos: cleanPos(c.Pos),
			})
			if by, ok := relayed[c.ID]; ok {
				p.Claims[len(p.Claims)-1].QuoteBy = source(by)
			}
			if key := strings.Join(ids, "\x00"); !seen[key] {
				seen[key] = true
				p.Chains = append(p.Chains, chain)
			}
		}
		d.Positions = append(d.Positions, p)
	}
	if n := len(d.Positions); n > 0 && len(d.Positions[n-1].Claims) > 0 {
		d.At = d.Positions[n-1].Claims[0].Pos
	}
	return d
}

// Mark sets each dispute's likely side: likely[i] is that of the
// analysis's dispute i, as resolve.Marks finds it over every dispute
// Build was given. Its value is cleaned like the rest of the report.
func (r *Report) Mark(likely []*resolve.Likely) {
	for i := range r.Disputes {
		d := &r.Disputes[i]
		lk := disputedout.At(likely, i)
		if lk == nil {
			continue
		}
		c := *lk
		c.Value = safetext.Clean(c.Value)
		d.Likely = &c
		if c.Position >= 0 && c.Position < len(d.Positions) {
			d.Positions[c.Position].Likely = true
		}
	}
}

// RelativeTo rewrites the ledger's file names, and every position in the
// report, relative to dir when they lie inside it. Code scanning and
// test dashboards resolve locations against the repository, so a report
// run in the repository's root must say claims.yaml, not
// /home/runner/work/.../claims.yaml.
func (r *Report) RelativeTo(dir string) {
	if dir == "" {
		return
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return
	}
	rel := func(file string) string {
		if !filepath.IsAbs(file) {
			return file
		}
		p, err := filepath.Rel(abs, file)
		if err != nil || p == ".." || strings.HasPrefix(p, ".."+string(filepath.Separator)) {
			return file
		}
		return p
	}
	for i, f := range r.Ledger.Files {
		r.Ledger.Files[i] = rel(f)
	}
	for i := range r.Disputes {
		d := &r.Disputes[i]
		d.At.File = rel(d.At.File)
		for j := range d.Positions {
			for k := range d.Positions[j].Claims {
				c := &d.Positions[j].Claims[k]
				c.Pos.File = rel(c.Pos.File)
			}
		}
	}
}

// best returns the index of the best-supported position: the first, when
// it is strictly stronger than the second (positions come strongest
// first). A tie has no best.
func best(ps []claims.Position) int {
	switch {
	case len(ps) == 1:
		return 0
	case len(ps) > 1 && ps[0].Strength > ps[1].Strength:
		return 0
	}
	return -1
}

func summarize(r *Report, source func(string) Source) Summary {
	s := Summary{Claims: r.Ledger.Claims, Sources: r.Ledger.Sources, Topics: r.Ledger.Topics, Disputes: len(r.Disputes)}
	for _, k := range claims.Kinds {
		s.ByKind = append(s.ByKind, Count{Name: string(k)})
	}
	for _, sev := range slices.Backward(claims.Severities) {
		s.BySeverity = append(s.BySeverity, Count{Name: string(sev)})
	}
	for _, st := range claims.StatusNames {
		s.ByStatus = append(s.ByStatus, Count{Name: st})
	}
	counts := map[string]int{}
	for i := range r.Disputes {
		d := &r.Disputes[i]
		for _, k := range d.Kinds {
			bump(s.ByKind, string(k))
		}
		bump(s.BySeverity, string(d.Severity))
		bump(s.ByStatus, d.Status)
		for id := range contradicted(d) {
			counts[id]++
		}
	}
	for id, n := range counts {
		s.Contradicted = append(s.Contradicted, SourceCount{Source: source(id), Disputes: n})
	}
	slices.SortFunc(s.Contradicted, func(a, b SourceCount) int {
		return cmp.Or(cmp.Compare(b.Disputes, a.Disputes), strings.Compare(a.Source.ID, b.Source.ID))
	})
	if len(s.Contradicted) > MaxContradicted {
		s.Contradicted = s.Contradicted[:MaxContradicted]
	}
	return s
}

// contradicted returns the origins contradicted in a dispute: those of
// every position opposed to the best-supported one (see
// claims.Dispute.Opposed: a denial of another value contradicts nobody
// there). When the strongest positions tie there is no best, so every side
// that another opposes is contradicted by an equally strong one. A source
// counts once per dispute.
func contradicted(d *Dispute) map[string]bool {
	out := map[string]bool{}
	for pi, p := range d.Positions {
		if d.Best >= 0 && !d.Opposed(pi, d.Best) || d.Best < 0 && !d.Contested(pi) {
			continue
		}
		for _, c := range p.Claims {
			out[c.Source.ID] = true
		}
	}
	return out
}

func bump(cs []Count, name string) {
	for i := range cs {
		if cs[i].Name == name {
			cs[i].N++
			return
		}
	}
}

// safeURL returns u when it is an absolute http or https URL, else "".
func safeURL(u string) string {
	u = strings.TrimSpace(safetext.Clean(u))
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || (!strings.EqualFold(p.Scheme, "http") && !strings.EqualFold(p.Scheme, "https")) {
		return ""
	}
	return u
}

func cleanPos(p diag.Pos) diag.Pos {
	p.File = safetext.Clean(p.File)
	return p
}

// cleanDispute copies d with every string cleaned, so no writer can
// forget to.
func cleanDispute(d *claims.Dispute) claims.Dispute {
	out := *d
	out.Topic, out.Question, out.Context = safetext.Clean(d.Topic), safetext.Clean(d.Question), safetext.Clean(d.Context)
	out.Moment, out.Status, out.Reason = safetext.Clean(d.Moment), safetext.Clean(d.Status), safetext.Clean(d.Reason)
	out.Settled, out.Until = safetext.Clean(d.Settled), safetext.Clean(d.Until)
	out.Kinds = slices.Clone(d.Kinds)
	out.Arithmetic = cleanAll(d.Arithmetic)
	out.Vague = nil
	for _, v := range d.Vague {
		c := v // keeps the unexported member, for Member()
		c.Claim, c.Source, c.Value = safetext.Clean(v.Claim), safetext.Clean(v.Source), safetext.Clean(v.Value)
		c.Fits, c.Chain, c.Quote = cleanAll(v.Fits), safetext.Clean(v.Chain), safetext.Clean(v.Quote)
		out.Vague = append(out.Vague, c)
	}
	out.Misquotes = nil
	for _, m := range d.Misquotes {
		out.Misquotes = append(out.Misquotes, claims.Misquote{Claim: safetext.Clean(m.Claim), Relay: safetext.Clean(m.Relay),
			Origin: safetext.Clean(m.Origin), Relayed: safetext.Clean(m.Relayed), Own: safetext.Clean(m.Own)})
	}
	out.Revisions = nil
	for _, r := range d.Revisions {
		out.Revisions = append(out.Revisions, cleanRevision(r))
	}
	out.Positions = make([]claims.Position, len(d.Positions))
	for i, p := range d.Positions {
		q := p // keeps the unexported members, for Members()
		q.Value, q.Common = safetext.Clean(p.Value), safetext.Clean(p.Common)
		q.Values, q.Claims, q.Sources = cleanAll(p.Values), cleanAll(p.Claims), cleanAll(p.Sources)
		q.OriginIDs, q.Chains = cleanAll(p.OriginIDs), cleanAll(p.Chains)
		q.Quotes = nil
		for _, qu := range p.Quotes {
			q.Quotes = append(q.Quotes, claims.Quote{Claim: safetext.Clean(qu.Claim),
				Source: safetext.Clean(qu.Source), Text: safetext.Clean(qu.Text), Origin: safetext.Clean(qu.Origin)})
		}
		out.Positions[i] = q
	}
	return out
}

func cleanRevision(r claims.Revision) claims.Revision {
	for _, s := range []*string{&r.Topic, &r.Context, &r.Moment, &r.Origin, &r.From, &r.To,
		&r.FromDate, &r.ToDate, &r.FromClaim, &r.ToClaim} {
		*s = safetext.Clean(*s)
	}
	return r
}

// cleanAll cleans each string; it keeps nil as nil and empty as empty,
// which JSON tells apart.
func cleanAll(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = safetext.Clean(s)
	}
	return out
}
