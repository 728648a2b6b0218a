package claims

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims/value"
)

// Kind says why a dispute is one. Its JSON names are part of the contract.
type Kind string

const (
	// KindConflict: different origins disagree.
	KindConflict Kind = "conflict"
	// KindSelf: one origin contradicts itself on the same date.
	KindSelf Kind = "self"
	// KindNegation: a claim and a denial (denies: true) of the same value.
	KindNegation Kind = "negation"
)

// Kinds lists every kind, for flags and docs.
var Kinds = []Kind{KindConflict, KindSelf, KindNegation}

// Dispute is a topic, in one context and at one moment, on which at least
// two claims cannot both be true.
type Dispute struct {
	Topic    string   `json:"topic"`
	Question string   `json:"question,omitempty"`
	Context  string   `json:"context,omitempty"`
	Moment   string   `json:"as_of,omitempty"`
	Kinds    []Kind   `json:"kinds"`
	Severity Severity `json:"severity"`
	// Score orders disputes within a severity, 0 to 100.
	Score  int    `json:"score"`
	Status string `json:"status"`
	// Reason and Settled come from the desk's disputes: entry.
	Reason  string `json:"reason,omitempty"`
	Settled string `json:"settled,omitempty"`
	Until   string `json:"until,omitempty"`
	// Expired is set when an acknowledgement's until date has passed.
	Expired   bool       `json:"expired,omitempty"`
	Positions []Position `json:"positions"`
	// Arithmetic explains disputes over relative values, such as
	// "half of ukraine.army-size (≈ 850,000) ≈ 425,000 vs 600,000".
	Arithmetic []string `json:"arithmetic,omitempty"`
	// Gap is how far apart the two best-supported positions are, as a
	// fraction of the larger (1 for words that differ).
	Gap float64 `json:"gap"`
}

// Position is a group of mutually compatible claims within a dispute.
type Position struct {
	// Value is the value as written in the ledger by the position's first
	// claim; Values lists every distinct way its claims wrote it.
	Value  string   `json:"value"`
	Values []string `json:"values"`
	// Common renders the set all its claims share, such as "600,000".
	Common  string   `json:"common"`
	Denies  bool     `json:"denies,omitempty"`
	Claims  []string `json:"claims"`
	Sources []string `json:"sources"`
	// Origins is the number of independent origins; OriginIDs names them.
	Origins   int      `json:"origins"`
	OriginIDs []string `json:"origin_ids"`
	// Reach counts every source the claims passed through, origins included.
	Reach  int      `json:"reach"`
	Chains []string `json:"chains"`
	Quotes []Quote  `json:"quotes,omitempty"`
	// Strength weighs origins, an anonymous one counting half.
	Strength float64 `json:"strength"`

	members []int
	common  value.Value
}

// Quote is a claim's verbatim words with who said them.
type Quote struct {
	Claim  string `json:"claim"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

// Members returns the indexes into Ledger.Claims of the position's claims.
func (p *Position) Members() []int { return p.members }

// Analysis is what the comparison engine found in a ledger.
type Analysis struct {
	Ledger   *Ledger
	Disputes []Dispute
	// Superseded maps a claim (by index) to the later claim of the same
	// origin that revised it; such pairs are shown, never flagged.
	Superseded map[int]int
	// Unresolved lists relative claims whose referenced topic has no
	// absolute value to scale; they take no part in comparison.
	Unresolved []int
	// disputedClaims marks claims that sit in some dispute.
	disputedClaims map[int]bool
	// vals holds the claims' comparable values.
	vals *values
}

// InDispute reports whether claim i is part of a dispute.
func (a *Analysis) InDispute(i int) bool { return a.disputedClaims[i] }

// Options tune the analysis.
type Options struct {
	// Today decides whether acknowledgements have expired; zero means now.
	Today time.Time
}

// Analyze finds every dispute in l. It groups claims by topic, context and
// moment and sweeps each group's sorted sets, so its cost is O(n log n)
// and it never compares all pairs.
func Analyze(l *Ledger, opts Options) *Analysis {
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}
	a := &Analysis{Ledger: l, Superseded: map[int]int{}, disputedClaims: map[int]bool{}}
	vals, refs := resolveRelative(l, a)
	a.vals = vals
	for _, g := range groupClaims(l, vals) {
		live := a.supersede(g)
		if d, ok := a.compare(g, live, vals, refs); ok {
			a.applyStatus(&d, opts.Today)
			a.Disputes = append(a.Disputes, d)
		}
	}
	slices.SortStableFunc(a.Disputes, func(x, y Dispute) int {
		return cmp.Or(cmp.Compare(y.Severity.rank(), x.Severity.rank()), cmp.Compare(y.Score, x.Score),
			strings.Compare(x.Topic, y.Topic), strings.Compare(x.Context, y.Context), strings.Compare(x.Moment, y.Moment))
	})
	return a
}

func (a *Analysis) applyStatus(d *Dispute, today time.Time) {
	st := a.Ledger.StatusOf(d.Topic)
	d.Status, d.Reason, d.Until = st.Status, st.Reason, st.Until
	if st.Status == "resolved" {
		d.Settled = st.Value
	}
	if st.Until != "" {
		if until, err := time.Parse(time.DateOnly, st.Until[:min(len(st.Until), 10)]); err == nil && !today.Before(until.AddDate(0, 0, 1)) {
			d.Expired = true
		}
	}
}
