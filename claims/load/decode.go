package load

import (
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/sources"
)

var (
	ledgerFields  = []string{"ledger", "title", "description", "desk", "decimal", "date_order", "no_value", "sources", "topics", "claims", "disputes"}
	sourceFields  = []string{"name", "kind", "url", "published", "via", "text", "texts", "decimal", "date_order", "zone", "layout", "no_value", "description"}
	topicFields   = []string{"question", "description", "type", "unit", "tolerance", "choices", "changes", "zone", "date_order", "layout", "no_value"}
	disputeFields = []string{"status", "value", "reason", "until", "context", "as_of", "date", "url"}
	deskFields    = []string{"name", "url"}
)

// FormatVersion is the ledger format this claimdiff reads.
const FormatVersion = "1"

func (b *builder) readLedger(r *reader, root *yaml.Node) {
	fields, _ := r.mapping(root, "the ledger")
	for _, f := range fields {
		if r.bombed {
			return // the file is given up
		}
		switch f.key {
		case "ledger":
			v, ok := r.scalar(f.value, "ledger")
			if ok && v != FormatVersion {
				r.errorf(f.value, "version", "ledger format %q is not supported; this claimdiff reads format %s", v, FormatVersion)
			}
			b.version = b.version || ok
		case "title":
			if v, ok := r.scalar(f.value, "title"); ok && !slices.Contains(b.l.Titles, v) {
				if b.l.Title == "" {
					b.l.Title = v
				}
				b.l.Titles = append(b.l.Titles, v)
			}
		case "description":
			r.scalar(f.value, "description")
		case "desk":
			b.readDesk(r, f.value)
		case "decimal":
			if d, ok := r.decimal(f.value); ok {
				rd := readingFor(b.fileReading, r.file)
				rd.decimal, rd.hasDecimal = d, true
			}
		case "date_order":
			readingFor(b.fileReading, r.file).order = r.dateOrder(f.value)
		case "no_value":
			words, _ := r.strings(f.value, "no_value")
			b.noValue = append(b.noValue, words...)
		case "sources":
			b.readSources(r, f.value)
		case "topics":
			b.readTopics(r, f.value)
		case "claims":
			b.readClaims(r, f.value)
		case "disputes":
			b.readDisputes(r, f.value)
		default:
			r.unknownField(f, "the ledger", ledgerFields)
		}
	}
}

// readDesk reads desk: the newsroom or fact-checker that keeps the
// ledger, named as the author of what claimdiff publishes for it (a
// ClaimReview export). The first file that names a desk wins.
func (b *builder) readDesk(r *reader, n *yaml.Node) {
	fields, _ := r.mapping(n, "desk")
	var d claims.Desk
	for _, f := range fields {
		switch f.key {
		case "name":
			d.Name, _ = r.scalar(f.value, "name")
		case "url":
			d.URL, _ = r.scalar(f.value, "url")
		default:
			r.unknownField(f, "desk", deskFields)
		}
	}
	if b.l.Desk.Name == "" && b.l.Desk.URL == "" {
		b.l.Desk = d
	}
}

func (b *builder) readSources(r *reader, n *yaml.Node) {
	fields, _ := r.mapping(n, "sources")
	for _, f := range fields {
		b.readSource(r, f)
	}
}

// textFields are the fields of one entry of a source's texts: written as
// a mapping.
var textFields = []string{"path", "url", "date"}

// texts reads a source's texts: a list whose entries are each a path, or
// a mapping {path, url, date}. Each path is checked as text: is.
func (r *reader) texts(n *yaml.Node) []sources.ArchivedText {
	items, ok := r.sequence(n, "texts")
	if !ok {
		return nil
	}
	var out []sources.ArchivedText
	for _, it := range items {
		var t sources.ArchivedText
		at := r.resolve(it)
		if at == nil {
			continue
		}
		if at.Kind == yaml.MappingNode {
			fields, _ := r.mapping(at, "a texts entry")
			for _, f := range fields {
				switch f.key {
				case "path":
					t.Path, _ = r.scalar(f.value, "path")
				case "url":
					t.URL, _ = r.scalar(f.value, "url")
				case "date":
					t.Date = r.date(f.value, "date")
				default:
					r.unknownField(f, "a texts entry", textFields)
				}
			}
			if t.Path == "" {
				r.errorf(at, "missing-field", "a texts entry needs path: the archived text's file")
				continue
			}
		} else if t.Path, ok = r.scalar(at, "a texts entry"); !ok || t.Path == "" {
			continue
		}
		if err := sources.CheckTextPath(filepath.Dir(r.file), t.Path); err != nil {
			r.errorf(at, "text-path", "%v", err)
			continue
		}
		out = append(out, t)
	}
	return out
}

// readSource reads one entry of sources:
func (b *builder) readSource(r *reader, f field) {
	s := &sources.Source{ID: f.key, Pos: r.pos(f.keyN)}
	checkID(r, f.keyN, "source")
	props, ok := r.entryMapping(f.value, "source", f.key)
	if !ok {
		return
	}
	for _, p := range props {
		switch p.key {
		case "name":
			s.Name, _ = r.scalar(p.value, "name")
		case "kind":
			k, _ := r.scalar(p.value, "kind")
			kind, ok := sources.ParseKind(k)
			if !ok {
				r.errorf(p.value, "bad-kind", "source kind %q is not one of %s", k, joinKinds())
			}
			s.Kind = kind
		case "url":
			s.URL, _ = r.scalar(p.value, "url")
		case "published":
			s.Published = r.date(p.value, "published")
		case "via":
			s.Via, s.ViaPos = r.strings(p.value, "via")
		case "text":
			s.Text, _ = r.scalar(p.value, "text")
			if s.Text != "" {
				if err := sources.CheckTextPath(filepath.Dir(r.file), s.Text); err != nil {
					r.errorf(p.value, "text-path", "%v", err)
				}
			}
		case "texts":
			s.Texts = r.texts(p.value)
		case "decimal":
			if d, ok := r.decimal(p.value); ok {
				rd := readingFor(b.sourceReading, s.ID)
				rd.decimal, rd.hasDecimal = d, true
			}
		case "date_order":
			readingFor(b.sourceReading, s.ID).order = r.dateOrder(p.value)
		case "zone":
			readingFor(b.sourceReading, s.ID).zone = r.zone(p.value)
		case "layout":
			readingFor(b.sourceReading, s.ID).layouts = r.layouts(p.value)
		case "no_value":
			readingFor(b.sourceReading, s.ID).noValue, _ = r.strings(p.value, "no_value")
		case "description":
			r.scalar(p.value, "description")
		default:
			r.unknownField(p, "a source", sourceFields)
		}
	}
	if prev := b.l.Sources.Add(s); prev != nil {
		p := diag.Errorf(r.pos(f.keyN), "duplicate-id", "source %q is defined twice (also at %s)", f.key, prev.Pos)
		if prev.Pos.File != r.file {
			p.Hint = "define the sources several stories share once, in a file of their own such as sources.yaml, and keep each story's own sources in its file"
		}
		r.add(p)
		return
	}
	b.dirs[s.ID] = filepath.Dir(r.file)
}

func joinKinds() string {
	names := make([]string, len(sources.Kinds))
	for i, k := range sources.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

func (b *builder) readTopics(r *reader, n *yaml.Node) {
	fields, _ := r.mapping(n, "topics")
	for _, f := range fields {
		b.readTopic(r, f)
	}
}

// readTopic reads one entry of topics:
func (b *builder) readTopic(r *reader, f field) {
	if t := parseTopic(r, f); t != nil {
		b.addTopic(r, t)
	}
}

// parseTopic reads one entry of topics without touching the ledger, so
// that many can be read at once; nil when the entry is not a mapping.
func parseTopic(r *reader, f field) *claims.Topic {
	if !isPattern(f.key) {
		checkID(r, f.keyN, "topic")
	} else if !validPattern(f.key) {
		r.errorf(f.keyN, "bad-id", "topic pattern %q %s, with * and ? as wildcards", diag.Clip(f.key, 40), ids.Rule)
	}
	t := &claims.Topic{ID: f.key, Declared: true, Pos: r.pos(f.keyN)}
	props, ok := r.entryMapping(f.value, "topic", f.key)
	if !ok {
		return nil
	}
	var tolN, layoutN *yaml.Node
	var tol string
	for _, p := range props {
		switch p.key {
		case "question":
			t.Question, _ = r.scalar(p.value, "question")
		case "description":
			r.scalar(p.value, "description")
		case "type":
			s, _ := r.scalar(p.value, "type")
			typ, ok := value.ParseType(s)
			if !ok {
				r.errorf(p.value, "bad-type", "topic type %q is not one of %s", s, joinTypes())
			}
			t.Spec.Type = typ
		case "unit":
			t.Spec.Unit, _ = r.scalar(p.value, "unit")
		case "tolerance":
			tolN = p.value
			tol, _ = r.scalar(p.value, "tolerance")
		case "choices":
			t.Spec.Choices = r.choices(p.value)
			t.Spec.IndexChoices()
		case "changes":
			t.Changes = r.boolean(p.value, "changes")
		case "zone":
			t.Spec.Zone = r.zone(p.value)
		case "date_order":
			t.Spec.DateOrder = r.dateOrder(p.value)
		case "layout":
			t.Spec.Layouts = r.layouts(p.value)
			layoutN = p.value
		case "no_value":
			t.Spec.NoValue, _ = r.strings(p.value, "no_value")
		default:
			r.unknownField(p, "a topic", topicFields)
		}
	}
	if tol != "" {
		tv, err := r.tolerance(tol)
		if err != nil {
			r.errorf(tolN, "bad-tolerance", "%v", err)
		}
		t.Spec.Tolerance = tv
	}
	if layoutN != nil && t.Spec.Type != "" && t.Spec.Type != value.Date && t.Spec.Type != value.DateTime {
		r.errorf(layoutN, "bad-layout", "layout: reads dates and times, but topic %q has type %s", f.key, t.Spec.Type)
	}
	if len(t.Spec.Choices) > 0 && t.Spec.Type == "" {
		t.Spec.Type = value.Choice
	}
	if t.Spec.Type == value.Choice && len(t.Spec.Choices) == 0 {
		r.errorf(f.keyN, "no-choices", "topic %q has type choice but no choices", f.key)
	}
	return t
}

// addTopic adds a topic read by parseTopic to the ledger, unless another
// file or entry defined it first.
func (b *builder) addTopic(r *reader, t *claims.Topic) {
	if isPattern(t.ID) {
		b.addPattern(r, t)
		return
	}
	if prev := b.l.Topics[t.ID]; prev != nil {
		r.add(diag.Errorf(t.Pos, "duplicate-id", "topic %q is defined twice (also at %s)", t.ID, prev.Pos))
		return
	}
	b.l.AddTopic(t)
}

func joinTypes() string {
	names := make([]string, len(value.Types))
	for i, t := range value.Types {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// choices reads [G7, G8] or [{G8: [Group of Eight]}, G7].
func (r *reader) choices(n *yaml.Node) []value.ChoiceDef {
	items, _ := r.sequence(n, "choices")
	var out []value.ChoiceDef
	for _, it := range items {
		it = r.resolve(it)
		if it == nil {
			continue
		}
		if it.Kind == yaml.ScalarNode {
			if s, ok := r.scalar(it, "choice"); ok && s != "" {
				out = append(out, value.ChoiceDef{Name: s})
			}
			continue
		}
		fields, ok := r.mapping(it, "a choice with aliases")
		if !ok {
			continue
		}
		for _, f := range fields {
			aliases, _ := r.strings(f.value, "aliases")
			out = append(out, value.ChoiceDef{Name: f.key, Aliases: aliases})
		}
	}
	return out
}

func (b *builder) readDisputes(r *reader, n *yaml.Node) {
	fields, _ := r.mapping(n, "disputes")
	for _, f := range fields {
		b.readDispute(r, f)
	}
}

// readDispute reads one entry of disputes: a decision, or a list of
// decisions each scoped to a context or a moment.
func (b *builder) readDispute(r *reader, f field) {
	if f.value != nil && f.value.Kind == yaml.SequenceNode {
		for _, item := range f.value.Content {
			b.readDecision(r, f, item)
		}
		return
	}
	b.readDecision(r, f, f.value)
}

// readDecision reads one decision of the desk on the dispute on f.key.
func (b *builder) readDecision(r *reader, f field, n *yaml.Node) {
	s := &claims.Status{Topic: f.key, Status: "open", Pos: r.pos(f.keyN)}
	if n != f.value {
		s.Pos = r.pos(n)
	}
	props, ok := r.entryMapping(n, "dispute", f.key)
	if !ok {
		return
	}
	for _, p := range props {
		switch p.key {
		case "status":
			s.Status, _ = r.scalar(p.value, "status")
			if !slices.Contains(claims.StatusNames, s.Status) {
				r.errorf(p.value, "bad-status", "status %q is not one of %s", s.Status, strings.Join(claims.StatusNames, ", "))
			}
		case "value":
			s.Value, _ = r.scalar(p.value, "value")
		case "reason":
			s.Reason, _ = r.scalar(p.value, "reason")
		case "until":
			s.Until = r.date(p.value, "until")
		case "context":
			s.Context = r.context(p.value)
		case "as_of":
			s.AsOf = r.date(p.value, "as_of")
		case "date":
			s.Date = r.date(p.value, "date")
		case "url":
			s.URL, _ = r.scalar(p.value, "url")
		default:
			r.unknownField(p, "a dispute", disputeFields)
		}
	}
	if s.Status == "resolved" && s.Value == "" {
		r.errorf(f.keyN, "no-value", "dispute %q is resolved but does not say the settled value", f.key)
	}
	if s.Context != "" || s.AsOf != "" {
		if prev := b.l.AddDecision(s); prev != nil {
			r.errorf(n, "duplicate-id", "dispute %q has two decisions for one context and moment (also at %s)", f.key, prev.Pos)
		}
		return
	}
	if prev := b.l.Statuses[f.key]; prev != nil {
		r.errorf(f.keyN, "duplicate-id", "dispute %q is listed twice (also at %s)", f.key, prev.Pos)
		return
	}
	b.l.Statuses[f.key] = s
}

// checkID reports ids that would break output formats or globbing.
func checkID(r *reader, n *yaml.Node, what string) {
	if !ids.Valid(n.Value) {
		r.errorf(n, "bad-id", "%s id %q %s", what, diag.Clip(n.Value, 40), ids.Rule)
	}
}

// date reads YYYY-MM-DD or an RFC 3339 time and keeps it as written.
func (r *reader) date(n *yaml.Node, what string) string {
	s, ok := r.scalar(n, what)
	if !ok || s == "" {
		return ""
	}
	if !claims.IsDate(s) {
		r.errorf(n, "bad-date", "%s %q is not a date; write YYYY-MM-DD", what, diag.Clip(s, 40))
		return ""
	}
	return s
}
