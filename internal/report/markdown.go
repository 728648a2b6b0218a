package report

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// WriteMarkdown writes the report as GitHub-flavoured Markdown that fits
// a pull-request comment or a job summary: summary tables, one row per
// dispute, and each dispute's positions in a collapsed details block.
//
// Two escapings meet here. Table cells and plain lines go through
// safetext.MarkdownCell (pipes and markup escaped, newlines folded). The
// <summary> line of a details block is an HTML block, where Markdown
// escapes do not apply, so it is HTML-escaped instead.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	title := "Contradiction report"
	if r.Ledger.Title != "" {
		title += ": " + md(r.Ledger.Title)
	}
	fmt.Fprintf(&b, "## %s\n\n", title)
	s := &r.Summary
	fmt.Fprintf(&b, "**%s** among %s from %s on %s.\n\n", render.Plural(s.Disputes, "dispute"),
		render.Plural(s.Claims, "claim"), render.Plural(s.Sources, "source"), render.Plural(s.Topics, "topic"))
	if s.Disputes == 0 {
		writeMarkdownRevisions(&b, r)
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "- **By severity:** %s\n- **By kind:** %s\n- **By status:** %s\n\n",
		allCounts(s.BySeverity), allCounts(s.ByKind), allCounts(s.ByStatus))
	if len(s.Contradicted) > 0 {
		b.WriteString("Sources most often contradicted (on a side other than the best-supported one):\n\n")
		b.WriteString("| source | name | disputes |\n| --- | --- | ---: |\n")
		for _, c := range s.Contradicted {
			fmt.Fprintf(&b, "| %s | %s | %d |\n", mdCode(c.Source.ID), md(c.Source.Name), c.Disputes)
		}
		b.WriteString("\n")
	}

	b.WriteString("### Disputes\n\n")
	b.WriteString("| severity | topic | kinds | status | positions |\n| --- | --- | --- | --- | --- |\n")
	for i := range r.Disputes {
		d := &r.Disputes[i]
		var sides []string
		for _, p := range d.Positions {
			sides = append(sides, fmt.Sprintf("%s (%s)", md(positionValue(p)), render.Plural(p.Origins, "origin")))
		}
		fmt.Fprintf(&b, "| %s %d | %s | %s | %s | %s |\n", d.Severity, d.Score, mdCode(disputeName(d)),
			kindsText(d), md(statusText(d)), strings.Join(sides, " vs "))
	}
	b.WriteString("\n")
	for i := range r.Disputes {
		writeMarkdownDispute(&b, &r.Disputes[i])
	}
	writeMarkdownRevisions(&b, r)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarkdownRevisions lists the revisions on topics with no dispute.
func writeMarkdownRevisions(b *strings.Builder, r *Report) {
	if len(r.Revisions) == 0 {
		return
	}
	b.WriteString("### Revisions on topics with no dispute\n\n")
	for _, rev := range r.Revisions {
		fmt.Fprintf(b, "- %s: %s\n", mdCode(revisionTopic(rev)), md(rev.String()))
	}
	b.WriteString("\n")
}

// revisionTopic names a revision's topic as disputeName names a dispute's.
func revisionTopic(r claims.Revision) string {
	return disputeName(&Dispute{Dispute: claims.Dispute{Topic: r.Topic, Context: r.Context, Moment: r.Moment}})
}

// allCounts is "9 high · 0 medium · 0 low": zeros stay, so that a
// reader sees there are none.
func allCounts(cs []Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%d %s", c.N, c.Name)
	}
	return strings.Join(parts, " · ")
}

func writeMarkdownDispute(b *strings.Builder, d *Dispute) {
	// The summary line sits in an HTML block: HTML-escape, on one line.
	fmt.Fprintf(b, "<details><summary><code>%s</code> · %s %d · %s · %s</summary>\n\n",
		html.EscapeString(safetext.Line(disputeName(d))), d.Severity, d.Score,
		html.EscapeString(kindsText(d)), html.EscapeString(safetext.Line(statusText(d))))
	if d.Question != "" {
		fmt.Fprintf(b, "%s\n\n", md(d.Question))
	}
	head := []string{""}
	rule := []string{"---"}
	rows := map[string][]string{}
	order := []string{"support", "chains", "quotes", "claims"}
	for pi, p := range d.Positions {
		h := md(positionValue(p))
		if tag := positionTag(d, p); tag != "" {
			if p.Best {
				h = "**" + h + "**"
			}
			h += " (" + md(tag) + ")"
		}
		if len(p.Values) > 1 || (len(p.Values) == 1 && p.Values[0] != p.Common) {
			h += "<br>as written: " + md(strings.Join(p.Values, " · "))
		}
		head = append(head, h)
		rule = append(rule, "---")
		rows["support"] = append(rows["support"], md(disputedout.SupportLine(d.Dispute.Positions[pi])))
		var chains, quotes, cls []string
		for _, ch := range p.Chains {
			chains = append(chains, mdChain(ch))
		}
		for _, c := range p.Claims {
			if c.Quote != "" {
				quotes = append(quotes, "“"+md(c.Quote)+"” — "+md(c.QuoteCredit()))
			}
			cls = append(cls, mdCode(c.ID)+" "+md(c.Pos.String()))
		}
		rows["chains"] = append(rows["chains"], strings.Join(chains, "<br>"))
		rows["quotes"] = append(rows["quotes"], strings.Join(quotes, "<br>"))
		rows["claims"] = append(rows["claims"], strings.Join(cls, "<br>"))
	}
	fmt.Fprintf(b, "| %s |\n| %s |\n", strings.Join(head, " | "), strings.Join(rule, " | "))
	for _, name := range order {
		if strings.Join(rows[name], "") == "" {
			continue
		}
		fmt.Fprintf(b, "| %s | %s |\n", name, strings.Join(rows[name], " | "))
	}
	b.WriteString("\n")
	var notes []string
	for _, a := range d.Arithmetic {
		notes = append(notes, "- arithmetic: "+md(a))
	}
	for _, v := range d.Vague {
		notes = append(notes, "- vague: "+md(v.String()))
	}
	for _, m := range d.Misquotes {
		notes = append(notes, "- misquote: "+md(m.String()))
	}
	for _, rev := range d.Revisions {
		notes = append(notes, "- "+md(rev.String()))
	}
	if d.Reason != "" {
		notes = append(notes, "- desk: "+md(d.Reason))
	}
	if label, text := render.LikelyNote(d.Settled, d.Likely); label != "" {
		notes = append(notes, "- "+label+" "+md(text))
	}
	if len(notes) > 0 {
		b.WriteString(strings.Join(notes, "\n") + "\n\n")
	}
	b.WriteString("</details>\n\n")
}

// mdChain is "a → b → c" with each source linked when it has a URL.
func mdChain(ch []Source) string {
	parts := make([]string, len(ch))
	for i, s := range ch {
		parts[i] = md(s.ID)
		if u := safeURL(s.URL); u != "" {
			// Build has already kept only http(s) URLs; checking again
			// keeps this writer safe on its own. Parentheses and spaces
			// are percent-encoded so the URL cannot end the link early.
			parts[i] = "[" + parts[i] + "](" + mdURL(u) + ")"
		}
	}
	return strings.Join(parts, " → ")
}

// md escapes text for a table cell or a line.
func md(s string) string { return safetext.MarkdownCell(s) }

// mdCode shows an id in a code span. Code spans cannot escape backticks,
// and ids are untrusted, so an id with a backtick or pipe is shown as
// escaped plain text instead.
func mdCode(s string) string {
	l := safetext.Line(s)
	if l == "" || strings.ContainsAny(l, "`|\\<>&") {
		return md(s)
	}
	return "`" + l + "`"
}

func mdURL(u string) string {
	r := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "|", "%7C", "`", "%60", "\\", "%5C", "\n", "", "\t", "")
	return r.Replace(u)
}

// positionTag is what a position's heading adds: "best supported",
// "likely, estimate 87%" or "settled by the desk", or both.
func positionTag(d *Dispute, p Position) string {
	var tags []string
	if p.Best {
		tags = append(tags, "best supported")
	}
	if p.Likely && d.Likely != nil {
		if d.Likely.Settled {
			tags = append(tags, "settled by the desk")
		} else {
			tags = append(tags, "likely, "+render.EstimateText(d.Likely))
		}
	}
	return strings.Join(tags, "; ")
}

func positionValue(p Position) string {
	if p.Denies {
		return "denies " + strings.TrimPrefix(p.Common, "not ")
	}
	return p.Common
}

func disputeName(d *Dispute) string {
	name := d.Topic
	if d.Context != "" {
		name += " [" + d.Context + "]"
	}
	if d.Moment != "" {
		name += " @ " + d.Moment
	}
	return name
}

func kindsText(d *Dispute) string {
	ks := make([]string, len(d.Kinds))
	for i, k := range d.Kinds {
		ks[i] = string(k)
	}
	return strings.Join(ks, "+")
}

func statusText(d *Dispute) string {
	s := d.Status
	switch {
	case d.Expired:
		s += ", expired " + d.Until
	case d.Until != "":
		s += " until " + d.Until
	}
	return s
}
