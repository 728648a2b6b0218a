package report

import (
	"fmt"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	claimtimeline "github.com/claimdiff/claimdiff/claims/timeline"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// Timeline geometry, in SVG user units. The picture has a fixed width and
// scales to its container (width 100%), so it never overflows a phone.
const (
	tlWidth    = 720
	tlLabel    = 130 // lane labels end here
	tlLeft     = 146 // the first date's x
	tlRight    = 640 // the last date's x
	tlUndated  = 690 // where undated claims sit
	tlTop      = 34  // the first lane's y
	tlPitch    = 30
	tlMaxLanes = 12
	tlLabelLen = 18
)

// timeline is one disputed topic's "who said what when": a lane per
// origin, a mark per claim placed by its date, revisions joined by a
// line, the opening of the dispute and its settling. Like the matrix it
// is numbers and text the template escapes; no SVG is built as a string.
type timeline struct {
	Topic, Question  string
	Width, Height    int
	Lanes            []tlLane
	Marks            []tlMark
	Links            []tlLink
	Ticks            []tlTick
	Opened           []tlTick
	Settled          string
	MoreLanes        int
	Undated, AxisY   int
	TickY            int
	LabelX, PlotLeft int
	PlotRight        int
}

type tlLane struct {
	Y, TextY int
	Label    string
	Title    string
	Zebra    bool
}

type tlMark struct {
	X, Y    float64
	Class   string
	Title   string
	Revised bool
}

type tlLink struct{ X1, Y1, X2, Y2 float64 }

type tlTick struct {
	X     float64
	Label string
	// Text and TextX are the words drawn above an opened line, once for
	// the lines whose words would overlap ("3 disputes opened"); empty on
	// the others of such a group.
	Text  string
	TextX float64
}

// openedCharWidth is about how wide a character of the opened labels is
// (11px text), and openedGap the least room between two labels.
const (
	openedCharWidth = 6.2
	openedGap       = 6
)

func newTimelines(ts []claimtimeline.Topic) []timeline {
	out := make([]timeline, 0, len(ts))
	for i := range ts {
		out = append(out, newTimeline(&ts[i]))
	}
	return out
}

func newTimeline(t *claimtimeline.Topic) timeline {
	tl := timeline{Topic: t.Topic, Question: t.Question, Width: tlWidth, LabelX: tlLabel,
		PlotLeft: tlLeft, PlotRight: tlRight}
	origins := t.Origins
	if len(origins) > tlMaxLanes {
		tl.MoreLanes = len(origins) - tlMaxLanes
		origins = origins[:tlMaxLanes]
	}
	lane := map[string]int{}
	for i, o := range origins {
		lane[o] = i
		y := tlTop + i*tlPitch
		tl.Lanes = append(tl.Lanes, tlLane{Y: y, TextY: y + tlPitch/2 + 4, Label: diag.ClipRunes(o, tlLabelLen), Title: o, Zebra: i%2 == 1})
	}
	tl.AxisY = tlTop + len(origins)*tlPitch
	tl.TickY = tl.AxisY + 16
	tl.Height = tl.AxisY + 26
	// The dates' span sets the scale.
	var lo, hi time.Time
	undated := false
	for _, e := range t.Events {
		d, ok := dayOf(e.Date)
		if e.Kind == claimtimeline.EventClaim && !ok {
			undated = true
		}
		if !ok {
			continue
		}
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if d.After(hi) {
			hi = d
		}
	}
	x := func(date string) float64 {
		d, ok := dayOf(date)
		switch {
		case !ok:
			return tlUndated
		case !hi.After(lo):
			return (tlLeft + tlRight) / 2
		}
		return tlLeft + float64(tlRight-tlLeft)*d.Sub(lo).Hours()/hi.Sub(lo).Hours()
	}
	if !lo.IsZero() {
		tl.Ticks = append(tl.Ticks, tlTick{X: x(lo.Format(time.DateOnly)), Label: lo.Format("2 Jan 2006")})
		if hi.After(lo) {
			tl.Ticks = append(tl.Ticks, tlTick{X: x(hi.Format(time.DateOnly)), Label: hi.Format("2 Jan 2006")})
		}
	}
	if undated {
		tl.Undated = tlUndated
	}
	at := map[string]tlMark{} // by claim id, for revision lines
	for _, e := range t.Events {
		switch e.Kind {
		case claimtimeline.EventClaim:
			l, ok := lane[e.Source]
			if !ok {
				continue
			}
			m := tlMark{X: x(e.Date), Y: float64(tlTop + l*tlPitch + tlPitch/2), Class: "mark", Revised: e.RevisedBy != ""}
			date := humanDate(e.Date)
			if date == "" {
				date = "undated"
			}
			m.Title = fmt.Sprintf("%s: %s (%s, claim %s)", e.Source, e.Value, date, e.Claim)
			if e.RevisedBy != "" {
				m.Title += ", revised by " + e.RevisedBy
				m.Class += " revised"
			}
			if e.Revises != "" {
				if from, ok := at[e.Revises]; ok {
					tl.Links = append(tl.Links, tlLink{X1: from.X, Y1: from.Y, X2: m.X, Y2: m.Y})
				}
			}
			at[e.Claim] = m
			tl.Marks = append(tl.Marks, m)
		case claimtimeline.EventOpened:
			if _, ok := dayOf(e.Date); ok {
				label := "dispute opened " + humanDate(e.Date)
				if e.Context != "" {
					label += " (" + e.Context + ")"
				}
				tl.Opened = append(tl.Opened, tlTick{X: x(e.Date), Label: label})
			}
		case claimtimeline.EventSettled:
			tl.Settled = e.Status
			if e.Status == "resolved" {
				tl.Settled = "settled"
			}
			if e.Value != "" {
				tl.Settled += ": " + e.Value
			}
			if e.Date != "" {
				tl.Settled += " on " + humanDate(e.Date)
			}
		}
	}
	labelOpened(tl.Opened)
	return tl
}

// labelOpened gives the opened lines their words: disputes that open
// within weeks of each other stand a few units apart, and their labels
// would overprint one another, so lines whose labels would touch share
// one, centred over them (kept inside the picture) and counting them.
// Lines come in date order.
func labelOpened(ts []tlTick) {
	type group struct {
		first, n int
		mid, w   float64
	}
	place := func(g *group) {
		text := "dispute opened"
		if g.n > 1 {
			text = fmt.Sprintf("%d disputes opened", g.n)
		}
		g.w = float64(len(text)) * openedCharWidth
		g.mid = (ts[g.first].X + ts[g.first+g.n-1].X) / 2
		g.mid = max(g.w/2, min(g.mid, tlWidth-g.w/2))
	}
	var gs []group
	for i := range ts {
		g := group{first: i, n: 1}
		place(&g)
		// Merge into the group before while the two labels would touch;
		// the merged label is wider, so it may touch the one before that.
		for len(gs) > 0 {
			prev := &gs[len(gs)-1]
			if prev.mid+prev.w/2+openedGap <= g.mid-g.w/2 {
				break
			}
			g = group{first: prev.first, n: prev.n + g.n}
			place(&g)
			gs = gs[:len(gs)-1]
		}
		gs = append(gs, g)
	}
	for _, g := range gs {
		text := "dispute opened"
		if g.n > 1 {
			text = fmt.Sprintf("%d disputes opened", g.n)
		}
		ts[g.first].Text, ts[g.first].TextX = text, g.mid
	}
}

// humanDate writes a ledger's date as the picture's axis does, "3 Oct
// 2017", with the clock when it has one ("3 Oct 2017 19:00"), so that no
// label mixes that with 2017-10-03T19:00:00-04:00; "" stays "".
func humanDate(s string) string {
	t, clock, ok := claims.ParseDate(s)
	switch {
	case !ok:
		return s
	case clock:
		return t.Format("2 Jan 2006 15:04")
	}
	return t.Format("2 Jan 2006")
}

// dayOf reads a date's YYYY-MM-DD prefix.
func dayOf(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	d, err := time.Parse(time.DateOnly, s[:10])
	return d, err == nil
}
