package load

import (
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// One bad row in a feed of millions should not stop a job that only lists
// disputes. SkipUnread lets such a job leave out the claims that could not
// be read, and say so, rather than refuse the whole ledger.

// unreadCodes are the problems of a single claim or row that leave only
// that claim out: its value, date or fields could not be read.
var unreadCodes = map[string]bool{
	"bad-value": true, "unit-mismatch": true, "unknown-choice": true, "no-value": true,
	"bad-date": true, "missing-field": true, "too-long": true, "wrong-type": true,
}

// Skipped says what SkipUnread left out.
type Skipped struct {
	// Claims counts the claims left out, or the rows that never became
	// claims; Codes counts them by problem code, those a file did not
	// show counted under "more".
	Claims int
	Codes  map[string]int
	// First holds the positions of the first few, for a person to look.
	First []diag.Pos
}

// SkipUnread takes out of l the claims that could not be read and their
// problems, and returns what it left out. Every other problem stays, so a
// ledger with an unknown source still cannot be compared.
func SkipUnread(l *claims.Ledger) Skipped {
	s := Skipped{Codes: map[string]int{}}
	// A file's too-many problem counts with the claims when every problem
	// the file shows is one of theirs.
	onlyUnread := map[string]bool{}
	for _, p := range l.Problems {
		if p.Code == "too-many" {
			continue
		}
		f := p.Pos.File
		if _, seen := onlyUnread[f]; !seen {
			onlyUnread[f] = true
		}
		onlyUnread[f] = onlyUnread[f] && unreadCodes[p.Code]
	}
	kept := l.Problems[:0]
	for _, p := range l.Problems {
		switch {
		case unreadCodes[p.Code]:
			s.Claims++
			s.Codes[p.Code]++
			if len(s.First) < 3 {
				s.First = append(s.First, p.Pos)
			}
		case p.Code == "too-many" && onlyUnread[p.Pos.File]:
			n := p.HiddenErrors + p.HiddenWarnings
			s.Claims += n
			s.Codes["more"] += n
		default:
			kept = append(kept, p)
		}
	}
	clear(l.Problems[len(kept):])
	l.Problems = kept
	l.Claims = slices.DeleteFunc(l.Claims, func(c claims.Claim) bool { return c.Value.Type == "" && c.Value.Ref == "" && !c.NoValue })
	return s
}
