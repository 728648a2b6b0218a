package check

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/sources"
)

// QuoteStatus is what a quote check found.
type QuoteStatus string

const (
	// QuoteMatched: the quote is in an archived text, up to
	// sources.Normalize (case, white space, quote marks, dashes).
	QuoteMatched QuoteStatus = "matched"
	// QuoteClose: not verbatim, but a passage is at least as similar as
	// the threshold asks.
	QuoteClose QuoteStatus = "close"
	// QuoteMismatch: the closest passage is below the threshold. It fails.
	QuoteMismatch QuoteStatus = "mismatch"
	// QuoteUnchecked: no source on the claim's chain has an archived
	// text. It is reported, never counted as passed.
	QuoteUnchecked QuoteStatus = "unchecked"
	// QuoteUnreadable: a text the ledger names could not be read. Like an
	// unreadable ledger, it makes check exit 2.
	QuoteUnreadable QuoteStatus = "unreadable"
)

// DefaultQuoteThreshold is --quote-threshold's default.
const DefaultQuoteThreshold = 0.9

// QuoteResult is the check of one claim's quote.
type QuoteResult struct {
	Claim  string
	Topic  string
	Source string
	Quote  string
	Status QuoteStatus
	Fails  bool
	// Similarity is 1 for a match, else that of the closest passage
	// (0 to 1, four decimals); Passage is that passage as archived.
	Similarity float64
	Passage    string
	// Text is the archived text the best passage is in, as the ledger
	// writes its path, and TextSource the source it belongs to.
	Text       string
	TextSource string
	Chain      []string
	Message    string
	// Pos is the claim's.
	Pos diag.Pos
}

// Quotes checks every claim's quote against the archived texts
// (text:) of the sources on its chain: its source, its via entries and
// theirs. Each text is read and indexed once, however many quotes it
// serves. A quote passes when it is in some text, or when the closest
// passage's similarity is at least threshold.
func Quotes(l *claims.Ledger, threshold float64) []QuoteResult {
	return QuotesWhere(l, threshold, func(*claims.Claim) bool { return true })
}

// QuotesWhere is Quotes of the claims keep passes (check --context).
func QuotesWhere(l *claims.Ledger, threshold float64, keep func(c *claims.Claim) bool) []QuoteResult {
	qc := &quoteChecker{l: l, archives: map[string]*archived{}}
	var out []QuoteResult
	for i := range l.Claims {
		if l.Claims[i].Quote != "" && keep(&l.Claims[i]) {
			out = append(out, qc.check(&l.Claims[i], threshold))
		}
	}
	return out
}

type quoteChecker struct {
	l        *claims.Ledger
	archives map[string]*archived
}

type archived struct {
	a   *sources.Archive
	err error
}

// archive returns source s's text at path, read and indexed on first use.
// The path is relative to the directory of the file that defines s.
func (qc *quoteChecker) archive(s *sources.Source, path string) *archived {
	dir := filepath.Dir(s.Pos.File)
	key := filepath.Join(dir, path)
	if ar, ok := qc.archives[key]; ok {
		return ar
	}
	ar := &archived{}
	if qc.l.Example {
		ar.err = fmt.Errorf("the built-in example has no archived texts")
	} else if text, err := sources.OpenText(dir, path); err != nil {
		ar.err = err
	} else {
		ar.a = sources.NewArchive(text)
	}
	qc.archives[key] = ar
	return ar
}

func (qc *quoteChecker) check(c *claims.Claim, threshold float64) QuoteResult {
	l := qc.l
	chain := l.Sources.Chain(c.Source, c.Via)
	q := QuoteResult{Claim: c.ID, Topic: c.Topic, Source: c.Source, Quote: c.Quote, Chain: chain, Pos: c.Pos}
	var best sources.Match
	var bestSrc *sources.Source
	var bestText string
	var unreadable error
	var unreadableSrc *sources.Source
	// Every text of every source on the chain, until one holds the quote
	// as it is: a wire cited from several articles has a text for each.
texts:
	for _, id := range chain {
		s := l.Sources.Get(id)
		if s == nil {
			continue
		}
		for _, path := range s.TextPaths() {
			ar := qc.archive(s, path)
			if ar.err != nil {
				if unreadable == nil {
					unreadable, unreadableSrc = ar.err, s
				}
				continue
			}
			m := ar.a.Find(c.Quote)
			if bestSrc == nil || m.Similarity > best.Similarity {
				best, bestSrc, bestText = m, s, path
			}
			if m.Exact {
				break texts
			}
		}
	}
	var name string
	if bestSrc != nil {
		name = fmt.Sprintf("%s (%s)", bestText, bestSrc.ID)
	}
	switch {
	case bestSrc != nil && best.Exact:
		q.Status = QuoteMatched
		q.Message = fmt.Sprintf("the quote is in %s", name)
	case bestSrc != nil && best.Similarity >= threshold:
		if missing := missingFigures(c.Quote, best.Passage); len(missing) > 0 {
			q.Status, q.Fails = QuoteMismatch, true
			q.Message = fmt.Sprintf("the quote is close to a passage of %s, similarity %s, but the passage does not say %s",
				name, FormatSimilarity(best.Similarity), strings.Join(missing, ", "))
			break
		}
		q.Status = QuoteClose
		q.Message = fmt.Sprintf("the quote is close to a passage of %s, similarity %s", name, FormatSimilarity(best.Similarity))
	case unreadable != nil:
		q.Status, q.Fails = QuoteUnreadable, true
		q.Message = fmt.Sprintf("cannot read the archived text of %s: %v", unreadableSrc.ID, unreadable)
		return q
	case bestSrc != nil:
		q.Status, q.Fails = QuoteMismatch, true
		q.Message = fmt.Sprintf("the quote is not in %s: the closest passage has similarity %s, below %s",
			name, FormatSimilarity(best.Similarity), FormatSimilarity(threshold))
		if best.Passage == "" {
			q.Message = fmt.Sprintf("the quote is not in %s, and no passage is close", name)
		}
	default:
		q.Status = QuoteUnchecked
		q.Message = fmt.Sprintf("no source on the chain %s has an archived text", sources.ChainString(chain))
		return q
	}
	q.Similarity = math.Round(best.Similarity*10000) / 10000
	q.Passage, q.Text, q.TextSource = best.Passage, bestText, bestSrc.ID
	return q
}

// missingFigures returns the numbers in quote that passage does not hold.
// A changed figure is the one edit that matters most in a quote and the
// one a similarity barely notices ("$14.2 million" for "$12.4 million"),
// so a close passage must still hold every figure of the quote.
func missingFigures(quote, passage string) []string {
	have := map[string]int{}
	for _, f := range figures(passage) {
		have[f]++
	}
	var missing []string
	for _, f := range figures(quote) {
		if have[f] == 0 {
			missing = append(missing, f)
			continue
		}
		have[f]--
	}
	return missing
}

// figures lists the numbers written with digits in s, thousands
// separators dropped: "$12,400.5 and 3" gives 12400.5 and 3.
func figures(s string) []string {
	var out []string
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.TrimRight(string(cur), ".,"))
			cur = cur[:0]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			cur = append(cur, c)
		case (c == ',' || c == '.') && len(cur) > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			if c == '.' {
				cur = append(cur, c)
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// FormatSimilarity shows a similarity with two decimals, rounded down so
// that a failing 0.899 never reads as the threshold 0.90.
func FormatSimilarity(x float64) string {
	return fmt.Sprintf("%.2f", math.Floor(x*100+1e-9)/100)
}
