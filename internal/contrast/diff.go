// Package contrast writes what claimdiff diff and claimdiff compare find:
// text coloured like a diff for a terminal, Markdown for a pull-request
// comment, and JSON for scripts. Every piece of ledger text is escaped for
// the format it lands in.
package contrast

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/diff"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Side names one version of a ledger in the output.
type Side struct {
	// Label is the argument that named it: a file, a directory or REV:PATH.
	Label  string
	Ledger *claims.Ledger
	// Skipped is what --skip-invalid left out of it, for JSON; nil
	// without the flag.
	Skipped *disputedout.SkippedJSON
}

// marks are the diff-like signs each change is shown with.
var marks = map[diff.ChangeKind]string{
	diff.Added: "+", diff.Opened: "+",
	diff.Removed: "-", diff.Closed: "-",
	diff.Changed: "~", diff.Reworded: "=", diff.Renamed: ">", diff.Moved: "»",
}

// claimKinds are the kinds of claim change, in the order counts name them.
var claimKinds = []diff.ChangeKind{diff.Added, diff.Removed, diff.Changed, diff.Moved, diff.Reworded, diff.Renamed}

// DiffText writes the diff as two sections, disputes first since they are
// what a reader must not miss, then claims. Nothing is written when
// nothing changed.
func DiffText(w io.Writer, st *render.Styles, d *diff.Diff) error {
	var b strings.Builder
	if len(d.Disputes) > 0 {
		b.WriteString(st.Paint(st.Header, "Disputes") + "\n")
		for i := range d.Disputes {
			writeDisputeText(&b, st, &d.Disputes[i])
		}
	}
	if len(d.TopicChanges) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(st.Paint(st.Header, "Topics") + "\n")
		for _, t := range d.TopicChanges {
			fmt.Fprintf(&b, "%s  %s\n", paintFor(st, t.Kind, marks[t.Kind]+" "+safetext.Line(t.Topic)), t.Kind)
			for _, f := range t.Fields {
				fmt.Fprintf(&b, "    %s\n", safetext.Line(f.String()))
			}
		}
	}
	if len(d.Claims) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(st.Paint(st.Header, "Claims") + "\n")
		for i := range d.Claims {
			writeClaimText(&b, st, &d.Claims[i])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func paintFor(st *render.Styles, kind diff.ChangeKind, s string) string {
	switch kind {
	case diff.Added, diff.Opened:
		return st.Paint(st.Added, s)
	case diff.Removed, diff.Closed:
		return st.Paint(st.Removed, s)
	case diff.Changed:
		return st.Paint(st.Warning, s)
	case diff.Renamed, diff.Moved:
		return st.Paint(st.Accent, s)
	}
	return st.Paint(st.Dim, s)
}

func writeDisputeText(b *strings.Builder, st *render.Styles, d *diff.DisputeChange) {
	head := marks[d.Kind] + " " + safetext.Line(d.Topic)
	fmt.Fprintf(b, "%s  %s  %s (%d)  %s\n", paintFor(st, d.Kind, head), d.Kind, d.Severity, d.Score, kindsText(d.Kinds))
	if d.Context != "" {
		fmt.Fprintf(b, "    %s %s\n", st.Paint(st.Dim, "context:"), safetext.Line(d.Context))
	}
	if d.Moment != "" {
		fmt.Fprintf(b, "    %s %s\n", st.Paint(st.Dim, "as of:"), safetext.Line(d.Moment))
	}
	if d.Kind != diff.Changed {
		fmt.Fprintf(b, "    %s\n", safetext.Line(positionsText(d.Positions)))
	}
	for _, line := range d.Details {
		fmt.Fprintf(b, "    %s\n", safetext.Line(line))
	}
	if len(d.Claims) > 0 {
		fmt.Fprintf(b, "    %s %s\n", st.Paint(st.Dim, "claims:"), safetext.Line(strings.Join(d.Claims, ", ")))
	}
}

// positionsText is "G8 (2 origins) vs G7 (1 origin)".
func positionsText(ps []diff.PositionBrief) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s (%s)", p.Value, render.Plural(p.Origins, "origin"))
	}
	return strings.Join(parts, " vs ")
}

func kindsText(ks []claims.Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, "+")
}

func writeClaimText(b *strings.Builder, st *render.Styles, c *diff.ClaimChange) {
	id := safetext.Line(c.ID)
	if c.From != "" {
		id = safetext.Line(c.From) + " → " + id
	}
	topic := safetext.Line(c.Topic)
	if c.Context != "" {
		topic += " [" + safetext.Line(c.Context) + "]"
	}
	value := claimSummary(c)
	if c.Kind == diff.Added || c.Kind == diff.Removed {
		value += " (" + c.Source + ")"
	}
	if c.Kind == diff.Moved {
		value += " (" + movedText(c) + ")"
	}
	line := paintFor(st, c.Kind, marks[c.Kind]+" "+id) + "  " + topic + "  " + safetext.Line(value)
	b.WriteString(line + "\n")
	for _, f := range c.Fields {
		if f.Field == "value" || f.Field == "denies" || f.Field == "source" && c.Kind == diff.Moved {
			continue
		}
		fmt.Fprintf(b, "    %s %s\n", st.Paint(st.Dim, f.Field+":"), safetext.Line(fieldText(f)))
	}
}

// movedText is "moved from reuters to ap".
func movedText(c *diff.ClaimChange) string {
	if f := c.Field("source"); f != nil {
		return "moved from " + f.Old + " to " + f.New
	}
	return "moved"
}

// claimSummary is the value part of a claim's line: its value, or
// "600,000 → 500,000" for a changed value,
// "600k → 600,000 (same value)" for a rewording.
func claimSummary(c *diff.ClaimChange) string {
	if c.OldValue == "" {
		return diag.ClipRunes(c.Value, 60)
	}
	s := diag.ClipRunes(c.OldValue, 60) + " → " + diag.ClipRunes(c.Value, 60)
	if v := c.Field("value"); v != nil && v.Reworded && c.Field("denies") == nil {
		s += " (same value)"
	}
	return s
}

func fieldText(f diff.FieldChange) string {
	show := func(s string) string {
		if s == "" {
			return "(none)"
		}
		if f.Field == "quote" || f.Field == "note" {
			return fmt.Sprintf("%q", diag.ClipRunes(s, 60))
		}
		return s
	}
	return show(f.Old) + " → " + show(f.New)
}

// GateReason says why diff --fail-on failOn (opened, changed or any)
// fails on d, or "" when it passes.
func GateReason(failOn string, d *diff.Diff) string {
	opened, changed := d.Topics(diff.Opened), d.Topics(diff.Changed)
	switch {
	case failOn == "opened" && len(opened) > 0:
		return "the change opens a dispute on " + strings.Join(opened, ", ")
	case failOn == "changed" && len(opened)+len(changed) > 0:
		return "the change opens or changes a dispute on " + strings.Join(append(opened, changed...), ", ")
	case failOn == "any" && !d.Empty():
		return "the change touches the ledger: " + Summary(d)
	}
	return ""
}

// Summary is the one-line count of a diff: "1 dispute opened, 1 closed;
// 2 claims added, 1 changed", or "no changes".
func Summary(d *diff.Diff) string {
	var parts []string
	if len(d.Disputes) > 0 {
		parts = append(parts, counts(d, "dispute", diff.Opened, diff.Closed, diff.Changed))
	}
	if len(d.TopicChanges) > 0 {
		parts = append(parts, counts(d, "topic", diff.Added, diff.Removed, diff.Changed))
	}
	if len(d.Claims) > 0 {
		parts = append(parts, counts(d, "claim", claimKinds...))
	}
	if len(parts) == 0 {
		return "no changes"
	}
	return strings.Join(parts, "; ")
}

// counts renders "2 claims added, 1 changed" for the kinds present.
func counts(d *diff.Diff, noun string, kinds ...diff.ChangeKind) string {
	var out []string
	for _, k := range kinds {
		n := 0
		switch noun {
		case "dispute":
			for _, c := range d.Disputes {
				if c.Kind == k {
					n++
				}
			}
		case "topic":
			for _, c := range d.TopicChanges {
				if c.Kind == k {
					n++
				}
			}
		default:
			for _, c := range d.Claims {
				if c.Kind == k {
					n++
				}
			}
		}
		if n == 0 {
			continue
		}
		if len(out) == 0 {
			out = append(out, render.Plural(n, noun)+" "+string(k))
		} else {
			out = append(out, fmt.Sprintf("%d %s", n, k))
		}
	}
	return strings.Join(out, ", ")
}

// diffJSON is the stable JSON contract of claimdiff diff --format json.
type diffJSON struct {
	Old      sideJSON     `json:"old"`
	New      sideJSON     `json:"new"`
	Claims   claimsJSON   `json:"claims"`
	Disputes disputesJSON `json:"disputes"`
	// The details behind the id and topic lists.
	ClaimChanges   []claimChangeJSON   `json:"claim_changes"`
	DisputeChanges []disputeChangeJSON `json:"dispute_changes"`
	// TopicChanges are the topic definitions added, removed or changed
	// (a tolerance added, a type changed).
	TopicChanges []topicChangeJSON `json:"topic_changes"`
}

type topicChangeJSON struct {
	Kind   diff.ChangeKind   `json:"change"`
	Topic  string            `json:"topic"`
	Fields []fieldChangeJSON `json:"fields"`
}

// claimChangeJSON is one claim added, removed or edited.
type claimChangeJSON struct {
	Kind     diff.ChangeKind   `json:"change"`
	ID       string            `json:"id"`
	From     string            `json:"from,omitempty"`
	Topic    string            `json:"topic"`
	Source   string            `json:"source"`
	Context  string            `json:"context,omitempty"`
	Value    string            `json:"value"`
	OldValue string            `json:"old_value,omitempty"`
	Fields   []fieldChangeJSON `json:"fields,omitempty"`
}

type fieldChangeJSON struct {
	Field    string `json:"field"`
	Old      string `json:"old"`
	New      string `json:"new"`
	Reworded bool   `json:"reworded,omitempty"`
}

// disputeChangeJSON is one dispute opened, closed or changed.
type disputeChangeJSON struct {
	Kind      diff.ChangeKind     `json:"change"`
	Topic     string              `json:"topic"`
	Context   string              `json:"context,omitempty"`
	Moment    string              `json:"as_of,omitempty"`
	Kinds     []claims.Kind       `json:"kinds"`
	Severity  claims.Severity     `json:"severity"`
	Score     int                 `json:"score"`
	Status    string              `json:"status"`
	Positions []positionBriefJSON `json:"positions"`
	Details   []string            `json:"details,omitempty"`
	Claims    []string            `json:"claims,omitempty"`
}

type positionBriefJSON struct {
	Value     string   `json:"value"`
	Origins   int      `json:"origins"`
	OriginIDs []string `json:"origin_ids"`
}

type sideJSON struct {
	Label   string                   `json:"label"`
	Files   []string                 `json:"files"`
	Claims  int                      `json:"claims"`
	Skipped *disputedout.SkippedJSON `json:"skipped,omitempty"`
}

type claimsJSON struct {
	Added    []string     `json:"added"`
	Removed  []string     `json:"removed"`
	Changed  []string     `json:"changed"`
	Reworded []string     `json:"reworded"`
	Renamed  []renameJSON `json:"renamed"`
	// Moved are claims credited to another source, nothing else changed.
	Moved []string `json:"moved"`
}

type renameJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type disputesJSON struct {
	Opened  []string `json:"opened"`
	Closed  []string `json:"closed"`
	Changed []string `json:"changed"`
}

// DiffJSON writes the diff as JSON: claims.added, removed, changed and
// reworded are arrays of claim ids, claims.renamed of {from, to};
// disputes.opened, closed and changed are arrays of topics; claim_changes
// and dispute_changes hold the details.
func DiffJSON(w io.Writer, old, new Side, d *diff.Diff) error {
	out := diffJSON{
		Old: describe(old), New: describe(new),
		Claims: claimsJSON{
			Added: d.ClaimIDs(diff.Added), Removed: d.ClaimIDs(diff.Removed),
			Changed: d.ClaimIDs(diff.Changed), Reworded: d.ClaimIDs(diff.Reworded),
			Renamed: []renameJSON{}, Moved: d.ClaimIDs(diff.Moved),
		},
		Disputes: disputesJSON{
			Opened: d.Topics(diff.Opened), Closed: d.Topics(diff.Closed), Changed: d.Topics(diff.Changed),
		},
		ClaimChanges:   make([]claimChangeJSON, len(d.Claims)),
		DisputeChanges: make([]disputeChangeJSON, len(d.Disputes)),
		TopicChanges:   make([]topicChangeJSON, len(d.TopicChanges)),
	}
	for i, t := range d.TopicChanges {
		out.TopicChanges[i] = topicChangeJSON{Kind: t.Kind, Topic: t.Topic, Fields: []fieldChangeJSON{}}
		for _, f := range t.Fields {
			out.TopicChanges[i].Fields = append(out.TopicChanges[i].Fields, fieldChangeJSON{Field: f.Field, Old: f.Old, New: f.New})
		}
	}
	for _, r := range d.RenamedIDs() {
		out.Claims.Renamed = append(out.Claims.Renamed, renameJSON{From: r[0], To: r[1]})
	}
	for i, c := range d.Claims {
		out.ClaimChanges[i] = claimChangeJSON{Kind: c.Kind, ID: c.ID, From: c.From, Topic: c.Topic,
			Source: c.Source, Context: c.Context, Value: c.Value, OldValue: c.OldValue}
		for _, f := range c.Fields {
			out.ClaimChanges[i].Fields = append(out.ClaimChanges[i].Fields,
				fieldChangeJSON{Field: f.Field, Old: f.Old, New: f.New, Reworded: f.Reworded})
		}
	}
	for i, c := range d.Disputes {
		out.DisputeChanges[i] = disputeChangeJSON{Kind: c.Kind, Topic: c.Topic, Context: c.Context,
			Moment: c.Moment, Kinds: c.Kinds, Severity: c.Severity, Score: c.Score, Status: c.Status,
			Positions: positionBriefsOf(c.Positions), Details: c.Details, Claims: c.Claims}
	}
	return render.WriteJSON(w, out)
}

// positionBriefsOf keeps nil as nil: positions is null then, as ever.
func positionBriefsOf(ps []diff.PositionBrief) []positionBriefJSON {
	if ps == nil {
		return nil
	}
	out := make([]positionBriefJSON, len(ps))
	for i, p := range ps {
		out[i] = positionBriefJSON{Value: p.Value, Origins: p.Origins, OriginIDs: p.OriginIDs}
	}
	return out
}

func describe(s Side) sideJSON {
	return sideJSON{Label: s.Label, Files: s.Ledger.SortedFiles(), Claims: len(s.Ledger.Claims), Skipped: s.Skipped}
}
