// Package claimreview maps a ledger to and from ClaimReview
// (https://schema.org/ClaimReview), the format fact-checkers publish
// their verdicts in: Export writes the claims of a ledger's settled
// disputes as ClaimReview JSON-LD, and Import reads Google Fact Check
// Tools claims:search answers and ClaimReview feeds into a ledger whose
// topics are the reviewed claims and whose sources are the fact-checkers.
package claimreview

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

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
	// URL is the address of the fact-check for reviews whose dispute
	// entry gives none (--url); the desk's url is the last resort.
	URL string
	// Today is the datePublished of reviews whose dispute entry has no
	// date:; the zero time means the real date.
	Today time.Time
}

// MissingURLError is Reviews' refusal: Google requires every ClaimReview
// to give the address of the fact-check, and these disputes' reviews
// have none.
type MissingURLError struct {
	Topics []string
}

func (e *MissingURLError) Error() string {
	more := ""
	if len(e.Topics) > 3 {
		more = fmt.Sprintf(" and %d more", len(e.Topics)-3)
	}
	return fmt.Sprintf("no url for the reviews of %s%s: Google requires the address of each fact-check",
		strings.Join(e.Topics[:min(3, len(e.Topics))], ", "), more)
}

// URLHint says how to give reviews their url.
const URLHint = "add url: to the desk: (desk: {name: My Desk, url: https://desk.example}) or to the dispute's entry under disputes:, or give --url"

// DefaultMinConfidence is the confidence an estimate needs to become a
// verdict with Options.Estimated, when MinConfidence is 0.
const DefaultMinConfidence = 0.9

// Review is one ClaimReview as Export writes it; the JSON names are
// schema.org's.
type Review struct {
	Context       string `json:"@context"`
	Type          string `json:"@type"`
	URL           string `json:"url"`
	DatePublished string `json:"datePublished"`
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

// CreativeWork is where a claim appeared: a link to it, or, for a source
// with no address, its words inline.
type CreativeWork struct {
	Type          string `json:"@type"`
	URL           string `json:"url,omitempty"`
	Text          string `json:"text,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
}

// Rating is a review's verdict on the 1 to 5 scale.
type Rating struct {
	Type          string `json:"@type"`
	Name          string `json:"name"`
	AlternateName string `json:"alternateName"`
	RatingValue   int    `json:"ratingValue"`
	BestRating    int    `json:"bestRating"`
	WorstRating   int    `json:"worstRating"`
}

// Reviews returns one review per claim of each dispute of a that has a
// verdict (see Options), in ledger order. It refuses, with a
// MissingURLError, when a review would have no url.
func Reviews(a *claims.Analysis, opts Options) ([]Review, error) {
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
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	type judged struct {
		claim     int
		verdict   Verdict
		reason    string
		url, date string
	}
	var out []judged
	var noURL []string
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
		st := l.StatusFor(d.Topic, d.Context, d.Moment)
		url := cmp.Or(st.URL, opts.URL, l.Desk.URL)
		if url == "" && !slices.Contains(noURL, d.Topic) {
			noURL = append(noURL, d.Topic)
		}
		date := cmp.Or(st.Date, today.Format(time.DateOnly))
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
			out = append(out, judged{m, judge(c, likely, vague[m]), d.Reason, url, date})
		}
	}
	if len(noURL) > 0 {
		return nil, &MissingURLError{Topics: noURL}
	}
	slices.SortStableFunc(out, func(x, y judged) int { return x.claim - y.claim })
	reviews := make([]Review, 0, len(out))
	for _, j := range out {
		c := &l.Claims[j.claim]
		r := Review{Context: Context, Type: "ClaimReview", URL: j.url, DatePublished: j.date,
			ClaimReviewed: sentence(l, c), Author: author,
			ReviewBody: j.reason, ItemReviewed: Claim{Type: "Claim", DatePublished: c.Date},
			ReviewRating: Rating{Type: "Rating", Name: j.verdict.Name, AlternateName: j.verdict.Name,
				RatingValue: j.verdict.Value, BestRating: BestRating, WorstRating: WorstRating}}
		if !c.DerivedID {
			r.Identifier = c.ID
		}
		// Google wants to know where the claim appeared: a link when the
		// source has an address, else the claim's words inline.
		appearance := &CreativeWork{Type: "CreativeWork", DatePublished: c.Date}
		if s := l.Sources.Get(c.Source); s != nil {
			r.ItemReviewed.Author = &Party{Type: partyType(s.Kind), Name: s.Name}
			appearance.URL = s.URL
		} else {
			r.ItemReviewed.Author = &Party{Type: "Organization", Name: c.Source}
		}
		if appearance.URL == "" {
			appearance.Text = r.ClaimReviewed
		} else {
			appearance.DatePublished = ""
		}
		r.ItemReviewed.Appearance = appearance
		reviews = append(reviews, r)
	}
	return reviews, nil
}

// sentence is the claim c as a reader would say it: its quote, else the
// topic's question (or, without one, its id) and the claimed value, so a
// review does not say only "G8".
func sentence(l *claims.Ledger, c *claims.Claim) string {
	if c.Quote != "" {
		return c.Quote
	}
	q := c.Topic
	if t := l.Topics[c.Topic]; t != nil && t.Question != "" {
		q = strings.TrimSpace(t.Question)
	}
	if strings.HasSuffix(q, "?") {
		return q + " " + c.Shown()
	}
	return q + ": " + c.Shown()
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
	reviews, err := Reviews(a, opts)
	if err != nil {
		return err
	}
	return Write(w, reviews)
}

// Write writes reviews as Export does.
func Write(w io.Writer, reviews []Review) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(reviews)
}
