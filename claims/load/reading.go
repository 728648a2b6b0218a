package load

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// Sources write values their own way: a German paper writes 2.100 for
// 2,100, a US site 12/01/2011 for the first of December, an airline's page
// times without a zone. A source, or the file that defines it, may say how
// (decimal:, date_order:, zone:), and a topic may say so for its values;
// the source's word wins. These are read here and applied to each claim's
// spec before its value is parsed.

// reading is how a source, or a file's sources, write their values.
type reading struct {
	decimal    value.Decimal
	hasDecimal bool
	order      value.DateOrder
	zone       *time.Location
	layouts    []value.Layout
	noValue    []string
}

// readingFor is the reading declared for key (a source id or a file name),
// made on first use.
func readingFor(m map[string]*reading, key string) *reading {
	rd := m[key]
	if rd == nil {
		rd = &reading{}
		m[key] = rd
	}
	return rd
}

// settleReadings works out, once per source, how its values are written:
// its own declarations, else those of the file that defines it, and the
// ledger's no-value words with its own. Claims then look their source up
// rather than merge declarations a million times.
func (b *builder) settleReadings() {
	if len(b.sourceReading) == 0 && len(b.fileReading) == 0 {
		return
	}
	b.readings = map[string]reading{}
	for _, s := range b.l.Sources.All() {
		own, file := b.sourceReading[s.ID], b.fileReading[s.Pos.File]
		if own == nil && file == nil {
			continue
		}
		out := reading{noValue: b.noValue}
		if file != nil {
			out = *file
			out.noValue = b.noValue
		}
		if own != nil {
			if own.hasDecimal {
				out.decimal, out.hasDecimal = own.decimal, true
			}
			if own.order != value.OrderUnset {
				out.order = own.order
			}
			if own.zone != nil {
				out.zone = own.zone
			}
			if own.layouts != nil {
				out.layouts = own.layouts
			}
			out.noValue = slices.Concat(b.noValue, own.noValue)
		}
		b.readings[s.ID] = out
	}
}

// readingOf is how a source's values are written, as settleReadings
// worked it out.
func (b *builder) readingOf(source string) reading {
	if rd, ok := b.readings[source]; ok {
		return rd
	}
	return reading{noValue: b.noValue}
}

// specFor is the spec claim c's value is read with: its topic's, with the
// source's way of writing, its and the ledger's no-value words, and the claim's
// date as the moment a value without a year or a date is nearest to.
func (b *builder) specFor(c *claims.Claim, rd reading) value.Spec {
	spec := c.TopicRef.Spec
	spec.Decimal = rd.decimal
	if rd.order != value.OrderUnset {
		spec.DateOrder = rd.order
	}
	if rd.zone != nil {
		spec.Zone = rd.zone
	}
	switch {
	case len(rd.layouts) == 0:
	case len(spec.Layouts) == 0:
		spec.Layouts = rd.layouts // shared, never written to
	default:
		// The source's layouts first: it is the source that writes them.
		spec.Layouts = slices.Concat(rd.layouts, spec.Layouts)
	}
	switch {
	case len(spec.NoValue) == 0:
		spec.NoValue = rd.noValue // shared, never written to
	case len(rd.noValue) > 0:
		spec.NoValue = slices.Concat(spec.NoValue, rd.noValue)
	}
	if (spec.Type == value.Date || spec.Type == value.DateTime) && len(c.Date) >= 10 {
		if d, err := time.Parse(time.DateOnly, c.Date[:10]); err == nil {
			loc := spec.Zone
			if loc == nil {
				loc = time.UTC
			}
			spec.Near = time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, loc)
		}
	}
	return spec
}

// readingCheck is lint's advice on a value that reads two ways, or that
// names no zone where one matters: what checkReading found, which
// report turns into warnings about one claim.
type readingCheck struct {
	ambiguousNumber  bool
	asPoint, asComma string
	ambiguousDate    bool
	dates            [2]string
	noZone           bool
}

// checkReading looks for what lint advises on about raw: v is what the
// value read as, and read whether it read at all.
func checkReading(raw string, spec value.Spec, rd reading, v value.Value, read bool) readingCheck {
	var rc readingCheck
	if !rd.hasDecimal {
		rc.asPoint, rc.asComma, rc.ambiguousNumber = value.AmbiguousDecimal(raw, spec)
	}
	if spec.Type != value.Date && spec.Type != value.DateTime {
		return rc
	}
	if spec.DateOrder == value.OrderUnset {
		rc.dates, rc.ambiguousDate = value.AmbiguousDate(raw, spec)
	}
	// Only a time read as a span can lack a zone; a point already has one,
	// so most values are not read again to find out.
	rc.noZone = read && math.IsNaN(v.Nominal) && value.Zoneless(raw, spec)
	return rc
}

// report adds the warnings rc holds about claim c.
func (rc *readingCheck) report(c *claims.Claim, add func(diag.Problem)) {
	if rc.ambiguousNumber {
		add(diag.Problem{Pos: c.ValuePos(), Severity: diag.Warning, Code: "ambiguous-number",
			Message: fmt.Sprintf("%q reads as %s; with a decimal comma it would be %s", c.Value.Raw, rc.asPoint, rc.asComma),
			Hint:    fmt.Sprintf("declare `decimal: comma` on source %s (or at the top of the file that defines it), or write the number unambiguously (2,100 or 2.1)", c.Source)})
	}
	if rc.ambiguousDate {
		add(diag.Problem{Pos: c.ValuePos(), Severity: diag.Warning, Code: "ambiguous-date",
			Message: fmt.Sprintf("%q reads as %s, month first; day first it would be %s", c.Value.Raw, rc.dates[0], rc.dates[1]),
			Hint:    fmt.Sprintf("declare `date_order: mdy` or `date_order: dmy` on source %s or on topic %s", c.Source, c.Topic)})
	}
	if rc.noZone {
		add(diag.Problem{Pos: c.ValuePos(), Severity: diag.Warning, Code: "no-zone",
			Message: fmt.Sprintf("%q names no time zone, so it is read as that time anywhere from UTC-12 to UTC+14", c.Value.Raw),
			Hint:    fmt.Sprintf("declare `zone:` (an IANA name such as America/Chicago, or an offset such as -06:00) on source %s or on topic %s", c.Source, c.Topic)})
	}
}

// keepNote keeps what a value says beside itself, such as "(estimated)"
// or a web page's "On Time", as the claim's note: it is not part of the
// value.
func keepNote(c *claims.Claim, note string) { c.Note = joinNote(c.Note, note) }

// NoteOf is the note a claim with note and value raw has once loaded: what
// the value says beside itself joins the claim's own note. Whoever writes
// a claim and checks that it reads back (add) expects this note, not the
// one it wrote.
func NoteOf(note, raw string, spec value.Spec) string {
	_, vn, _ := value.ParseNote(raw, spec)
	return joinNote(note, vn)
}

func joinNote(note, add string) string {
	switch {
	case add == "" || strings.Contains(note, add):
		return note
	case note == "":
		return add
	}
	return note + "; " + add
}

// zone reads a zone: declaration, an IANA name or a fixed offset.
func (r *reader) zone(n *yaml.Node) *time.Location {
	v, ok := r.scalar(n, "zone")
	if !ok {
		return nil
	}
	loc, err := value.ParseZone(v)
	if err != nil {
		r.errorf(n, "bad-zone", "%v", err)
		return nil
	}
	return loc
}

// layouts reads a layout: declaration, one layout or a list of them.
func (r *reader) layouts(n *yaml.Node) []value.Layout {
	if rn := r.resolve(n); rn != nil && rn.Kind == yaml.ScalarNode && strings.TrimSpace(rn.Value) == "" {
		r.errorf(n, "bad-layout", "layout is empty: write one as Go writes the reference time (2006-01-02 3:04 PM) or with strftime's fields (%%Y-%%m-%%d %%I:%%M %%p)")
		return nil
	}
	srcs, pos := r.strings(n, "layout")
	var out []value.Layout
	for i, s := range srcs {
		l, err := value.ParseLayout(s)
		if err != nil {
			r.add(diag.Errorf(pos[i], "bad-layout", "%v", err))
			continue
		}
		out = append(out, l)
	}
	return out
}

// dateOrder reads a date_order: declaration, mdy, dmy or ymd.
func (r *reader) dateOrder(n *yaml.Node) value.DateOrder {
	v, ok := r.scalar(n, "date_order")
	if !ok {
		return value.OrderUnset
	}
	o, ok := value.ParseDateOrder(v)
	if !ok {
		r.errorf(n, "bad-date-order", "date_order must be mdy, dmy or ymd, not %q", diag.Clip(v, 40))
	}
	return o
}

// decimal reads a decimal: declaration, point or comma.
func (r *reader) decimal(n *yaml.Node) (value.Decimal, bool) {
	v, ok := r.scalar(n, "decimal")
	if !ok {
		return 0, false
	}
	d, ok := value.ParseDecimal(v)
	if !ok {
		r.errorf(n, "bad-decimal", "decimal must be point or comma, not %q", diag.Clip(v, 40))
	}
	return d, ok
}
