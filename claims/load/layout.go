package load

import (
	"slices"

	"github.com/claimdiff/claimdiff/claims/load/internal/yamlscan"
)

// Tools that write ledgers (claimdiff add, fmt) edit a file's text rather
// than re-emit it, so that every byte they do not mean to change stays as
// the user wrote it. The fast path already knows where each section, list
// item and entry of a block-style file starts and ends; these helpers
// hand that knowledge out without exposing the scanner.

// Section is one top-level key of a YAML ledger file.
type Section struct {
	Key        string
	Line       int // 1-based line of the key
	Start, End int // bytes of the section, from its key line to the next key's
}

// Span is one list item or mapping entry of a section: bytes from the
// start of its first line to the start of the next item's, so it takes
// the blank and comment lines that follow it.
type Span struct {
	Start, End int
	Line       int // 1-based line of the item's dash or the entry's key
	Indent     int // spaces before the dash or the key
}

// Sections finds the top-level keys of a block-mapping YAML file, as the
// fast path does; ok is false for a file it would hand to yaml.v3 whole
// (a document marker, a flow mapping at the top, odd line breaks).
func Sections(data []byte) ([]Section, bool) {
	secs, ok := yamlscan.Sections(data)
	if !ok {
		return nil, false
	}
	out := make([]Section, len(secs))
	for i, s := range secs {
		out[i] = Section{Key: s.Key, Line: s.Line, Start: s.Start, End: s.End}
	}
	return out, true
}

// Items finds the items of a section whose value is a block list starting
// on the line after its key, such as claims:. ok is false for a flow list
// or any other value.
func Items(data []byte, sec Section) ([]Span, bool) {
	items, ok := yamlscan.Items(data, toScan(sec))
	if !ok {
		return nil, false
	}
	out := make([]Span, len(items))
	for i, it := range items {
		out[i] = Span{Start: it.Start, End: it.End, Line: it.Line, Indent: indentAt(data, it.Start)}
	}
	return out, true
}

// Entries finds the entries of a section that maps ids to values, such as
// sources: or topics:, one id per entry, all indented alike.
func Entries(data []byte, sec Section) ([]Span, bool) {
	entries, ok := yamlscan.Entries(data, toScan(sec))
	if !ok {
		return nil, false
	}
	out := make([]Span, len(entries))
	for i, e := range entries {
		out[i] = Span{Start: e.Start, End: e.End, Line: e.Line, Indent: e.Indent}
	}
	return out, true
}

// NotScanned lists the parts of a YAML ledger file that the fast path
// hands to yaml.v3 rather than reading them with its own scanner: "file"
// when it cannot split the file at all, or the names of the sections it
// decodes with yaml.v3 ("claims" when any claim is, as such a claim is
// decoded on its own). nil means the whole file is read at full speed,
// as the layout claimdiff fmt writes is, but for topics whose choices
// carry aliases. The file loads the same either way, only slower.
func NotScanned(data []byte) []string {
	if !textOK(data) {
		return []string{"file"}
	}
	secs, ok := yamlscan.Sections(data)
	if !ok {
		return []string{"file"}
	}
	var out []string
	s := newScanner()
	for _, sec := range secs {
		switch sec.Key {
		case "claims":
			items, ok := yamlscan.Items(data, sec)
			if !ok || len(items) == 0 {
				out = append(out, sec.Key)
				continue
			}
			for _, it := range items {
				if _, res := s.Item(data[it.Start:it.End], it.Line); res != yamlscan.Scanned {
					out = append(out, sec.Key)
					break
				}
			}
		case "sources", "topics", "disputes":
			if _, res := splitEntries(data, sec, s); res != yamlscan.Scanned {
				out = append(out, sec.Key)
			}
		}
	}
	return out
}

func toScan(sec Section) yamlscan.Section {
	return yamlscan.Section{Key: sec.Key, Line: sec.Line, Start: sec.Start, End: sec.End}
}

// indentAt counts the spaces at the start of the line that begins at off.
func indentAt(data []byte, off int) int {
	n := 0
	for off+n < len(data) && data[off+n] == ' ' {
		n++
	}
	return n
}

// FieldOrder gives the fields the loader reads in one part of a ledger
// file, in the order LEDGER.md documents them: part is "ledger" (the top
// level), "source", "topic" or "dispute". Writers lay fields out in this
// order, so a field the loader learns is placed without a second list.
func FieldOrder(part string) []string {
	switch part {
	case "ledger":
		return slices.Clone(ledgerFields)
	case "source":
		return slices.Clone(sourceFields)
	case "topic":
		return slices.Clone(topicFields)
	case "dispute":
		return slices.Clone(disputeFields)
	}
	return nil
}
