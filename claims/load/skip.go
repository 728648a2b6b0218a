package load

import (
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// One bad row in a feed of millions should not stop a job that only lists
// disputes. SkipUnread lets such a job leave out the claims that could not
// be read, and say so, rather than refuse the whole ledger.

// maxFirst is how many positions Skipped.First holds.
const maxFirst = 3

// Skipped says what SkipUnread left out.
type Skipped struct {
	// Claims counts the problems that made a claim or a row unreadable,
	// those past a file's display cap included; Codes counts them by
	// problem code. A claim with two fields unread counts twice.
	Claims int
	Codes  map[string]int
	// First holds the positions of the first few, for a person to look.
	First []diag.Pos
}

// SkipUnread takes out of l the claims that could not be read, whole,
// and their problems, wherever the display cap put them, and returns what
// it left out. Every other problem stays, so a ledger with an unknown
// source, a duplicate id or a bad head still cannot be compared.
func SkipUnread(l *claims.Ledger) Skipped {
	s := Skipped{Codes: map[string]int{}}
	// The problems the cap hid that were not rows may show now, up to the
	// cap again: an unknown source after a hundred bad values.
	var revealed []diag.Problem
	kept := l.Problems[:0]
	for _, p := range l.Problems {
		switch {
		case p.Row:
			s.Claims++
			s.Codes[p.Code]++
			if len(s.First) < maxFirst {
				s.First = append(s.First, p.Pos)
			}
		case p.Code == "too-many" && len(p.HiddenRows) > 0:
			rows, shown := p.TakeRows()
			for code, n := range rows {
				s.Claims += n
				s.Codes[code] += n
			}
			if p.HiddenErrors+p.HiddenWarnings > 0 {
				kept = append(kept, p)
			}
			revealed = append(revealed, shown...)
		default:
			kept = append(kept, p)
		}
	}
	clear(l.Problems[len(kept):])
	l.Problems = kept
	if len(revealed) > 0 {
		l.Problems = append(l.Problems, revealed...)
		diag.Sort(l.Problems)
		l.Problems = capPerFile(l.Problems)
	}
	var unread []diag.Pos
	l.Claims = slices.DeleteFunc(l.Claims, func(c claims.Claim) bool {
		if c.Unread && len(unread) < maxFirst {
			unread = append(unread, c.ValuePos())
		}
		return c.Unread
	})
	s.First = firstPositions(s.First, unread)
	return s
}

// firstPositions adds to the positions of the problems shown those of
// the claims left out, for when the cap hid the problems, and keeps the
// first few, one a line.
func firstPositions(shown, claims []diag.Pos) []diag.Pos {
	all := slices.Concat(shown, claims)
	slices.SortFunc(all, diag.Pos.Compare)
	all = slices.CompactFunc(all, func(a, b diag.Pos) bool { return a.File == b.File && a.Line == b.Line })
	return all[:min(len(all), maxFirst)]
}
