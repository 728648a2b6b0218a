package report

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// The page's template, style and script are claimdiff's own files,
// embedded so that the report is one file that needs no network. Only
// these static assets are marked safe (template.CSS, template.JS); ledger
// text always goes through html/template's escaping, never through a
// template.HTML or template.URL conversion.
//
//go:embed assets/report.html.tmpl assets/report.css assets/report.js
var assets embed.FS

var (
	// pageTemplate is parsed when a report is first written, not when any
	// command starts: parsing costs 3,500 allocations.
	pageTemplate = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
			"support":  func(p Position) string { return disputedout.SupportLine(p.Position) },
			"plural":   render.Plural,
			"pos":      func(p diag.Pos) string { return p.String() },
			"value":    positionValue,
			"kinds":    func(d *Dispute) string { return strings.ReplaceAll(kindsText(d), "+", " ") },
			"name":     disputeName,
			"revtopic": revisionTopic,
			"estimate": render.EstimateText,
			// note is the dispute's likely side as a label and a text, or
			// nothing.
			"note": func(d *Dispute) []string {
				label, text := render.LikelyNote(d.Settled, d.Likely)
				if label == "" {
					return nil
				}
				return []string{strings.TrimSuffix(label, ":"), text}
			},
			"px":  func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) },
			"inc": func(i int) int { return i + 1 },
			"posclass": func(i int) string {
				return "p" + strconv.Itoa(min(i, 2))
			},
		}).ParseFS(assets, "assets/report.html.tmpl"))
	})
	pageCSS = mustAsset("assets/report.css")
	pageJS  = mustAsset("assets/report.js")
	// pageCSP allows nothing but the page's own style and script, by
	// hash: the report loads nothing, and even text that slipped past
	// escaping could not run.
	pageCSP = "default-src 'none'; style-src '" + hash(pageCSS) + "'; script-src '" + hash(pageJS) +
		"'; img-src data:; base-uri 'none'; form-action 'none'"
)

func mustAsset(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// page is what the template sees.
type page struct {
	*Report
	CSS      template.CSS
	JS       template.JS
	CSP      string
	Matrix   matrix
	Timeline []timeline
	Severity []bar
	Filters  []filterGroup
}

// bar is a segment of the summary's stacked severity bar, in percent.
type bar struct {
	Name     string
	N        int
	X, Width float64
}

type filterGroup struct {
	Name, Label string
	Options     []Count
}

// WriteHTML writes the report as one self-contained HTML page.
func WriteHTML(w io.Writer, r *Report) error {
	p := page{Report: r, CSS: template.CSS(pageCSS), JS: template.JS(pageJS), CSP: pageCSP, Matrix: newMatrix(r),
		Timeline: newTimelines(r.Timelines)}
	x := 0.0
	for _, c := range r.Summary.BySeverity {
		if c.N == 0 || r.Summary.Disputes == 0 {
			continue
		}
		wd := 100 * float64(c.N) / float64(r.Summary.Disputes)
		p.Severity = append(p.Severity, bar{Name: c.Name, N: c.N, X: x, Width: wd})
		x += wd
	}
	p.Filters = []filterGroup{
		{Name: "severity", Label: "Severity", Options: r.Summary.BySeverity},
		{Name: "kind", Label: "Kind", Options: r.Summary.ByKind},
		{Name: "status", Label: "Status", Options: r.Summary.ByStatus},
	}
	// The page keeps the ledger's newlines, so a CI log that shows it
	// would read workflow commands in it: the page is defused as a whole,
	// once, after escaping.
	var buf bytes.Buffer
	if err := pageTemplate().Execute(&buf, p); err != nil {
		return err
	}
	_, err := w.Write(safetext.HTMLWorkflow(buf.Bytes()))
	return err
}

// Matrix geometry, in SVG user units (pixels at 100%).
const (
	cellSize    = 26
	labelWidth  = 210
	headerSpace = 150
	maxRows     = 40
	maxCols     = 150
	labelRunes  = 28
)

// matrix is the "who contradicts whom" picture: a row per source that is
// an origin in some dispute, a column per dispute, and a filled cell where
// the source takes a side, coloured by which position it takes. All of it
// is numbers and text that the template escapes; no SVG is built as a
// string.
type matrix struct {
	Width, Height      int
	LabelX, Top        int
	Rows               []matrixRow
	Cols               []matrixCol
	MoreRows, MoreCols int
	GridRight          int
	// Cell is the pitch of rows and columns, Inner a filled cell's height.
	Cell, Inner int
}

type matrixRow struct {
	Y, TextY int
	Label    string
	Source   Source
	Disputes int
	Zebra    bool
}

type matrixCol struct {
	X, LabelX int
	Anchor    string
	Label     string
	Name      string
	Severity  string
	Cells     []matrixCell
}

type matrixCell struct {
	X, Y, W float64
	Class   string
	Title   string
}

func newMatrix(r *Report) matrix {
	// Rows: sources by how many disputes they take a side in.
	count := map[string]int{}
	srcs := map[string]Source{}
	for i := range r.Disputes {
		seen := map[string]bool{}
		for _, p := range r.Disputes[i].Positions {
			for _, c := range p.Claims {
				if !seen[c.Source.ID] {
					seen[c.Source.ID] = true
					count[c.Source.ID]++
					srcs[c.Source.ID] = c.Source
				}
			}
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(count[b], count[a]), strings.Compare(a, b)) })
	m := matrix{LabelX: labelWidth - 8, Top: headerSpace, Cell: cellSize, Inner: cellSize - 4}
	if len(ids) > maxRows {
		m.MoreRows = len(ids) - maxRows
		ids = ids[:maxRows]
	}
	rowOf := map[string]int{}
	for i, id := range ids {
		rowOf[id] = i
		y := headerSpace + i*cellSize
		m.Rows = append(m.Rows, matrixRow{Y: y, TextY: y + cellSize/2 + 5, Label: diag.ClipRunes(srcs[id].ID, labelRunes),
			Source: srcs[id], Disputes: count[id], Zebra: i%2 == 1})
	}
	// A topic disputed in several contexts or moments has a column for
	// each; its label then names which, or the columns read as repeats.
	columns := map[string]int{}
	for i := range r.Disputes {
		columns[r.Disputes[i].Topic]++
	}
	ds := r.Disputes
	if len(ds) > maxCols {
		m.MoreCols = len(ds) - maxCols
		ds = ds[:maxCols]
	}
	for ci := range ds {
		d := &ds[ci]
		x := labelWidth + ci*cellSize
		col := matrixCol{X: x, LabelX: x + cellSize/2 + 4, Anchor: d.Anchor, Label: columnLabel(d, columns[d.Topic] > 1),
			Name: disputeName(d), Severity: string(d.Severity)}
		// sides[row] lists the positions the row's source takes.
		sides := map[int][]int{}
		for pi, p := range d.Positions {
			for _, c := range p.Claims {
				row, ok := rowOf[c.Source.ID]
				if ok && !slices.Contains(sides[row], pi) {
					sides[row] = append(sides[row], pi)
				}
			}
		}
		for row := range m.Rows {
			ps := sides[row]
			w := float64(cellSize-4) / float64(max(len(ps), 1))
			for k, pi := range ps {
				p := &d.Positions[pi]
				title := fmt.Sprintf("%s on %s: %s (position %d of %d", m.Rows[row].Source.Label(), col.Name,
					positionValue(*p), pi+1, len(d.Positions))
				if p.Best {
					title += ", best supported"
				}
				col.Cells = append(col.Cells, matrixCell{
					X: float64(x+2) + float64(k)*w, Y: float64(m.Rows[row].Y + 2), W: w,
					Class: "p" + strconv.Itoa(min(pi, 2)), Title: title + ")",
				})
			}
		}
		m.Cols = append(m.Cols, col)
	}
	m.GridRight = labelWidth + len(m.Cols)*cellSize
	// Column labels lean up and to the right at 45°, so the picture needs
	// room past the last column for the last label.
	m.Width = m.GridRight + headerSpace
	m.Height = headerSpace + len(m.Rows)*cellSize + 4
	return m
}

// columnLabel is a matrix column's label: the topic, and when the topic
// has several columns (repeat), the context and moment that tell them
// apart. Those are kept whole where they fit, the topic clipped first,
// since the column's title gives the full name.
func columnLabel(d *Dispute, repeat bool) string {
	if !repeat || d.Context == "" && d.Moment == "" {
		return diag.ClipRunes(d.Topic, labelRunes)
	}
	var which []string
	if ctx := d.Context; utf8.RuneCountInString(ctx) <= labelRunes/2 {
		which = append(which, ctx)
	} else if ctx != "" {
		// The values alone ("sep-dec, north") when the pairs do not fit.
		var values []string
		for _, kv := range claims.ContextPairs(ctx) {
			values = append(values, kv[1])
		}
		which = append(which, strings.Join(values, ", "))
	}
	if d.Moment != "" {
		which = append(which, "@ "+d.Moment)
	}
	suffix := " [" + diag.ClipRunes(strings.Join(which, " "), labelRunes/2) + "]"
	return diag.ClipRunes(d.Topic, labelRunes-utf8.RuneCountInString(suffix)) + suffix
}
