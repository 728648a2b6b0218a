package claims

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims/internal/figure"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/parallel"
)

// Revision is an origin changing its figure: a later claim of the same
// origin, on the same topic, in the same context and at the same moment,
// that conflicts with an earlier one ("the ministry cut its toll from 2,100
// to 1,450"). The earlier claim takes no further part in comparison. A
// later claim that agrees is a restatement, not a revision: both stand,
// and the earlier one's outlets still count as support.
type Revision struct {
	Topic   string
	Context string
	Moment  string
	Origin  string
	// From and To are the values as written ("not 2,100" for a denial).
	From      string
	To        string
	FromDate  string
	ToDate    string
	FromClaim string
	ToClaim   string
}

// String is "police revised 8,000 (1 Mar) → 12,000 (2 Mar)"; the year is
// shown when the two dates fall in different years, and a figure given
// without a day is "undated".
func (r Revision) String() string {
	from, to := shortDate(r.FromDate, r.ToDate), shortDate(r.ToDate, r.FromDate)
	if r.FromDate == "" {
		from = "undated"
	}
	return fmt.Sprintf("%s revised %s (%s) → %s (%s)", r.Origin, r.From, from, r.To, to)
}

// shortDate writes a date as "1 Mar", and a time as "1 Mar 19:00" (its
// clock as written), with the year when other falls in another year, so
// that a revision's two ends read alike whether or not one has a time;
// anything else as written.
func shortDate(d, other string) string {
	t, clock, ok := ParseDate(d)
	if !ok {
		return d
	}
	layout := "2 Jan"
	if o, _, ok := ParseDate(other); ok && o.Year() != t.Year() {
		layout = "2 Jan 2006"
	}
	if clock {
		layout += " 15:04"
	}
	return t.Format(layout)
}

// ParseDate reads what IsDate accepts: the moment, and whether it has a
// time of day. A time keeps the offset it was written with, so its clock
// reads as the source wrote it.
func ParseDate(s string) (t time.Time, clock, ok bool) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, false, true
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, true
		}
	}
	return time.Time{}, false, false
}

// RevisionsOf returns the revisions on topics f's topics match whose
// origin its sources match, in Analysis.Revisions' order.
func (a *Analysis) RevisionsOf(f Filter) []Revision {
	var out []Revision
	for _, r := range a.Revisions {
		if f.MatchTopic(r.Topic) && f.MatchChain([]string{r.Origin}) {
			out = append(out, r)
		}
	}
	return out
}

// defaultBruteRun is the longest run of one origin's dated claims that
// revise compares pair by pair; longer runs use the ordered structures
// below, so that one origin with many figures stays O(n log n).
const defaultBruteRun = 16

// reviser finds revisions, keeping its buffers from group to group.
type reviser struct {
	dated []int
	// brute is the longest run compared pair by pair; tests set it through
	// Options to hold one way to the other.
	brute int
}

// revise returns the claims of a group that no later claim of their own
// origin revised, the revisions, and which claim revised which (for
// Analysis.Superseded). Undated claims revise nothing, since nothing says
// when they were said; one is revised only by its origin's last word (see
// undatedReviser). It reads and writes only the group's claims, so groups
// are revised on every core at once.
func (rv *reviser) revise(l *Ledger, group []int, vals *values) (live []int, revs []Revision, superseded map[int]int) {
	rv.dated = rv.dated[:0]
	undated := false
	for _, i := range group {
		if l.Claims[i].Date != "" {
			rv.dated = append(rv.dated, i)
		} else {
			undated = true
		}
	}
	if len(rv.dated) < 2 && !(undated && len(rv.dated) == 1) {
		return group, nil, nil
	}
	// By origin, then date; within a date by what the claims say, so that
	// the revision found does not depend on the ledger's order.
	dated := rv.dated
	slices.SortFunc(dated, func(x, y int) int {
		cx, cy := &l.Claims[x], &l.Claims[y]
		return cmp.Or(strings.Compare(cx.Source, cy.Source), strings.Compare(cx.Date, cy.Date),
			strings.Compare(cx.Value.Raw, cy.Value.Raw), figure.CompareBool(cx.Denies, cy.Denies), cmp.Compare(x, y))
	})
	if running(l, dated[0]) {
		for start := 0; start < len(dated); {
			end := start + 1
			for end < len(dated) && l.Claims[dated[end]].Source == l.Claims[dated[start]].Source &&
				l.Claims[dated[end]].Date == l.Claims[dated[start]].Date {
				end++
			}
			orderDay(l, vals, dated[start:end])
			start = end
		}
	}
	var from, to []int // the claims each revision replaced, and by which
	supersede := func(p, q int) {
		if superseded == nil {
			superseded = map[int]int{}
		}
		superseded[p] = q
		revs = append(revs, revision(l, p, q))
		from, to = append(from, p), append(to, q)
	}
	for start := 0; start < len(dated); {
		end := start + 1
		for end < len(dated) && l.Claims[dated[end]].Source == l.Claims[dated[start]].Source {
			end++
		}
		run := dated[start:end]
		if len(run) > 1 && !vals.sameWhen(run[0], run[len(run)-1]) {
			for p, q := range rv.revisers(l, run, vals) {
				if q >= 0 {
					supersede(run[p], run[q])
				}
			}
		}
		start = end
	}
	if undated {
		runs := rv.originRuns(l)
		for _, u := range group {
			if q := rv.undatedReviser(l, u, vals, runs); q >= 0 {
				supersede(u, q)
			}
		}
	}
	if len(superseded) == 0 {
		return group, nil, nil
	}
	live = make([]int, 0, len(group)-len(superseded))
	for _, i := range group {
		if _, ok := superseded[i]; !ok {
			live = append(live, i)
		}
	}
	nameChanges(l, vals, revs, from, to)
	// Changes within one day of a running count read in the order they ran
	// (orderDay), not by what they say.
	var step map[string]int32
	if vals.step != nil {
		step = make(map[string]int32, len(to))
		for k, i := range to {
			step[l.Claims[i].ID] = vals.step[i]
			step[l.Claims[from[k]].ID] = vals.step[from[k]]
		}
	}
	return live, oneLinePerChange(revs, step), superseded
}

func revision(l *Ledger, from, to int) Revision {
	c, n := &l.Claims[from], &l.Claims[to]
	return Revision{Topic: c.Topic, Context: c.Context, Moment: moment(l, c), Origin: c.Source,
		From: c.Shown(), To: n.Shown(), FromDate: c.Date, ToDate: n.Date, FromClaim: c.ID, ToClaim: n.ID}
}

// revisers returns, for each of one origin's dated claims in date order,
// the place in run of the claim that revised it, or -1. A claim relayed
// through an outlet (via) is dated by the outlet's publication and worded
// by it: it is not the origin's later statement, so it never revises what
// the origin said itself. It may revise an earlier relay of the origin,
// and the origin's own later claim revises anything earlier.
func (rv *reviser) revisers(l *Ledger, run []int, vals *values) []int {
	by := rv.ownRevisers(l, run, vals)
	// A relay whose figure the origin's claims before and after it both
	// contradict, while those agree with each other (934, then 900 through
	// one outlet, then 934 again), misquoted the origin: it revised
	// nothing and was revised by nothing (see findMisquotes).
	// Every claim the misquote seemed to revise is freed, so all flips are
	// found before any is undone: two outlets' 934 of one day are both
	// left standing by one outlet's 900.
	misquoted := map[int]bool{}
	for p, q := range by {
		if q < 0 || len(l.Claims[run[q]].Via) == 0 {
			continue
		}
		if r := by[q]; r >= 0 && figure.StatementOf(vals.at(run[r])) == figure.StatementOf(vals.at(run[p])) {
			by[p] = -1
			misquoted[q] = true
		}
	}
	for q := range misquoted {
		by[q] = -1
	}
	// An outlet's recollection of a past moment is no new word of the
	// origin's: it revises nothing (see looksBack).
	for p, q := range by {
		if q >= 0 && looksBack(&l.Claims[run[q]]) {
			by[p] = -1
		}
	}
	return by
}

// ownRevisers is revisers before misquotes are taken out. When the
// origin's own words are in the run, only they revise: its relays are
// outlets' copies of them, dated and worded by each outlet ("as many as
// 655,000" the day after the study's 654,965, "650,000" a week later),
// and revise neither the origin nor one another. An origin heard only
// through relays has no other record of its changes, so there its relays
// revise earlier relays.
func (rv *reviser) ownRevisers(l *Ledger, run []int, vals *values) []int {
	by := firstRevisers(l, run, vals, rv.brute)
	var direct []int // places in run
	needed := false
	for p, i := range run {
		if len(l.Claims[i].Via) == 0 {
			direct = append(direct, p)
			needed = needed || by[p] >= 0 && len(l.Claims[run[by[p]]].Via) > 0
		}
	}
	if len(direct) == 0 {
		return by
	}
	for p, q := range by {
		if q >= 0 && len(l.Claims[run[p]].Via) > 0 && len(l.Claims[run[q]].Via) > 0 {
			by[p] = rv.directReviser(l, run, vals, p, direct)
		}
	}
	if !needed {
		return by
	}
	own := make([]int, len(direct))
	for j, p := range direct {
		own[j] = run[p]
	}
	for j, q := range firstRevisers(l, own, vals, rv.brute) {
		p := direct[j]
		by[p] = -1
		if q >= 0 {
			by[p] = direct[q]
		}
	}
	return by
}

// directReviser returns the place in run of the first of the origin's own
// claims (direct, places in run in date order) after p's date that
// revises p, or -1. It looks at no more than maxDirectLook of them, so
// that a ledger with thousands of both stays linear; the origin's own
// next different figure is nearly always the first or second.
func (rv *reviser) directReviser(l *Ledger, run []int, vals *values, p int, direct []int) int {
	k := sort.Search(len(direct), func(j int) bool { return vals.when(run[direct[j]], run[p]) > 0 })
	pair := [2]int{run[p], 0}
	for _, q := range direct[k:min(len(direct), k+maxDirectLook)] {
		pair[1] = run[q]
		if firstRevisers(l, pair[:], vals, rv.brute)[0] == 1 {
			return q
		}
	}
	return -1
}

// maxDirectLook bounds directReviser's search.
const maxDirectLook = 16

// firstRevisers returns, for each of one origin's claims in date order,
// the place of the first later claim that revised it: one that conflicts
// with it, or one that states something else that is no figure of the
// same size ("at least 999" then "at least 2,411", "between 20,000 and
// 40,000" then "between 35,000 and 60,000", 70,000 then "between 70,000
// and 115,000"). An origin that words its figure anew has moved it, even
// when the two could both be true; the same figure written another way
// ("600k", "600,000", "about 600,000") is a restatement, and both stand.
func firstRevisers(l *Ledger, run []int, vals *values, brute int) []int {
	by := firstConflicts(l, run, vals, brute)
	// Only figures restate figures: a denial of another value says
	// nothing new about the origin's own figure (conflicts aside).
	var plain []int // places in run
	for p, i := range run {
		if !vals.at(i).Negated {
			plain = append(plain, p)
		}
	}
	k := len(plain)
	if k < 2 {
		return by
	}
	key := func(j int) figure.Statement { return figure.StatementOf(vals.at(run[plain[j]])) }
	runningCount := running(l, run[0])
	said := movedWords{l: l, vals: vals, run: run, plain: plain}
	// other[j] is the first place after j in plain whose statement differs.
	other := make([]int, k)
	other[k-1] = -1
	for j := k - 2; j >= 0; j-- {
		if key(j+1) != key(j) {
			other[j] = j + 1
		} else {
			other[j] = other[j+1]
		}
	}
	// later[j] is the first place in plain said after j, as
	// firstConflicts keeps it: many claims of one date cost one pass.
	later := make([]int, k)
	later[k-1] = k
	for j := k - 2; j >= 0; j-- {
		if vals.sameWhen(run[plain[j]], run[plain[j+1]]) {
			later[j] = later[j+1]
		} else {
			later[j] = j + 1
		}
	}
	for j := range k {
		if later[j] == k {
			continue
		}
		q := later[j]
		if key(q) == key(j) {
			q = other[q]
		}
		if q < 0 {
			continue
		}
		later, earlier := vals.at(run[plain[q]]), vals.at(run[plain[j]])
		if figure.Restates(later, earlier) && !runningCount || runningCount && figure.RestatesCount(later, earlier) {
			// A figure the words say the origin raised or cut is a move,
			// though it reads as a rounding of the last: "police raised
			// the number of people presumed dead to 80", after 79.
			if a, b := figure.CountOf(later), figure.CountOf(earlier); math.IsNaN(a) || math.IsNaN(b) || a == b || !said.moved(q) {
				continue
			}
		}
		if p := plain[j]; by[p] < 0 || plain[q] < by[p] {
			by[p] = plain[q]
		}
	}
	return by
}

// firstConflicts takes one origin's dated claims in date order and returns,
// for each, the place in run of the first claim of a later date whose value
// conflicts with it (the one that revised it), or -1.
func firstConflicts(l *Ledger, run []int, vals *values, brute int) []int {
	k := len(run)
	// later[p] is the first place in run said after p.
	later := make([]int, k)
	later[k-1] = k
	for p := k - 2; p >= 0; p-- {
		if vals.sameWhen(run[p], run[p+1]) {
			later[p] = later[p+1]
		} else {
			later[p] = p + 1
		}
	}
	by := make([]int, k)
	for p := range by {
		by[p] = -1
	}
	if k <= brute {
		for p := range k {
			v := vals.at(run[p])
			for q := later[p]; q < k; q++ {
				if !value.Meets(v, vals.at(run[q])) {
					by[p] = q
					break
				}
			}
		}
		return by
	}
	// Claims that hold a value, in date order, and those that deny one,
	// by what they deny.
	var plain []int // places in run
	type denied struct {
		set  figure.Interval
		atom string
	}
	numeric := figure.IsNumeric(vals.at(run[0]).Type)
	var keys []denied
	rep := map[denied]value.Value{}
	at := map[denied][]int{} // places in run, in date order
	for p := range k {
		v := vals.at(run[p])
		if !v.Negated {
			plain = append(plain, p)
			continue
		}
		key := denied{atom: v.Atom}
		if numeric {
			key = denied{set: figure.Of(v)}
		}
		if _, ok := rep[key]; !ok {
			rep[key] = v
			keys = append(keys, key)
		}
		at[key] = append(at[key], p)
	}
	// firstFrom returns the first place in places (ascending) at or after
	// from, or -1.
	firstFrom := func(places []int, from int) int {
		if j, _ := slices.BinarySearch(places, from); j < len(places) {
			return places[j]
		}
		return -1
	}
	offer := func(p, q int) {
		if q >= 0 && (by[p] < 0 || q < by[p]) {
			by[p] = q
		}
	}
	// A value against later values: for numbers, the first later set that
	// ends below it or starts above it, from a tree of the sets' ends; for
	// words, the first later word that differs.
	if len(plain) > 1 {
		if numeric {
			sets := make([]figure.Interval, len(plain))
			for j, p := range plain {
				sets[j] = figure.Of(vals.at(run[p]))
			}
			t := figure.NewEndTree(sets)
			for j, p := range plain {
				from, _ := slices.BinarySearch(plain, later[p])
				if q := t.First(from, sets[j]); q >= 0 {
					offer(p, plain[q])
				}
			}
		} else {
			// nextOther[j] is the first place after j in plain whose word
			// differs from j's, or -1.
			atom := func(j int) string { return vals.at(run[plain[j]]).Atom }
			nextOther := make([]int, len(plain))
			for j := len(plain) - 1; j >= 0; j-- {
				switch {
				case j+1 == len(plain):
					nextOther[j] = -1
				case atom(j+1) != atom(j):
					nextOther[j] = j + 1
				default:
					nextOther[j] = nextOther[j+1]
				}
			}
			for _, p := range plain {
				from, _ := slices.BinarySearch(plain, later[p])
				if from == len(plain) {
					continue
				}
				q := from
				if vals.at(run[plain[from]]).Atom == vals.at(run[p]).Atom {
					q = nextOther[from]
				}
				if q >= 0 {
					offer(p, plain[q])
				}
			}
		}
	}
	// Denials are few, and one origin denies few distinct values, so each
	// distinct denied value is set against every value and every other
	// denied value.
	for _, key := range keys {
		d := rep[key]
		var against []int // values the denial conflicts with, by place
		for _, p := range plain {
			if !value.Meets(vals.at(run[p]), d) {
				against = append(against, p)
				offer(p, firstFrom(at[key], later[p]))
			}
		}
		for _, p := range at[key] {
			offer(p, firstFrom(against, later[p]))
			for _, other := range keys {
				if !value.Meets(d, rep[other]) {
					offer(p, firstFrom(at[other], later[p]))
				}
			}
		}
	}
	return by
}

// momentRevisions finds the revisions of topics whose value changes over
// time: an origin giving a new count for a later moment (an official toll
// moving from 64 to 2,975) revised its count, though the two claims are
// about different moments and never conflict. Each origin's claims on a
// topic, in one context, are taken in the order of their moments, and
// within a moment in the order they were said (by date, then as
// orderDay placed a day's claims); revise has found the changes within a
// moment. From one moment to the next, the origin's last word of the
// first is revised by its first word of the next, when that does not
// restate it (figure.RestatesCount: "30", then "at least 30", is one count): 70
// dead on 4 August, then 78 in the morning of the 5th (and 135 by its
// evening, revise's line). A word is what most of the claims said at
// that step ("at least 30" twice and 30 once is "at least 30"). Relays
// count: a count for a later moment is the origin's new count, whoever
// carried it. Undated claims stand for a moment only where it has no
// dated one, since nothing says when in it they were said.
func momentRevisions(l *Ledger, vals *values) []Revision {
	starts, idx := ByTopic[int](l, func(i int) bool {
		c := &l.Claims[i]
		t := c.TopicRef
		return t != nil && t.Changes && !c.NoValue && vals.comparable(i) && moment(l, c) != ""
	})
	// Topics are independent: each is worked on by itself, on every
	// core. A month of flight data has millions of these revisions, so
	// each run first notes only which claims revise which, and the
	// revisions are written once, in the order of each run's first claim
	// in the ledger (the order they were always in), into one array.
	found := make([]topicRuns, len(starts)-1)
	parallel.Chunked(len(found), 64, func() func(c, from, to int) {
		runs := map[runKey][]int{}
		var order []runKey
		return func(_, from, to int) {
			for t := from; t < to; t++ {
				clear(runs)
				order = order[:0]
				for _, i := range idx[starts[t]:starts[t+1]] {
					c := &l.Claims[i]
					k := runKey{c.Context, c.Source}
					run, ok := runs[k]
					if !ok {
						order = append(order, k)
					}
					runs[k] = append(run, i)
				}
				tr := &found[t]
				for _, k := range order {
					run := runs[k]
					first := run[0] // before the run is sorted
					if n := len(tr.changes); changesOf(l, vals, run, &tr.changes) > n {
						tr.runs = append(tr.runs, runChanges{first: first, end: len(tr.changes)})
					}
				}
			}
		}
	})
	type place struct{ topic, run, at int }
	var runs []place
	for t := range found {
		for r := range found[t].runs {
			runs = append(runs, place{topic: t, run: r})
		}
	}
	slices.SortFunc(runs, func(x, y place) int {
		return cmp.Compare(found[x.topic].runs[x.run].first, found[y.topic].runs[y.run].first)
	})
	n := 0
	for r := range runs {
		runs[r].at = n
		n += found[runs[r].topic].runLen(runs[r].run)
	}
	out := make([]Revision, n)
	parallel.Chunked(len(runs), 1024, func() func(c, from, to int) {
		return func(_, from, to int) {
			for _, p := range runs[from:to] {
				tr := &found[p.topic]
				lo := 0
				if p.run > 0 {
					lo = tr.runs[p.run-1].end
				}
				for j, ch := range tr.changes[lo:tr.runs[p.run].end] {
					prev, i := ch[0], ch[1]
					r := revision(l, prev, i)
					r.Moment = moment(l, &l.Claims[i])
					r.FromDate, r.ToDate = moment(l, &l.Claims[prev]), r.Moment
					out[p.at+j] = r
				}
			}
		}
	})
	return out
}

// runKey is one origin's run of claims on a topic, in one context.
type runKey struct{ context, origin string }

// topicRuns are the changes found on one topic: each a claim and the
// later one that revised it, run after run.
type topicRuns struct {
	changes [][2]int
	runs    []runChanges
}

// runChanges is where one run's changes end in topicRuns.changes, and the
// run's first claim in the ledger, which orders its revisions.
type runChanges struct{ first, end int }

func (tr *topicRuns) runLen(r int) int {
	if r == 0 {
		return tr.runs[0].end
	}
	return tr.runs[r].end - tr.runs[r-1].end
}

// changesOf appends to changes each change of one origin's count on a
// topic in one context from one moment to the next (see momentRevisions):
// run is its claims, in ledger order, sorted here in place. It returns
// changes' new length.
func changesOf(l *Ledger, vals *values, run []int, changes *[][2]int) int {
	if len(run) < 2 {
		return len(*changes)
	}
	slices.SortFunc(run, func(x, y int) int {
		cx, cy := &l.Claims[x], &l.Claims[y]
		return cmp.Or(strings.Compare(moment(l, cx), moment(l, cy)), -figure.CompareBool(cx.Date == "", cy.Date == ""),
			vals.when(x, y), strings.Compare(cx.Value.Raw, cy.Value.Raw), figure.CompareBool(cx.Denies, cy.Denies), cmp.Compare(x, y))
	})
	prev := -1
	for start := 0; start < len(run); {
		m := moment(l, &l.Claims[run[start]])
		end := start + 1
		for end < len(run) && moment(l, &l.Claims[run[end]]) == m {
			end++
		}
		said := run[start:end]
		if l.Claims[said[len(said)-1]].Date != "" {
			// Undated claims sort first; a dated one stands for the moment.
			said = said[slices.IndexFunc(said, func(i int) bool { return l.Claims[i].Date != "" }):]
		}
		first, last := wordAt(vals, said, 0), wordAt(vals, said, len(said)-1)
		if prev >= 0 && !sameCount(vals.at(first), vals.at(prev)) {
			*changes = append(*changes, [2]int{prev, first})
		}
		prev = last
		start = end
	}
	return len(*changes)
}

// sameCount reports whether a running count's word about one moment
// says again what the word about the last said: figure.RestatesCount for a
// count, the same statement for dates and durations, whose moments may
// each hold a time within the tolerance of the last.
func sameCount(next, last value.Value) bool {
	if !figure.Counted(next) {
		return figure.StatementOf(next) == figure.StatementOf(last)
	}
	return figure.RestatesCount(next, last)
}

// wordAt returns the claim that says what most of said's claims at the
// step of said[p] said (vals.when); on a tie, the one counted there first.
func wordAt(vals *values, said []int, p int) int {
	lo, hi := p, p+1
	for lo > 0 && vals.sameWhen(said[lo-1], said[p]) {
		lo--
	}
	for hi < len(said) && vals.sameWhen(said[hi], said[p]) {
		hi++
	}
	if hi-lo == 1 {
		return said[p]
	}
	count := map[figure.Statement]int{}
	best, most := said[lo], 0
	for _, i := range said[lo:hi] {
		st := figure.StatementOf(vals.at(i))
		count[st]++
		if count[st] > most {
			best, most = i, count[st]
		}
	}
	// The first claim that says the winning statement.
	st := figure.StatementOf(vals.at(best))
	for _, i := range said[lo:hi] {
		if figure.StatementOf(vals.at(i)) == st {
			return i
		}
	}
	return best
}

// oneLinePerChange makes one line of each change an origin made: the same
// change restated through several outlets, or reached from two earlier
// claims of one day, is one revision, from the latest of them. An undated
// figure the change also replaced keeps a line of its own ("587 (undated)
// → 316"), since no date puts it before or after the others.
//
// step holds the step of each claim (by id) that orderDay placed in its
// day; lines of one day are in its order.
func oneLinePerChange(revs []Revision, step map[string]int32) []Revision {
	slices.SortStableFunc(revs, func(x, y Revision) int {
		return cmp.Or(strings.Compare(x.Origin, y.Origin), strings.Compare(x.ToDate, y.ToDate), strings.Compare(x.To, y.To),
			strings.Compare(y.FromDate, x.FromDate))
	})
	revs = slices.CompactFunc(revs, func(x, y Revision) bool {
		return x.Origin == y.Origin && x.ToDate == y.ToDate && x.To == y.To && (x.FromDate == "") == (y.FromDate == "")
	})
	slices.SortStableFunc(revs, func(x, y Revision) int {
		return cmp.Or(strings.Compare(x.FromDate, y.FromDate), strings.Compare(x.ToDate, y.ToDate), strings.Compare(x.Origin, y.Origin),
			cmp.Compare(step[x.FromClaim], step[y.FromClaim]), cmp.Compare(step[x.ToClaim], step[y.ToClaim]))
	})
	return revs
}
