// Package claimreview maps a ledger to and from ClaimReview
// (https://schema.org/ClaimReview), the format fact-checkers publish
// their verdicts in: Export writes the claims of a ledger's settled
// disputes as ClaimReview JSON-LD, and Import reads Google Fact Check
// Tools claims:search answers and ClaimReview feeds into a ledger whose
// topics are the reviewed claims and whose sources are the fact-checkers.
package claimreview

import (
	"encoding/json"
	"io"
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/sources"
)

// Context is the JSON-LD @context of every review Export writes.
const Context = "https://schema.org"

// DefaultAuthor names the reviews' author when the ledger names no desk.
const DefaultAuthor = "claimdiff"

// Verdicts on the 1 to 5 scale Export writes: the alternateName and
// ratingValue of each. Mostly true and Misleading complete the scale for
// readers; Export itself gives True, Unproven and False.
var (
	True       = Verdict{"True", 5}
	MostlyTrue = Verdict{"Mostly true", 4}
	Unproven   = Verdict{"Unproven", 3}
	Misleading = Verdict{"Misleading", 2}
	False      = Verdict{"False", 1}
)

// Best and worst rating values of the scale.
const (
	BestRating  = 5
	WorstRating = 1
)

// Verdict is one rating of the scale.
type Verdict struct {
	Name  string
	Value int
}

// Options say which disputes Export reviews.
type Options struct {
	// Estimated adds disputes the desk has not settled whose estimated
	// likely value has at least MinConfidence; without it only the
	// desk's settled values (status resolved with a value) are verdicts.
	Estimated     bool
	MinConfidence float64
}

// DefaultMinConfidence is the confidence an estimate needs to become a
// verdict with Options.Estimated, when MinConfidence is 0.
const DefaultMinConfidence = 0.9

// Review is one ClaimReview as Export writes it; the JSON names are
// schema.org's.
type Review struct {
	Context       string `json:"@context"`
	Type          string `json:"@type"`
	ClaimReviewed string `json:"claimReviewed"`
	ItemReviewed  Claim  `json:"itemReviewed"`
	Author        Party  `json:"author"`
	ReviewRating  Rating `json:"reviewRating"`
	ReviewBody    string `json:"reviewBody,omitempty"`
	Identifier    string `json:"identifier,omitempty"`
}

// Claim is schema.org's Claim: what was said, by whom, when and where.
type Claim struct {
	Type          string        `json:"@type"`
	Author        *Party        `json:"author,omitempty"`
	DatePublished string        `json:"datePublished,omitempty"`
	Appearance    *CreativeWork `json:"appearance,omitempty"`
}

// Party is an Organization or a Person.
type Party struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// CreativeWork is where a claim appeared.
type CreativeWork struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// Rating is a review's verdict on the 1 to 5 scale.
type Rating struct {
	Type          string `json:"@type"`
	AlternateName string `json:"alternateName"`
	RatingValue   int    `json:"ratingValue"`
	BestRating    int    `json:"bestRating"`
	WorstRating   int    `json:"worstRating"`
}

// Reviews returns one review per claim of each dispute of a that has a
// verdict (see Options), in ledger order.
func Reviews(a *claims.Analysis, opts Options) []Review {
	l := a.Ledger
	author := Party{Type: "Organization", Name: l.Desk.Name, URL: l.Desk.URL}
	if author.Name == "" {
		author.Name = DefaultAuthor
	}
	minConf := opts.MinConfidence
	if minConf == 0 {
		minConf = DefaultMinConfidence
	}
	marks := resolve.Marks(a, a.Disputes, opts.Estimated)
	type judged struct {
		claim   int
		verdict Verdict
		reason  string
	}
	var out []judged
	for di := range a.Disputes {
		d := &a.Disputes[di]
		lk := marks[di]
		if lk == nil || (!lk.Settled && (!opts.Estimated || lk.Confidence < minConf)) {
			continue
		}
		t := l.Topics[d.Topic]
		if t == nil {
			continue
		}
		likely, err := value.Parse(lk.Value, t.Spec)
		if err != nil {
			continue
		}
		vague := map[int]bool{}
		var members []int
		for pi := range d.Positions {
			members = append(members, d.Positions[pi].Members()...)
		}
		for vi := range d.Vague {
			m := d.Vague[vi].Member()
			vague[m] = true
			members = append(members, m)
		}
		for _, m := range members {
			c := &l.Claims[m]
			if c.NoValue {
				continue
			}
			out = append(out, judged{m, judge(c, likely, vague[m]), d.Reason})
		}
	}
	slices.SortStableFunc(out, func(x, y judged) int { return x.claim - y.claim })
	reviews := make([]Review, 0, len(out))
	for _, j := range out {
		c := &l.Claims[j.claim]
		r := Review{Context: Context, Type: "ClaimReview", ClaimReviewed: c.Quote, Author: author,
			ReviewBody: j.reason, ItemReviewed: Claim{Type: "Claim", DatePublished: c.Date},
			ReviewRating: Rating{Type: "Rating", AlternateName: j.verdict.Name, RatingValue: j.verdict.Value,
				BestRating: BestRating, WorstRating: WorstRating}}
		if !c.DerivedID {
			r.Identifier = c.ID
		}
		if r.ClaimReviewed == "" {
			r.ClaimReviewed = c.Shown()
		}
		if s := l.Sources.Get(c.Source); s != nil {
			r.ItemReviewed.Author = &Party{Type: partyType(s.Kind), Name: s.Name}
			if s.URL != "" {
				r.ItemReviewed.Appearance = &CreativeWork{Type: "CreativeWork", URL: s.URL}
			}
		} else {
			r.ItemReviewed.Author = &Party{Type: "Organization", Name: c.Source}
		}
		reviews = append(reviews, r)
	}
	return reviews
}

// judge rates claim c against the likely value: a claim that allows it
// is True and one that cannot is False (value.Meets reads a denial as the
// complement of what it denies); a vague claim, which fits sides that
// conflict, is Unproven when it allows the likely value, since it is too
// loose to confirm it, and False when it does not.
func judge(c *claims.Claim, likely value.Value, vague bool) Verdict {
	meets := value.Meets(c.Value, likely)
	switch {
	case vague && meets:
		return Unproven
	case meets:
		return True
	}
	return False
}

// partyType is the schema.org type of a source of kind k: people and
// officials are Persons, everything else an Organization.
func partyType(k sources.Kind) string {
	switch k {
	case sources.Person, sources.Official:
		return "Person"
	}
	return "Organization"
}

// Export writes a's reviews (see Reviews) as a JSON-LD array of
// ClaimReview objects, indented, with a final newline.
func Export(w io.Writer, a *claims.Analysis, opts Options) error {
	return Write(w, Reviews(a, opts))
}

// Write writes reviews as Export does.
func Write(w io.Writer, reviews []Review) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(reviews)
}
