// Package timelineout writes timeline's output: each topic's claims in
// date order, as text, Markdown or JSON.
package timelineout

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/claims/timeline"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// TimelineNote is the last column of a timeline event: what it marks.
func TimelineNote(e *timeline.Event) string {
	var notes []string
	switch e.Kind {
	case timeline.EventOpened:
		notes = append(notes, "dispute opened")
	case timeline.EventSettled:
		notes = append(notes, e.Status)
		if e.Status == "resolved" {
			notes[0] = "settled"
		}
	}
	if e.Kind == timeline.EventClaim {
		if e.Revises != "" {
			notes = append(notes, "revises "+e.Revises)
		}
		if e.RevisedBy != "" {
			notes = append(notes, "revised by "+e.RevisedBy)
		}
	}
	if e.Context != "" {
		notes = append(notes, "["+e.Context+"]")
	}
	if e.Moment != "" {
		notes = append(notes, "@ "+e.Moment)
	}
	return strings.Join(notes, " ")
}

// timelineRow is an event's cells: date, source, value, claim, note.
func timelineRow(e *timeline.Event) []string {
	date := e.Date
	if date == "" && e.Kind != timeline.EventSettled {
		date = "undated"
	}
	if e.Kind == timeline.EventOpened {
		// The claim's own row, just above, says who and what.
		return []string{date, "", "", e.Claim, TimelineNote(e)}
	}
	return []string{date, e.Source, e.Value, e.Claim, TimelineNote(e)}
}

var timelineHead = []string{"DATE", "SOURCE", "VALUE", "CLAIM", "NOTE"}

// TimelineText writes each topic's timeline as a table under its name.
func TimelineText(w io.Writer, st *render.Styles, ts []timeline.Topic) error {
	var b strings.Builder
	for i := range ts {
		t := &ts[i]
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(st.Paint(st.Bold, safetext.Line(t.Topic)))
		if t.Question != "" {
			b.WriteString(" — " + safetext.Line(t.Question))
		}
		if t.Disputed {
			b.WriteString(" (disputed)")
		}
		b.WriteString("\n")
		rows := make([][]string, len(t.Events))
		for j := range t.Events {
			rows[j] = render.CleanRow(timelineRow(&t.Events[j])...)
		}
		b.WriteString(render.Table(st, timelineHead, rows, 0))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// TimelineMarkdown writes each topic's timeline as a Markdown table under
// a heading.
func TimelineMarkdown(w io.Writer, ts []timeline.Topic) error {
	var b strings.Builder
	b.WriteString("# Timeline\n")
	for i := range ts {
		t := &ts[i]
		fmt.Fprintf(&b, "\n## %s", safetext.MarkdownCell(t.Topic))
		if t.Disputed {
			b.WriteString(" (disputed)")
		}
		b.WriteString("\n\n")
		if t.Question != "" {
			fmt.Fprintf(&b, "%s\n\n", safetext.MarkdownCell(t.Question))
		}
		b.WriteString("| Date | Source | Value | Claim | Note |\n| --- | --- | --- | --- | --- |\n")
		for j := range t.Events {
			cells := timelineRow(&t.Events[j])
			for k, c := range cells {
				cells[k] = safetext.MarkdownCell(c)
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// timelineJSON is timeline's JSON document.
type timelineJSON struct {
	Topics  []timelineTopicJSON      `json:"topics"`
	Skipped *disputedout.SkippedJSON `json:"skipped,omitempty"`
}

// timelineTopicJSON is one topic's timeline in JSON.
type timelineTopicJSON struct {
	Topic    string              `json:"topic"`
	Question string              `json:"question,omitempty"`
	Disputed bool                `json:"disputed"`
	Origins  []string            `json:"origins"`
	Events   []timelineEventJSON `json:"events"`
}

// timelineEventJSON is one event in JSON; kind is timeline.EventKind's
// stable name.
type timelineEventJSON struct {
	Kind      string `json:"kind"`
	Date      string `json:"date,omitempty"`
	Claim     string `json:"claim,omitempty"`
	Source    string `json:"source,omitempty"`
	Value     string `json:"value,omitempty"`
	Context   string `json:"context,omitempty"`
	Moment    string `json:"moment,omitempty"`
	Revises   string `json:"revises,omitempty"`
	RevisedBy string `json:"revised_by,omitempty"`
	Status    string `json:"status,omitempty"`
}

// newTimelineJSON converts timelines into their JSON form.
func newTimelineJSON(ts []timeline.Topic) timelineJSON {
	out := timelineJSON{Topics: make([]timelineTopicJSON, 0, len(ts))}
	for _, t := range ts {
		tj := timelineTopicJSON{Topic: t.Topic, Question: t.Question, Disputed: t.Disputed, Origins: t.Origins,
			Events: make([]timelineEventJSON, 0, len(t.Events))}
		for _, e := range t.Events {
			tj.Events = append(tj.Events, timelineEventJSON{Kind: string(e.Kind), Date: e.Date, Claim: e.Claim,
				Source: e.Source, Value: e.Value, Context: e.Context, Moment: e.Moment, Revises: e.Revises,
				RevisedBy: e.RevisedBy, Status: e.Status})
		}
		out.Topics = append(out.Topics, tj)
	}
	return out
}

// TimelineJSON writes timelines as JSON.
func TimelineJSON(w io.Writer, ts []timeline.Topic, skipped *disputedout.SkippedJSON) error {
	out := newTimelineJSON(ts)
	out.Skipped = skipped
	return render.WriteJSON(w, out)
}
