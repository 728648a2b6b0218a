package bulk

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Export writes claims in the bulk formats, with the columns and keys the
// bulk loader reads, so that an export loads back to the same claims. It
// is a data format for claimdiff and scripts, not a spreadsheet: cells
// are written exactly as the ledger has them, with no guard against
// spreadsheet formulas (claimdiff report --format csv has one).

// ExportFormats are the text formats Export writes; the first is the
// default. parquetexport.Write writes Parquet.
var ExportFormats = []string{"jsonl", "csv", "tsv", "json"}

// ExportFormatFor picks a format from a file name's extension: one of
// ExportFormats, or ParquetFormat.
func ExportFormatFor(name string) (string, bool) {
	if strings.EqualFold(path.Ext(name), ".json") {
		return "json", true
	}
	if c, _ := CompressionOf(name); c != Uncompressed {
		return "", false // Export writes text as it is, never compressed
	}
	switch f, _ := FormatOf(name); f {
	case Parquet:
		return ParquetFormat, true
	case CSV:
		return "csv", true
	case TSV:
		return "tsv", true
	case JSONLines:
		return "jsonl", true
	}
	return "", false
}

// Export writes claims in format (one of ExportFormats).
func Export(w io.Writer, cs []claims.Claim, format string) error {
	switch format {
	case "jsonl":
		return WriteJSONL(w, cs)
	case "json":
		return WriteJSON(w, cs)
	case "csv":
		return WriteCSV(w, cs, ',')
	case "tsv":
		return WriteCSV(w, cs, '\t')
	}
	return fmt.Errorf("unknown export format %q", format)
}

// WriteJSONL writes one JSON object per claim and line, with the fields
// that are set. Control characters, bidi controls and line separators are
// written as \u escapes, so each claim stays on its line and no raw
// control character reaches the output; the escapes decode to the same
// text.
func WriteJSONL(w io.Writer, cs []claims.Claim) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf []byte
	for i := range cs {
		buf = appendClaimJSON(buf[:0], &cs[i])
		// Exports are printed in CI logs too, where "##[" is a command.
		if _, err := bw.Write(safetext.JSONWorkflow(buf)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteJSON writes the claims as one JSON document, {"claims": [...],
// "count": N}, each claim the object WriteJSONL writes on its line.
func WriteJSON(w io.Writer, cs []claims.Claim) error {
	return WriteJSONSkipped(w, cs, nil)
}

// WriteJSONSkipped is WriteJSON with a "skipped" key after "count" when
// skipped is not nil: what was left out of the ledger while loading it
// (--skip-invalid), as encoding/json writes it, so that a reader of the
// document knows it is not every claim.
func WriteJSONSkipped(w io.Writer, cs []claims.Claim, skipped any) error {
	var tail []byte
	if skipped != nil {
		b, err := json.Marshal(skipped)
		if err != nil {
			return fmt.Errorf("export: skipped: %w", err)
		}
		tail = append([]byte(`, "skipped": `), safetext.JSONWorkflow(b)...)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf []byte
	bw.WriteString(`{"claims": [`)
	for i := range cs {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  ")
		buf = appendClaimJSON(buf[:0], &cs[i])
		buf = buf[:len(buf)-1] // the line's newline
		if _, err := bw.Write(safetext.JSONWorkflow(buf)); err != nil {
			return err
		}
	}
	if len(cs) > 0 {
		bw.WriteString("\n")
	}
	fmt.Fprintf(bw, "], \"count\": %d%s}\n", len(cs), tail)
	return bw.Flush()
}

func appendClaimJSON(b []byte, c *claims.Claim) []byte {
	b = append(b, '{')
	sep := func(key string) {
		if len(b) > 1 {
			b = append(b, ", "...)
		}
		b = append(b, '"')
		b = append(b, key...)
		b = append(b, "\": "...)
	}
	str := func(key, s string) {
		if s != "" {
			sep(key)
			b = appendJSONString(b, s)
		}
	}
	if !c.DerivedID {
		str("id", c.ID)
	}
	str("topic", c.Topic)
	str("value", c.Value.Raw)
	str("source", c.Source)
	if len(c.Via) > 0 {
		sep("via")
		b = append(b, '[')
		for i, v := range c.Via {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendJSONString(b, v)
		}
		b = append(b, ']')
	}
	str("date", c.Date)
	str("as_of", c.AsOf)
	str("quote", c.Quote)
	if pairs := claims.ContextPairs(c.Context); len(pairs) > 0 {
		sep("context")
		b = append(b, '{')
		for i, p := range pairs {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendJSONString(b, p[0])
			b = append(b, ": "...)
			b = appendJSONString(b, p[1])
		}
		b = append(b, '}')
	}
	if c.Denies {
		sep("denies")
		b = append(b, "true"...)
	}
	str("note", c.Note)
	return append(b, "}\n"...)
}

// appendJSONString quotes s for JSON, escaping every character that could
// move the cursor, change direction or end a line.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if !(r == utf8.RuneError && size == 1) && !jsonEscaped(r) {
				i += size
				continue
			}
		}
		b = append(b, s[start:i]...)
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\r':
			b = append(b, '\\', 'r')
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		default:
			b = append(b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonEscaped are the characters above ASCII written as \u escapes: C1
// controls, bidi controls, the line and paragraph separators (which end a
// line for some readers) and the noncharacters U+FFFE and U+FFFF.
func jsonEscaped(r rune) bool {
	return r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c || r == 0x2028 || r == 0x2029 ||
		r == 0xfffe || r == 0xffff
}

// UnsafeCSVError says a claim holds a character that CSV cannot carry
// safely.
type UnsafeCSVError struct {
	Claim *claims.Claim
	Field string
	// Command says the field would start a CI workflow command: "::" at
	// the start of a line of a quoted cell, or "##[".
	Command bool
}

func (e *UnsafeCSVError) Error() string {
	if e.Command {
		return fmt.Sprintf("%s: the %s of claim %q holds a CI workflow command (\"::\" starting a line, or a logging command), which CSV would carry raw; export as jsonl, which escapes it",
			e.Claim.Pos, e.Field, e.Claim.ID)
	}
	return fmt.Sprintf("%s: the %s of claim %q holds a control or bidi character, which CSV would carry raw; export as jsonl, which escapes it",
		e.Claim.Pos, e.Field, e.Claim.ID)
}

// WriteCSV writes a header row and one row per claim, separated by comma
// (',' for CSV, '\t' for TSV). Cells are quoted only where CSV needs it.
// Nothing is escaped beyond that quoting, so the cells are exact; a claim
// holding a control character (other than tab and line feed), a bidi
// control or invalid UTF-8 is refused with an *UnsafeCSVError before
// anything is written, because CSV has no escape that would keep it out of
// a terminal or a spreadsheet cell. So is one holding a CI workflow
// command: a quoted cell keeps its newlines, so a CI log that shows the
// file would run it.
func WriteCSV(w io.Writer, cs []claims.Claim, comma rune) error {
	for i := range cs {
		if err := csvSafe(&cs[i]); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	cw.Comma = comma
	if err := cw.Write(claims.ClaimFields); err != nil {
		return err
	}
	rec := make([]string, numFields)
	for i := range cs {
		csvRecord(rec, &cs[i])
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

func csvRecord(rec []string, c *claims.Claim) {
	clear(rec)
	if !c.DerivedID {
		rec[fID] = c.ID
	}
	rec[fTopic], rec[fValue], rec[fSource] = c.Topic, c.Value.Raw, c.Source
	rec[fVia] = strings.Join(c.Via, ";")
	rec[fDate], rec[fAsOf], rec[fQuote] = c.Date, c.AsOf, c.Quote
	rec[fContext] = c.Context
	if c.Denies {
		rec[fDenies] = "true"
	}
	rec[fNote] = c.Note
}

// csvSafe checks every text of a claim with safetext.Clean, which removes
// exactly the characters CSV must not carry raw, and safetext.Commands.
func csvSafe(c *claims.Claim) error {
	fields := [...]struct{ name, s string }{
		{"id", c.ID}, {"topic", c.Topic}, {"value", c.Value.Raw}, {"source", c.Source},
		{"date", c.Date}, {"as_of", c.AsOf}, {"quote", c.Quote}, {"context", c.Context}, {"note", c.Note},
	}
	for _, f := range fields {
		if safetext.Clean(f.s) != f.s {
			return &UnsafeCSVError{Claim: c, Field: f.name}
		}
		if safetext.Commands(f.s) != f.s {
			return &UnsafeCSVError{Claim: c, Field: f.name, Command: true}
		}
	}
	for _, v := range c.Via {
		if safetext.Clean(v) != v {
			return &UnsafeCSVError{Claim: c, Field: "via"}
		}
		if safetext.Commands(v) != v {
			return &UnsafeCSVError{Claim: c, Field: "via", Command: true}
		}
	}
	return nil
}
