package ledgerfile

import (
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/sources"
)

// The canonical order of each entry's fields: the loader's, which is
// LEDGER.md's. A claim's is the built-in example's, which writes denies
// beside the value it turns around and the long quote last but for a
// note, so that formatting the example leaves it as it is.
var (
	topOrder     = load.FieldOrder("ledger")
	claimOrder   = []string{"id", "topic", "value", "denies", "source", "via", "date", "as_of", "context", "quote", "note"}
	sourceOrder  = load.FieldOrder("source")
	topicOrder   = load.FieldOrder("topic")
	disputeOrder = load.FieldOrder("dispute")
)

// Claim is a claim to write, each field as the ledger holds it; empty
// fields are left out.
type Claim struct {
	ID     string
	Topic  string
	Value  string
	Denies bool
	Source string
	Via    []string
	Date   string
	AsOf   string
	// Context holds the qualifiers in the order given; they are written
	// sorted by key, as the loader compares them.
	Context [][2]string
	Quote   string
	Note    string
}

// Source is a source to define, with every field a ledger's source may
// have. One text with no url or date is written as text:, any other as
// texts:.
type Source struct {
	ID, Name, Kind, URL, Published string
	Via                            []string
	Texts                          []sources.ArchivedText
	Decimal, DateOrder, Zone       string
	NoValue                        []string
	Description                    string
}

// texts is the source's text: and texts: as the loader will read them.
func (s Source) texts() (text string, texts []sources.ArchivedText) {
	if len(s.Texts) == 1 && s.Texts[0].URL == "" && s.Texts[0].Date == "" {
		return s.Texts[0].Path, nil
	}
	return "", s.Texts
}

// Topic is a topic to define. Choices are written as a flow list.
type Topic struct {
	ID, Question, Type, Unit, Tolerance string
	Choices                             []string
	Changes                             bool
}

// field is one "key: value" of an entry, its value already written.
type field struct{ key, text string }

func (c Claim) fields(ctx Context) []field {
	var out []field
	add := func(k, v string) {
		if v != "" {
			out = append(out, field{k, Scalar(v, ctx)})
		}
	}
	addID := func(k, v string) {
		if v != "" {
			out = append(out, field{k, ID(v, ctx)})
		}
	}
	addID("id", c.ID)
	addID("topic", c.Topic)
	add("value", c.Value)
	if c.Denies {
		out = append(out, field{"denies", "true"})
	}
	addID("source", c.Source)
	if v := list(c.Via); v != "" {
		out = append(out, field{"via", v})
	}
	add("date", c.Date)
	add("as_of", c.AsOf)
	if len(c.Context) > 0 {
		out = append(out, field{"context", contextText(c.Context)})
	}
	add("quote", c.Quote)
	add("note", c.Note)
	return out
}

func (s Source) fields(ctx Context) []field {
	var out []field
	add := func(k, v string) {
		if v != "" {
			out = append(out, field{k, Scalar(v, ctx)})
		}
	}
	add("name", s.Name)
	add("kind", s.Kind)
	add("url", s.URL)
	add("published", s.Published)
	if v := list(s.Via); v != "" {
		out = append(out, field{"via", v})
	}
	text, texts := s.texts()
	add("text", text)
	if len(texts) > 0 {
		out = append(out, field{"texts", textsList(texts)})
	}
	add("decimal", s.Decimal)
	add("date_order", s.DateOrder)
	add("zone", s.Zone)
	if v := list(s.NoValue); v != "" {
		out = append(out, field{"no_value", v})
	}
	add("description", s.Description)
	return out
}

// textsList writes texts on one line, as a flow list whose entries are a
// path, or {path: …, url: …, date: …} when the text has more.
func textsList(texts []sources.ArchivedText) string {
	parts := make([]string, len(texts))
	for i, t := range texts {
		if t.URL == "" && t.Date == "" {
			parts[i] = Scalar(t.Path, Flow)
			continue
		}
		fs := []field{{"path", Scalar(t.Path, Flow)}}
		if t.URL != "" {
			fs = append(fs, field{"url", Scalar(t.URL, Flow)})
		}
		if t.Date != "" {
			fs = append(fs, field{"date", Scalar(t.Date, Flow)})
		}
		parts[i] = flowMapping(fs)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func (t Topic) fields(ctx Context) []field {
	var out []field
	add := func(k, v string) {
		if v != "" {
			out = append(out, field{k, Scalar(v, ctx)})
		}
	}
	add("question", t.Question)
	add("type", t.Type)
	add("unit", t.Unit)
	add("tolerance", t.Tolerance)
	if len(t.Choices) > 0 {
		out = append(out, field{"choices", flowList(t.Choices)})
	}
	if t.Changes {
		out = append(out, field{"changes", "true"})
	}
	return out
}

// list writes one item as a scalar and several as [a, b], as the
// example writes via.
func list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return Scalar(items[0], Flow)
	}
	return flowList(items)
}

func flowList(items []string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = Scalar(s, Flow)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// contextText writes qualifiers as {k: v, k2: v2}, sorted by key.
func contextText(pairs [][2]string) string {
	sorted := slices.Clone(pairs)
	slices.SortStableFunc(sorted, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	parts := make([]string, len(sorted))
	for i, p := range sorted {
		parts[i] = Scalar(p[0], Flow) + ": " + Scalar(p[1], Flow)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// Style is how a file lays out a list's items or a section's entries, so
// that what is added looks like what is there.
type Style struct {
	// Flow writes each on one line: "- {topic: x, ...}", "id: {name: ...}".
	Flow bool
	// Indent is the spaces before a dash or an id; Fields those before
	// the fields of a block item or entry.
	Indent, Fields int
}

// blockStyle is the example's: items at two spaces, fields at four.
var blockStyle = Style{Indent: 2, Fields: 4}

// writeItem writes a list item ("- ...") in style st.
func writeItem(b *strings.Builder, fs []field, st Style) {
	pad := strings.Repeat(" ", st.Indent)
	if st.Flow {
		b.WriteString(pad + "- " + flowMapping(fs) + "\n")
		return
	}
	for i, f := range fs {
		if i == 0 {
			// The first field follows the dash; the dash and its spaces
			// make up the fields' indentation.
			b.WriteString(pad + "-" + strings.Repeat(" ", max(1, st.Fields-st.Indent-1)))
		} else {
			b.WriteString(strings.Repeat(" ", st.Fields))
		}
		b.WriteString(f.key + ": " + f.text + "\n")
	}
}

// writeEntry writes an "id: ..." entry of a section in style st.
func writeEntry(b *strings.Builder, id string, fs []field, st Style) {
	pad := strings.Repeat(" ", st.Indent)
	key := ID(id, Block)
	if st.Flow || len(fs) == 0 {
		b.WriteString(pad + key + ": " + flowMapping(fs) + "\n")
		return
	}
	b.WriteString(pad + key + ":\n")
	for _, f := range fs {
		b.WriteString(strings.Repeat(" ", st.Fields) + f.key + ": " + f.text + "\n")
	}
}

func flowMapping(fs []field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.key + ": " + f.text
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func contextOf(st Style) Context {
	if st.Flow {
		return Flow
	}
	return Block
}
