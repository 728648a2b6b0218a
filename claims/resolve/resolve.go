// Package resolve judges which value of each topic is most likely true,
// how accurate each source is, and which sources copy one another.
//
// It is a truth-discovery estimator in the family of Accu and AccuCopy
// (Dong, Berti-Équille and Srivastava, VLDB 2009): each source's accuracy
// is estimated from how often it agrees with the likely values, the
// likely values from the sources' accuracy-weighted votes, and the two
// are iterated to a fixed point. Along the way, pairs of sources that
// share values, above all the same wrong values, more often than
// independent sources would are taken to copy one another, and a
// copier's vote is discounted. Claims that reach us through one origin
// (via) already count once, as everywhere in claimdiff.
//
// The package reads a claims.Analysis and never a file; writers for its
// results live in internal/resolveout.
package resolve

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
)

// Method is how the likely values are chosen.
type Method string

const (
	// Accu estimates source accuracy and copying, iterating to a fixed
	// point. The default.
	Accu Method = "accucopy"
	// Majority gives every independent origin one vote and estimates
	// nothing: the baseline Accu is measured against.
	Majority Method = "majority"
)

// Options tune Run. The zero value is the documented default.
type Options struct {
	Method Method
	// MaxIterations caps the rounds of estimating accuracy and copying;
	// 0 means DefaultMaxIterations.
	MaxIterations int
	// Explain, when set, keeps the reasoning behind the values of the
	// topics it accepts, in Result.Explanations.
	Explain func(topic string) bool

	// only, when set, limits Result.Values to the groups whose topic,
	// context and moment it holds: Marks wants the values of disputes,
	// a few of a ledger's groups, and writing out the rest cost more
	// than the rounds.
	only map[[3]string]bool
}

// The estimator's constants. They are fixed, not tuned per ledger, so
// the same ledger always gives the same answer; README explains them.
const (
	// DefaultMaxIterations caps the rounds. Estimates usually settle in
	// well under ten, and the damped steps after freeRounds settle any
	// by about freeRounds+14.
	DefaultMaxIterations = 30
	// freeRounds are the rounds that move the estimate all the way to
	// what their evidence says; each after moves half as far as the one
	// before (step).
	freeRounds = 8
	// convergence: rounds stop once no source's accuracy moved by more.
	convergence = 1e-4
	// priorAccuracy is every source's accuracy before any evidence, and
	// priorWeight how many claims' worth it counts for: a source with
	// four claims, all right, reaches (4 + 4·0.8)/8 = 0.9 at most.
	priorAccuracy = 0.8
	priorWeight   = 4.0
	// slotWeight is how many claims' worth a source's overall accuracy
	// counts for in its accuracy on one kind of question.
	slotWeight = 4.0
	// minAccuracy and maxAccuracy bound estimates so that votes stay
	// finite.
	minAccuracy = 0.01
	maxAccuracy = 0.99
	// openFalse is how many wrong values a topic of numbers, dates or
	// text is taken to have (Accu's n): a bool has one, a choice one
	// fewer than its choices.
	openFalse = 10
	// vagueWeight is the support a vague claim ("up to 9,000") or a
	// denial spreads over the values it fits, and partialWeight what one
	// value gives another that it only overlaps (an author list that is
	// part of another).
	vagueWeight   = 0.5
	partialWeight = 0.5
	// copyPrior is the prior probability that one source copies another
	// (each way), and copyRate the share of its values a copier copies.
	copyPrior = 0.05
	copyRate  = 0.8
	// keepForm is the share of copied values a copier writes as its
	// original did (the same raw string).
	keepForm = 0.5
	// maxCopyOrigins caps the origins of a topic whose claims are used as
	// evidence of copying: agreeing with hundreds of others says little
	// about any two of them, and the pairs would grow with its square.
	maxCopyOrigins = 64
	// maxPartial caps the values of a topic compared pairwise for
	// partial support.
	maxPartial = 64
	// thinEvidence is how many claims' worth of evidence an origin needs
	// before its accuracy may break a dispute that a vote of origins
	// does not (see Value.Thin).
	thinEvidence = 10
	// minCopyValues is how many values two origins must share before
	// their agreement says anything of copying: one or two shared
	// values, wrong or not, are what independent outlets of a news story
	// share all the time, and a copy found on them would wipe out a
	// side's independent origins.
	minCopyValues = 3
	// copyThreshold is the probability of dependence from which a pair
	// is reported as copying.
	copyThreshold = 0.5
)

// Result is what Run found.
type Result struct {
	Ledger *claims.Ledger
	Method Method
	// Values holds the likely value of every topic, context and moment
	// that has a claim to judge, ordered by topic, context, moment and
	// currency.
	Values []Value
	// Sources holds every origin that made a claim taken into account,
	// by id.
	Sources []Source
	// Iterations is how many rounds ran; Converged is false when they
	// stopped at the cap.
	Iterations int
	Converged  bool
	// Ignored counts claims that took no part: placeholders such as
	// "not available", and claims without a comparable value.
	Ignored int
	// Explanations are kept for the topics Options.Explain accepted.
	Explanations []Explanation

	claimProb []float32 // per claim: the probability it is right; NaN if unjudged
	sourceIdx map[string]int
	analysis  *claims.Analysis
}

// Value is the likely value of one topic in one context at one moment.
type Value struct {
	Topic   string
	Context string // canonical "key=value; key=value", "" for none
	Moment  string // as_of or date, for topics that change; else ""
	// Currency separates money values that are never compared.
	Currency string
	// Value is as one of its supporting claims wrote it; Canonical is
	// the normalised form (see Canonical).
	Value, Canonical string
	// Confidence is the estimated probability that Value is right.
	Confidence float64
	// Claims indexes Ledger.Claims: every claim that supports Value,
	// by id.
	Claims []int
	// Rep indexes Ledger.Claims: the claim whose value stands for Value
	// (the one whose wording Value is). It claims Value itself, where
	// others in Claims may only fit it.
	Rep int
	// Origins are the independent origins of those claims, sorted.
	Origins []string
	// Alternatives are the other values claimed, most likely first.
	Alternatives []Alternative
	// Thin is set when the estimate rests on too little evidence to
	// state: no more independent origins stand for the likely value than
	// for the next (a range fitting only one of the two, or a denial
	// ruling out only one, standing for the other), so that only the
	// origins' accuracies choose it, and one of those origins has made
	// too few claims (thinEvidence) for its accuracy to be known. Writers
	// say "too little evidence to estimate".
	Thin bool
}

// Alternative is a value judged less likely than the chosen one.
type Alternative struct {
	Value, Canonical string
	Probability      float64
	Claims           []int
	Origins          []string
}

// Contested reports whether the claims disagree at all.
func (v *Value) Contested() bool { return len(v.Alternatives) > 0 }

// Tied reports whether the next value is just as likely: then Value won
// only by the tie-break (more origins, then canonical order), and no
// side should be called likely.
func (v *Value) Tied() bool {
	return len(v.Alternatives) > 0 && nearlyEqual(v.Confidence, v.Alternatives[0].Probability)
}

// Source is what Run estimated about one origin.
type Source struct {
	ID string
	// Accuracy is the estimated share of its claims that are right.
	Accuracy float64
	// Claims counts its claims taken into account.
	Claims int
	// Copies lists the sources it likely copies from or shares a copied
	// feed with, most likely first.
	Copies []Copy
}

// Copy is a likely copying relation. Probability is that of the source
// copying From; where the data cannot tell which way values flowed, each
// of the pair lists the other with about half the dependence.
type Copy struct {
	From        string
	Probability float64
	// Dependence is the probability that the two are not independent,
	// either way.
	Dependence float64
}

// Run estimates the likely values of every topic in a's ledger.
func Run(a *claims.Analysis, opts Options) *Result {
	if opts.Method == "" {
		opts.Method = Accu
	}
	if opts.MaxIterations <= 0 {
		opts.MaxIterations = DefaultMaxIterations
	}
	e := build(a, opts)
	if opts.Method == Majority {
		e.majority()
	} else {
		e.iterate()
	}
	return e.result()
}

// Find returns the likely values of topic in context at moment (more
// than one only when they are amounts in different currencies).
func (r *Result) Find(topic, context, moment string) []*Value {
	i, _ := slices.BinarySearchFunc(r.Values, [3]string{topic, context, moment}, func(v Value, k [3]string) int {
		return cmp.Or(strings.Compare(v.Topic, k[0]), strings.Compare(v.Context, k[1]), strings.Compare(v.Moment, k[2]))
	})
	var out []*Value
	for ; i < len(r.Values) && r.Values[i].Topic == topic && r.Values[i].Context == context && r.Values[i].Moment == moment; i++ {
		out = append(out, &r.Values[i])
	}
	return out
}

// ValueOf returns the likely value of the group claim i (an index into
// Ledger.Claims) belongs to: its topic, context, moment and currency.
// It is nil when that group had nothing to judge.
func (r *Result) ValueOf(i int) *Value {
	if r.analysis == nil || i < 0 || i >= len(r.Ledger.Claims) {
		return nil
	}
	c := &r.Ledger.Claims[i]
	currency := r.analysis.Value(i).Currency
	for _, v := range r.Find(c.Topic, c.Context, r.Ledger.Moment(c)) {
		if v.Currency == currency {
			return v
		}
	}
	return nil
}

// Source returns the estimate for origin id, or nil when it made no
// claim that was taken into account.
func (r *Result) Source(id string) *Source {
	if i, ok := r.sourceIdx[id]; ok {
		return &r.Sources[i]
	}
	return nil
}

// ClaimProbability is the estimated probability that claim i (an index
// into Ledger.Claims) is right: that the true value lies in what it
// says. ok is false for claims that took no part.
func (r *Result) ClaimProbability(i int) (p float64, ok bool) {
	if i < 0 || i >= len(r.claimProb) || r.claimProb[i] != r.claimProb[i] {
		return 0, false
	}
	return float64(r.claimProb[i]), true
}
