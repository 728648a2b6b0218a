package claims

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"github.com/claimdiff/claimdiff/claims/internal/figure"
)

// A running count is a topic whose value changes (`changes: true`): a
// toll, the wounded, the bodies recovered, counted as they rise. Its
// claims about one moment are compared with one another, and one origin
// may give several of them in a day: the health ministry's "at least 30",
// "at least 50", "at least 63" and then 70 dead on the evening of the
// blast, relayed by outlets that give no time.

// when orders two claims of one origin: by date, then, within a day that
// gives no time, by their step (orderDay).
func (v *values) when(x, y int) int {
	return cmp.Or(cmpDate(v.l.Claims[x].Date, v.l.Claims[y].Date), cmp.Compare(v.stepOf(x), v.stepOf(y)))
}

func cmpDate(a, b string) int { return cmp.Compare(a, b) }

// sameWhen reports whether nothing orders two claims of one origin.
func (v *values) sameWhen(x, y int) bool { return v.when(x, y) == 0 }

// running reports whether claim i is on a running count.
func running(l *Ledger, i int) bool {
	t := l.Claims[i].TopicRef
	return t != nil && t.Changes
}

// orderDay orders one origin's claims of one day on a running count
// (block, all of one date), where nothing else orders them, by what they
// say, and sorts block by it:
//
//   - a floor ("at least 63", "more than 3,500") is the count so far, and
//     a count that has reached it is not then said to be below it without
//     a word of correction: whatever the day holds below a floor was said
//     before it, and a figure above it after it ("at least 30", "at least
//     50", "at least 63", then 70; 78, then "at least 135");
//   - a figure whose words place it in the origin's past ("initially
//     six", "originally said at least 50") was said before the day's other
//     figures that nothing else places after it (rule 10b within a day);
//   - a figure below a floor whose quote names the floor's number
//     corrects it, and is the day's last word ("78 bodies have been
//     recovered, and not 79 as reported yesterday");
//   - two exact figures stay unordered: "372" and "377", each "the
//     latest death toll", are the origin contradicting itself, not a
//     count that moved.
//
// Its cost is a sort of the block's floors and a search for each claim.
func orderDay(l *Ledger, vals *values, block []int) {
	if len(block) < 2 {
		return
	}
	var floors []float64
	earlier := false
	for _, i := range block {
		if v := vals.at(i); !v.Negated && figure.IsFloor(v) {
			floors = append(floors, v.Lo)
		}
		earlier = earlier || saysEarlier(l.Claims[i].Quote)
	}
	if len(floors) == 0 && !earlier {
		return
	}
	slices.Sort(floors)
	floors = slices.Compact(floors)
	// Each floor below a claim puts it two places on, one at its number
	// one place: "at least 63" (63) is after "at least 50" and before 70.
	// Odd steps leave room for the words' even ones below.
	top := int32(math.MinInt32)
	for _, i := range block {
		s := int32(1)
		if v := vals.at(i); !v.Negated {
			low := figure.CountOf(v)
			if math.IsNaN(low) {
				low = v.Lo
			}
			below := sort.SearchFloat64s(floors, low)
			at := below < len(floors) && floors[below] == low
			s = int32(2*(2*below+b2i(at))) + 1
		}
		vals.step[i] = s
		top = max(top, s)
	}
	// A figure below a floor whose quote names the floor's number
	// corrects it ("78 bodies have been recovered, and not 79 as reported
	// yesterday"): it is the day's last word.
	for _, i := range block {
		v := vals.at(i)
		low := figure.CountOf(v)
		if math.IsNaN(low) || v.Negated {
			continue
		}
		above := floors[sort.SearchFloat64s(floors, low):]
		if len(above) > 0 && above[0] == low {
			above = above[1:]
		}
		if len(above) > 0 && figure.NamesAny(l.Claims[i].Quote, above) {
			vals.step[i] = top + 2
		}
	}
	if earlier && manyAt(vals, block, top) {
		// Words that place a figure first matter only where the floors
		// left it among the day's last, beside other figures: there, it
		// came before them.
		for _, i := range block {
			if vals.step[i] == top && saysEarlier(l.Claims[i].Quote) {
				vals.step[i] = top - 1
			}
		}
	}
	slices.SortStableFunc(block, func(x, y int) int { return cmp.Compare(vals.step[x], vals.step[y]) })
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// manyAt reports whether the claims of block at step say more than one
// thing.
func manyAt(vals *values, block []int, step int32) bool {
	first, seen := figure.Statement{}, false
	for _, i := range block {
		if vals.step[i] != step {
			continue
		}
		st := figure.StatementOf(vals.at(i))
		if seen && st != first {
			return true
		}
		first, seen = st, true
	}
	return false
}

// movedWords finds whether the claims at one place of an origin's run say
// in words that the origin moved its figure, once for each place.
type movedWords struct {
	l     *Ledger
	vals  *values
	run   []int
	plain []int // places in run
	memo  map[int]bool
}

// moved reports whether any claim from place q of plain on, said at q's
// time and saying what q says, holds words of a move (saysMoved).
func (m *movedWords) moved(q int) bool {
	if r, ok := m.memo[q]; ok {
		return r
	}
	if m.memo == nil {
		m.memo = map[int]bool{}
	}
	first := m.run[m.plain[q]]
	st := figure.StatementOf(m.vals.at(first))
	r := false
	for j := q; j < len(m.plain) && !r; j++ {
		i := m.run[m.plain[j]]
		if !m.vals.sameWhen(i, first) || figure.StatementOf(m.vals.at(i)) != st {
			break
		}
		r = saysMoved(m.l.Claims[i].Quote)
	}
	m.memo[q] = r
	return r
}

// movedWordList are the words with which a report says an origin raised or
// cut its figure ("raised the number ... to 80", "has risen to 79", "was
// revised to 315").
var movedWordList = []string{"raised", "rose", "risen", "rises", "increased", "climbed", "climbs",
	"soared", "jumped", "upped", "lowered", "cut", "reduced", "revised", "fell", "fallen", "dropped"}

// saysMoved reports whether a quote says its origin moved its figure: it
// holds one of movedWordList, as a whole word.
func saysMoved(quote string) bool {
	for _, w := range quoteWords(quote) {
		if slices.Contains(movedWordList, w) {
			return true
		}
	}
	return false
}

// stepOf is claim i's step (see values.step); 0 in a ledger with no
// running count.
func (v *values) stepOf(i int) int32 {
	if v.step == nil {
		return 0
	}
	return v.step[i]
}
