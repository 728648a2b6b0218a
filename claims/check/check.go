package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/assert"
	"github.com/claimdiff/claimdiff/claims/estimate"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/suggest"
	"github.com/claimdiff/claimdiff/sources"
)

// Verdict is what the ledger says about an assertion. The names are
// AVeriTeC's labels, so that fact-checkers read them the way they already
// do; JSON carries them as written here.
type Verdict string

const (
	// Supported: the assertion agrees with every live claim on the topic,
	// or with the value the desk settled a dispute on.
	Supported Verdict = "supported"
	// Refuted: it conflicts with every claim (or with the settled value).
	Refuted Verdict = "refuted"
	// Conflicting: it agrees with some claims and conflicts with others,
	// which is to say it takes one side of a dispute.
	Conflicting Verdict = "conflicting"
	// Unverified: the ledger has no claims it could be compared with.
	Unverified Verdict = "unverified"
	// Invalid: the asserted value does not read as the topic's type. It is
	// an input error, not a finding: check exits 2 on it.
	Invalid Verdict = "invalid"
)

// Verdicts lists the verdicts --fail-on may name.
var Verdicts = []Verdict{Supported, Refuted, Conflicting, Unverified}

// FailingVerdicts is --fail-on's default: everything but supported.
var FailingVerdicts = []Verdict{Refuted, Conflicting, Unverified}

// ParseVerdict reads a verdict name.
func ParseVerdict(s string) (Verdict, bool) {
	v := Verdict(strings.ToLower(strings.TrimSpace(s)))
	return v, slices.Contains(Verdicts, v)
}

// Side is a group of claims as a check reports it: a dispute's position,
// or the claims an assertion agrees or conflicts with.
type Side struct {
	// Value renders what the claims say, such as "≈ 425,000".
	Value   string
	Claims  []string
	Sources []string
	Origins int
	// OriginIDs are the independent origins among Sources, which the
	// one-line form names first: who said it before who carried it.
	OriginIDs []string
	// Mistake is set when the side reads as an error, not a view (see
	// claims.Position.Mistake).
	Mistake string
}

// maxNamed is how many sources a side's one-line form names.
const maxNamed = 6

// String is "≈ 425,000 (axios, novaya-gazeta)", origins first.
func (s Side) String() string {
	names := s.Sources
	if len(s.OriginIDs) > 0 {
		names = append(slices.Clone(s.OriginIDs), slices.DeleteFunc(slices.Clone(s.Sources), func(id string) bool {
			return slices.Contains(s.OriginIDs, id)
		})...)
	}
	more := ""
	if len(names) > maxNamed {
		more = fmt.Sprintf(", +%d more", len(names)-maxNamed)
		names = names[:maxNamed]
	}
	return fmt.Sprintf("%s (%s%s)", s.Value, strings.Join(names, ", "), more)
}

func joinSides(ss []Side) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, "; ")
}

// Result is the verdict on one assertion.
type Result struct {
	Topic    string
	Asserted string
	// Read is how claimdiff read the asserted value, such as "600,000"
	// for "600,000 troops"; empty when it could not.
	Read    string
	Context string
	AsOf    string
	Verdict Verdict
	// Fails is set when the verdict is one --fail-on names (never for
	// Invalid, which is an input error of its own).
	Fails   bool
	Message string
	// Pos locates an assertion read from a file; it is zero for one
	// given with --claim.
	Pos diag.Pos
	// Agrees and Others are the sides the assertion agrees with and the
	// other side: for a conflicting verdict, who says otherwise.
	Agrees []Side
	Others []Side
	// Contexts holds the verdict in each context, for an assertion that
	// named no context on a topic whose claims all carry one.
	Contexts []ContextVerdict
	// Status, Settled and Reason come from the desk's disputes: entry
	// when the topic is disputed.
	Status  string
	Settled string
	Reason  string
	// Likely is the ledger's likely value, an estimate, when the verdict
	// is conflicting or refuted, nothing was settled, and it differs from
	// the asserted value; nil otherwise (see ClaimsLikely).
	Likely *resolve.Likely
}

// Check judges each assertion against the live claims of its topic: those
// no later claim of their origin has revised, in the assertion's context
// (an assertion without context meets only claims without context) and,
// for a changes: true topic, about its as_of moment (without as_of, the
// latest moment the ledger has claims about). Relative values in the
// ledger and in the assertion are resolved as the engine resolves them.
// Results come in the assertions' order; failOn marks the failing ones.
func Claims(a *claims.Analysis, as []assert.Assertion, failOn []Verdict) []Result {
	return ClaimsLikely(a, as, failOn, nil)
}

// ClaimsLikely is Claims, and where a verdict is conflicting or refuted
// (and the desk settled nothing) it adds the ledger's likely value when
// that differs from the asserted one: "; the ledger's likely value is
// 600,000 (estimate 87%)". estimate runs resolve's estimator; it is called
// at most once, and only when a verdict needs it. A nil estimate adds
// nothing.
func ClaimsLikely(a *claims.Analysis, as []assert.Assertion, failOn []Verdict, estimate func() *resolve.Result) []Result {
	c := newChecker(a)
	c.estimate = estimate
	out := make([]Result, len(as))
	for i, x := range as {
		out[i] = c.check(x)
		out[i].Fails = out[i].Verdict != Invalid && slices.Contains(failOn, out[i].Verdict)
	}
	return out
}

type checker struct {
	a *claims.Analysis
	// live lists, per topic, the indexes of comparable claims that no
	// later claim of their origin superseded.
	live map[string][]int
	// disputeOf maps a claim to the dispute it sits in.
	disputeOf map[int]*claims.Dispute
	// estimate runs the estimator, once (est holds what it gave).
	estimate func() *resolve.Result
	est      *resolve.Result
	// revised lists, per topic, the claims a later claim of their origin
	// revised, in ledger order; built when an assertion first needs it.
	revised map[string][]int
}

func newChecker(a *claims.Analysis) *checker {
	l := a.Ledger
	c := &checker{a: a, live: map[string][]int{}, disputeOf: map[int]*claims.Dispute{}}
	for k := range a.Disputes {
		for _, p := range a.Disputes[k].Positions {
			for _, i := range p.Members() {
				c.disputeOf[i] = &a.Disputes[k]
			}
		}
	}
	for i := range l.Claims {
		if _, revised := a.Superseded[i]; revised || !a.Comparable(i) {
			continue
		}
		t := l.Claims[i].Topic
		c.live[t] = append(c.live[t], i)
	}
	return c
}

func (c *checker) check(x assert.Assertion) Result {
	l := c.a.Ledger
	r := Result{Topic: x.Topic, Asserted: x.Value, Context: x.Context, AsOf: x.AsOf}
	if x.Pos.File != "" {
		r.Pos = x.Pos
	}
	if x.Invalid != "" {
		r.Verdict, r.Message = Invalid, x.Invalid
		return r
	}
	t := l.Topics[x.Topic]
	if t == nil {
		r.Verdict, r.Message = Unverified, fmt.Sprintf("the ledger has no claims on %s", x.Topic)
		if near := suggest.Nearest(x.Topic, l.TopicOrder, 3); near != "" {
			r.Message += fmt.Sprintf("; did you mean %s?", near)
		}
		return r
	}
	v, err := c.parse(x, t)
	if err != nil {
		r.Verdict, r.Message = Invalid, fmt.Sprintf("%v (%s is a %s topic)", err, x.Topic, t.Spec.Type)
		if t.Spec.Type == value.Choice {
			// No source can have said a value outside the choices.
			r.Verdict, r.Message = Refuted, fmt.Sprintf("no source gives %q; the choices are %s", x.Value, choiceNames(t.Spec))
		}
		return r
	}
	if x.Context == "" {
		if ctxs := c.contextsOnly(x.Topic); len(ctxs) > 0 {
			c.eachContext(&r, x, ctxs)
			return r
		}
	}
	c.judgeValue(&r, x, t, v)
	return r
}

// judgeValue judges the asserted value v against the claims of x's topic
// in x's context.
func (c *checker) judgeValue(r *Result, x assert.Assertion, t *claims.Topic, v value.Value) {
	if v.Ref != "" {
		ref, ok := c.a.Ledger.Reference(v.Ref)
		if !ok {
			r.Verdict, r.Message = Unverified, fmt.Sprintf("%s has no value to scale, so %q cannot be compared", v.Ref, x.Value)
			return
		}
		resolved, err := value.ResolveChecked(v, ref, t.Spec)
		if err != nil {
			r.Verdict, r.Message = Invalid, fmt.Sprintf("%q cannot be scaled: %v", x.Value, err)
			return
		}
		v = resolved
	}
	r.Read = v.String()
	if t.Changes && x.AsOf == "" && c.judgeMoments(r, x, t, v) {
		return
	}
	cands, why := c.candidates(x, t, v)
	c.judgeAmong(r, x, v, cands, why)
	if r.Verdict == Conflicting || r.Verdict == Unverified || r.Verdict == Supported && isBound(v) {
		c.withdrawn(r, x, t, v)
	}
}

// judgeAmong judges v against the claims cands; why says why there are
// none, when there are none.
func (c *checker) judgeAmong(r *Result, x assert.Assertion, v value.Value, cands []int, why string) {
	t := c.a.Ledger.Topic(x.Topic)
	if len(cands) == 0 {
		r.Verdict, r.Message = Unverified, why
		return
	}
	// A denial never agrees with a figure: it contradicts the figures in
	// its band and says nothing of the others (see claims.DenialHits).
	// So does a vague claim of a dispute, a range or bound that fits a
	// side without stating it (see claims' fitsOnly).
	d := c.dispute(cands)
	var agree, disagree []int
	agrees, neutral := map[int]bool{}, map[int]bool{}
	for _, i := range cands {
		w := c.a.Value(i)
		switch {
		case w.Negated && !claims.DenialHits(w, v), d != nil && !c.a.InDispute(i):
			neutral[i] = true
		case !w.Negated && value.Meets(v, w):
			agree = append(agree, i)
			agrees[i] = true
		default:
			disagree = append(disagree, i)
		}
	}
	if len(agree) == 0 && len(disagree) == 0 {
		r.Verdict = Unverified
		r.Message = fmt.Sprintf("the ledger only denies other values of %s, or allows this one without stating it", x.Topic)
		return
	}
	if d != nil {
		r.Status, r.Reason, r.Settled = d.Status, d.Reason, d.Settled
		for _, p := range d.Positions {
			s := Side{Value: p.Common, Claims: p.Claims, Sources: p.Sources, Origins: p.Origins, OriginIDs: p.OriginIDs, Mistake: p.Mistake}
			switch ms := p.Members(); {
			case !slices.ContainsFunc(ms, func(i int) bool { return !neutral[i] }):
			case !slices.ContainsFunc(ms, func(i int) bool { return !agrees[i] }):
				r.Agrees = append(r.Agrees, s)
			default:
				r.Others = append(r.Others, s)
			}
		}
	} else {
		if len(agree) > 0 {
			r.Agrees = []Side{c.side(agree)}
		}
		if len(disagree) > 0 {
			r.Others = []Side{c.side(disagree)}
		}
	}
	if !mistaken(r, d) && !laterCounted(r, d, c.a.Ledger) {
		c.judge(r, d, t, v, len(agree), len(disagree))
	}
	if (r.Verdict == Conflicting || r.Verdict == Refuted) && r.Settled == "" {
		c.likely(r, d, cands[0], v)
	}
}

// judgeMoments judges an assertion that names no moment, on a topic whose
// value changes, against every moment: a figure that held for a while and
// was then revised is supported for that while, and the verdict says when
// it held and what it became. It reports false, leaving r alone, when the
// latest moment supports it or no moment does: then the latest moment's
// verdict stands.
func (c *checker) judgeMoments(r *Result, x assert.Assertion, t *claims.Topic, v value.Value) bool {
	l := c.a.Ledger
	// The claims in x's context, by moment, gathered once: judging each
	// moment then costs its own claims, not the topic's.
	at := map[string][]int{}
	var moments []string
	for _, i := range c.live[x.Topic] {
		if cl := &l.Claims[i]; sameContext(cl.Context, x.Context) {
			m := l.Moment(cl)
			if at[m] == nil {
				moments = append(moments, m)
			}
			at[m] = append(at[m], i)
		}
	}
	slices.Sort(moments)
	if len(moments) < 2 {
		return false
	}
	verdicts := make([]Result, len(moments))
	for k, m := range moments {
		xm := x
		xm.AsOf = m
		verdicts[k] = Result{Topic: r.Topic, Asserted: r.Asserted, Read: r.Read, Context: r.Context}
		cands, why := c.comparable(x.Topic, v, at[m])
		c.judgeAmong(&verdicts[k], xm, v, cands, why)
	}
	last := len(moments) - 1
	if verdicts[last].Verdict == Supported {
		return false
	}
	held := slices.IndexFunc(verdicts, func(res Result) bool { return res.Verdict == Supported })
	if held < 0 {
		return false
	}
	until := held
	for until+1 <= last && verdicts[until+1].Verdict == Supported {
		until++
	}
	next := verdicts[until+1]
	pos := r.Pos
	*r = verdicts[held]
	r.AsOf, r.Pos = "", pos
	became := joinSides(next.Others)
	if became == "" {
		became = joinSides(next.Agrees)
	}
	r.Message = fmt.Sprintf("held from %s until %s, when it was revised to %s; %s", moments[held], moments[until+1], became, r.Message)
	return true
}

// likely adds the ledger's likely value for the group of claim i (in
// dispute d, or in none) to r, when it differs from the asserted v.
func (c *checker) likely(r *Result, d *claims.Dispute, i int, v value.Value) {
	if d != nil {
		// A likely side that needs no estimate (one left alone beside
		// mistakes, a keeper's later count) is the one disputed shows.
		if m := resolve.LikelyOf(c.a, nil, d); m != nil && m.Reason != "" {
			if m.Position >= 0 && !value.Meets(v, d.Positions[m.Position].CommonSet()) {
				r.Likely = m
				r.Message += fmt.Sprintf("; the ledger's likely value is %s (%s)", m.Value, m.Reason)
			}
			return
		}
	}
	if c.est == nil && c.estimate != nil {
		c.est = c.estimate()
		c.estimate = nil
	}
	if c.est == nil {
		return
	}
	lv := c.est.ValueOf(i)
	if lv == nil || lv.Tied() || lv.Thin || value.Meets(v, c.a.Value(lv.Rep)) {
		return
	}
	lk := &resolve.Likely{Value: c.a.Value(lv.Rep).String(), Position: -1, Confidence: lv.Confidence}
	if d != nil {
		if m := resolve.LikelyOf(c.a, c.est, d); m != nil && !m.Settled {
			lk = m
		}
	}
	r.Likely = lk
	r.Message += fmt.Sprintf("; the ledger's likely value is %s (estimate %s)", lk.Value, estimate.Percent(lk.Confidence))
}

// judge sets the verdict and its message.
func (c *checker) judge(r *Result, d *claims.Dispute, t *claims.Topic, v value.Value, agree, disagree int) {
	if d != nil && d.Status == "resolved" && d.Settled != "" {
		if settled, err := value.Parse(d.Settled, t.Spec); err == nil {
			if value.Meets(v, settled) {
				r.Verdict = Supported
				r.Message = fmt.Sprintf("agrees with %s, the value the desk settled the dispute on", settled.String())
			} else {
				r.Verdict = Refuted
				r.Message = fmt.Sprintf("conflicts with %s, the value the desk settled the dispute on", settled.String())
				if len(r.Agrees) > 0 {
					r.Message += "; it sides with " + joinSides(r.Agrees)
				}
			}
			if d.Reason != "" {
				r.Message += " (" + d.Reason + ")"
			}
			return
		}
	}
	switch {
	case disagree == 0:
		r.Verdict = Supported
		r.Message = fmt.Sprintf("agrees with %s: %s", every(agree), joinSides(r.Agrees))
	case agree == 0:
		r.Verdict = Refuted
		r.Message = fmt.Sprintf("conflicts with %s: the ledger says %s", every(disagree), joinSides(r.Others))
	case d != nil && d.Status == "dismissed":
		r.Verdict = Supported
		r.Message = fmt.Sprintf("agrees with %s; the desk dismissed the dispute with %s", joinSides(r.Agrees), joinSides(r.Others))
		if d.Reason != "" {
			r.Message += " (" + d.Reason + ")"
		}
	case d != nil:
		r.Verdict = Conflicting
		r.Message = fmt.Sprintf("the topic is disputed and this sides with %s; the other side: %s", joinSides(r.Agrees), joinSides(r.Others))
		if len(r.Agrees) == 0 {
			r.Message = fmt.Sprintf("the topic is disputed and this agrees with only some claims; the other side: %s", joinSides(r.Others))
		}
		switch {
		case d.Expired:
			r.Message += fmt.Sprintf(" (dispute %s until %s, expired)", d.Status, d.Until)
		case d.Status != "open":
			r.Message += fmt.Sprintf(" (dispute %s)", d.Status)
		}
	default:
		r.Verdict = Conflicting
		r.Message = fmt.Sprintf("agrees with %s but not with %s", joinSides(r.Agrees), joinSides(r.Others))
	}
}

func every(n int) string {
	switch n {
	case 1:
		return "the one claim"
	case 2:
		return "both claims"
	}
	return fmt.Sprintf("all %d claims", n)
}

// candidates returns the live claims an assertion is compared with, or
// why there are none.
func (c *checker) candidates(x assert.Assertion, t *claims.Topic, v value.Value) ([]int, string) {
	l := c.a.Ledger
	all := c.live[x.Topic]
	if len(all) == 0 {
		return nil, fmt.Sprintf("the ledger has no claims on %s", x.Topic)
	}
	var inContext []int
	contexts := map[string]bool{}
	for _, i := range all {
		if ctx := l.Claims[i].Context; sameContext(ctx, x.Context) {
			inContext = append(inContext, i)
		} else {
			contexts[ctx] = true
		}
	}
	if len(inContext) == 0 {
		var others []string
		for ctx := range contexts {
			others = append(others, claims.DescribeContext(ctx))
		}
		slices.Sort(others)
		return nil, fmt.Sprintf("no claims on %s with %s; its claims have %s", x.Topic, claims.DescribeContext(x.Context), strings.Join(others, ", "))
	}
	if t.Changes {
		at := x.AsOf
		if at == "" {
			for _, i := range inContext {
				at = max(at, l.Moment(&l.Claims[i]))
			}
		}
		inContext = slices.DeleteFunc(inContext, func(i int) bool { return l.Moment(&l.Claims[i]) != at })
		if len(inContext) == 0 {
			return nil, fmt.Sprintf("no claims on %s about %s", x.Topic, at)
		}
	}
	return c.comparable(x.Topic, v, inContext)
}

// comparable keeps the claims of idx whose values can be compared with v,
// or says why none can: currencies are never converted. It may reuse idx.
func (c *checker) comparable(topic string, v value.Value, idx []int) ([]int, string) {
	out := slices.DeleteFunc(idx, func(i int) bool { return !value.Comparable(v, c.a.Value(i)) })
	if len(out) == 0 {
		return nil, fmt.Sprintf("no claims on %s in %s; currencies are never converted", topic, v.Currency)
	}
	return out, ""
}

// dispute returns the engine's dispute over these claims, if any: the
// claims are one group of the engine's, so one member tells.
func (c *checker) dispute(idx []int) *claims.Dispute {
	for _, i := range idx {
		if d := c.disputeOf[i]; d != nil {
			return d
		}
	}
	return nil
}

// side describes claims outside a dispute.
func (c *checker) side(idx []int) Side {
	l := c.a.Ledger
	var s Side
	atts := make([]sources.Attribution, 0, len(idx))
	seen := map[string]bool{}
	var vals []string
	for _, i := range idx {
		cl := &l.Claims[i]
		s.Claims = append(s.Claims, cl.ID)
		atts = append(atts, sources.Attribution{Origin: cl.Source, Via: cl.Via})
		if v := c.a.Value(i).String(); !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
	}
	sup := l.Sources.Support(atts)
	s.Value, s.Sources, s.Origins, s.OriginIDs = strings.Join(vals, " | "), sup.ReachIDs, sup.Origins, sup.OriginIDs
	return s
}

// Dispute gates for check --disputes.
const (
	// GateNew fails on disputes nobody has looked at: no disputes: entry
	// (or one that says open), or an entry whose until has passed.
	GateNew = "new"
	// GateAny fails on every dispute still open in the broad sense: all
	// but those resolved or dismissed (and not expired).
	GateAny = "any"
)

// GateResult is one dispute as a dispute gate sees it.
type GateResult struct {
	Topic    string
	Context  string
	Moment   string
	Kinds    []claims.Kind
	Severity claims.Severity
	Status   string
	Until    string
	Expired  bool
	Reason   string
	Fails    bool
	Message  string
	// Pos is the desk's disputes: entry when there is one, else the
	// first claim of the dispute.
	Pos   diag.Pos
	Sides []Side
}

// Gate judges every dispute by the gate (GateNew or GateAny). Statuses
// are per topic, as the disputes: section keys them, so one
// acknowledgement covers the topic's disputes in every context.
func Disputes(a *claims.Analysis, gate string) []GateResult {
	l := a.Ledger
	out := make([]GateResult, 0, len(a.Disputes))
	for k := range a.Disputes {
		d := &a.Disputes[k]
		g := GateResult{Topic: d.Topic, Context: d.Context, Moment: d.Moment, Kinds: d.Kinds,
			Severity: d.Severity, Status: d.Status, Until: d.Until, Expired: d.Expired, Reason: d.Reason}
		for _, p := range d.Positions {
			g.Sides = append(g.Sides, Side{Value: p.Common, Claims: p.Claims, Sources: p.Sources, Origins: p.Origins, OriginIDs: p.OriginIDs})
		}
		// An entry the desk wrote has a place; the default "open" has none.
		var st *claims.Status
		if s := l.StatusFor(d.Topic, d.Context, d.Moment); s.Pos.File != "" {
			st = s
		}
		pos := firstClaim(a, d)
		if st != nil {
			pos = st.Pos
		}
		g.Pos = pos
		var what []string
		for _, s := range g.Sides {
			what = append(what, s.String())
		}
		sides := strings.Join(what, " vs ")
		switch {
		case d.Expired && d.Status == "acknowledged":
			g.Fails = true
			g.Message = fmt.Sprintf("the acknowledgement expired after %s: %s", d.Until, sides)
		case d.Expired:
			g.Fails = true
			g.Message = fmt.Sprintf("the %s status expired after %s: %s", d.Status, d.Until, sides)
		case d.Status == "open" && st == nil:
			g.Fails = true
			g.Message = "new dispute, with no disputes: entry: " + sides
		case d.Status == "open":
			g.Fails = true
			g.Message = "open dispute: " + sides
		case d.Status == "acknowledged" && gate == GateAny:
			g.Fails = true
			g.Message = "acknowledged but not resolved: " + sides
		case d.Until != "":
			g.Message = fmt.Sprintf("%s until %s: %s", d.Status, d.Until, sides)
		default:
			g.Message = d.Status + ": " + sides
		}
		if d.Reason != "" {
			g.Message += " (" + d.Reason + ")"
		}
		out = append(out, g)
	}
	return out
}

// firstClaim is the position of the dispute's earliest claim in the files.
func firstClaim(a *claims.Analysis, d *claims.Dispute) diag.Pos {
	var best diag.Pos
	for _, p := range d.Positions {
		for _, i := range p.Members() {
			if pos := a.Ledger.Claims[i].Pos; best.File == "" || pos.Compare(best) < 0 {
				best = pos
			}
		}
	}
	return best
}

// CheckReport is everything one run of check found. Disputes is nil when
// no dispute gate ran, Quotes nil when quotes were not checked.
type CheckReport struct {
	Results  []Result
	Disputes []GateResult
	Quotes   []QuoteResult
	// Gate and Threshold record how disputes and quotes were judged.
	Gate      string
	Threshold float64
}

// CheckSummary counts a report's findings.
type CheckSummary struct {
	Assertions int
	Verdicts   map[Verdict]int
	Disputes   int
	// DisputesFailed counts the disputes the gate failed on.
	DisputesFailed int
	Quotes         int
	QuoteStatuses  map[QuoteStatus]int
	// Failed counts every failing finding; Invalid counts the input
	// errors (invalid assertions, unreadable texts) that make check exit 2.
	Failed  int
	Invalid int
}

// Summary counts the report.
func (r *CheckReport) Summary() CheckSummary {
	s := CheckSummary{Assertions: len(r.Results), Verdicts: map[Verdict]int{},
		Disputes: len(r.Disputes), Quotes: len(r.Quotes), QuoteStatuses: map[QuoteStatus]int{}}
	for _, x := range r.Results {
		s.Verdicts[x.Verdict]++
		if x.Verdict == Invalid {
			s.Invalid++
		}
		if x.Fails {
			s.Failed++
		}
	}
	for _, g := range r.Disputes {
		if g.Fails {
			s.DisputesFailed++
			s.Failed++
		}
	}
	for _, q := range r.Quotes {
		s.QuoteStatuses[q.Status]++
		switch {
		case q.Status == QuoteUnreadable:
			s.Invalid++
		case q.Fails:
			s.Failed++
		}
	}
	return s
}
