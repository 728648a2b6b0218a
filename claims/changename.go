package claims

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/internal/figure"
)

// nameChanges orders the revisions of each change so that the claim that
// best says what the origin had said comes first, and oneLinePerChange,
// which keeps the first line of a change, names the change by it. A change
// here is one later claim replacing several of the origin's claims of one
// day, each outlet's wording of it ("more than one billion", "one billion",
// "up to 1 billion"; "20,000 to 40,000", "25,000 to 30,000", "up to
// 40,000"). from[k] is the claim revs[k] replaced. The first is:
//
//   - a claim on record before the change: the origin's own, or a relay
//     printed before the change's day. A relay printed after it recalls
//     the old figure in the outlet's words (rule 9a), often loosely;
//   - then a figure or a range over a bound, which fits without stating
//     (rule 3);
//   - then the one that holds most of the others: the release's range
//     over each part of it an outlet picked out;
//   - then the one nearest what replaced it: a count moves in steps, and
//     of a day's figures that nothing orders (2,500 and 3,000 wounded,
//     then "more than 3,500"), the nearest was its last step, whichever
//     way the count ran;
//   - then as the claims were sorted, by what they say.
//
// to[k] is the claim that replaced from[k].
func nameChanges(l *Ledger, vals *values, revs []Revision, from, to []int) {
	if len(revs) < 2 {
		return
	}
	type named struct {
		rev      Revision
		from     int
		onRecord bool
		twoEnded bool
		holds    int
		gap      float64
	}
	ns := make([]named, len(revs))
	for k := range revs {
		c := &l.Claims[from[k]]
		v := vals.at(from[k])
		ns[k] = named{rev: revs[k], from: from[k],
			onRecord: len(c.Via) == 0 || printedBefore(l, c, revs[k].ToDate),
			twoEnded: !v.Negated && !figure.IsBound(v), gap: figure.StepFrom(v, vals.at(to[k]))}
	}
	change := func(x, y *named) int {
		return cmp.Or(strings.Compare(x.rev.Origin, y.rev.Origin), strings.Compare(x.rev.ToDate, y.rev.ToDate),
			strings.Compare(x.rev.To, y.rev.To), strings.Compare(x.rev.FromDate, y.rev.FromDate))
	}
	slices.SortStableFunc(ns, func(x, y named) int { return change(&x, &y) })
	for start := 0; start < len(ns); {
		end := start + 1
		for end < len(ns) && change(&ns[start], &ns[end]) == 0 {
			end++
		}
		g := ns[start:end]
		for j := range g {
			a := vals.at(g[j].from)
			if a.Negated {
				continue
			}
			outer := figure.Of(a)
			for _, o := range g[:min(len(g), maxNameLook)] {
				if b := vals.at(o.from); !b.Negated && outer.Holds(figure.Of(b)) {
					g[j].holds++
				}
			}
		}
		slices.SortStableFunc(g, func(x, y named) int {
			return cmp.Or(-figure.CompareBool(x.onRecord, y.onRecord), -figure.CompareBool(x.twoEnded, y.twoEnded), cmp.Compare(y.holds, x.holds),
				cmp.Compare(x.gap, y.gap))
		})
		start = end
	}
	for k := range ns {
		revs[k] = ns[k].rev
	}
}

// maxNameLook bounds how many of a change's claims each is held against,
// so that one origin's thousands of copies of one day stay linear; a
// change is nearly always a handful of outlets' wordings.
const maxNameLook = 64

// printedBefore reports whether the outlet a claim was read in (its last
// via) published it before day. An outlet without a publication date is
// not known to have.
func printedBefore(l *Ledger, c *Claim, day string) bool {
	if l.Sources == nil || len(c.Via) == 0 || day == "" {
		return false
	}
	s := l.Sources.Get(c.Via[len(c.Via)-1])
	if s == nil || !IsDate(s.Published) {
		return false
	}
	return s.Published < day[:min(len(day), len(s.Published))]
}
