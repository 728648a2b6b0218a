// Package sources holds the sources of a ledger, their attribution chains,
// the independence of origins, and the archived texts that quotes are
// checked against.
//
// A claim's origin is its source: who made the claim. Outlets it passed
// through (the claim's via, and a source's own via, recursively) add
// reach, not independence: three outlets repeating one unnamed official
// are one origin.
package sources

import (
	"strings"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// Kind says what sort of source something is.
type Kind string

const (
	Outlet     Kind = "outlet"
	Wire       Kind = "wire"
	Official   Kind = "official"
	Person     Kind = "person"
	Government Kind = "government"
	Document   Kind = "document"
	Dataset    Kind = "dataset"
)

// Kinds lists every kind, in the order documentation and the schema show
// them.
var Kinds = []Kind{Outlet, Wire, Official, Person, Government, Document, Dataset}

// Reports says whether a source of this kind carries news rather than
// makes it: an outlet or a wire, whose slips and early guesses the
// engine reads as such.
func (k Kind) Reports() bool { return k == Outlet || k == Wire }

// KeepsCount says whether a source of this kind keeps the figures it
// gives rather than reports them: a government, an official, a document
// or a data set.
func (k Kind) KeepsCount() bool {
	return k == Government || k == Official || k == Document || k == Dataset
}

// ParseKind reads a kind as a ledger spells it. Case and surrounding white
// space do not matter.
func ParseKind(s string) (Kind, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Source is one entry of a ledger's sources: a publication, an agency, a
// person or a document that says things.
type Source struct {
	ID   string
	Name string
	Kind Kind
	URL  string
	// Published is the date as the ledger writes it (YYYY-MM-DD); it is
	// kept as text: it is shown, and compared only as text with other
	// dates of the same form (a relay printed before or after a change).
	Published string
	// Via lists who the source reaches us through, nearest first.
	Via []string
	// Text is the archived text's path as written, relative to the
	// directory of the file that defines the source.
	Text string
	// Texts are further archived texts (texts:): a wire or a broadcaster
	// is cited from several articles, each kept as it was published.
	Texts []ArchivedText
	// Pos is where the source is defined.
	Pos diag.Pos
	// ViaPos is the position of each Via entry, for errors; it may be
	// shorter than Via, and Pos stands in for missing entries.
	ViaPos []diag.Pos
}

// ArchivedText is one entry of a source's texts: a path as Text is, and
// where and when that text was published, when the ledger says.
type ArchivedText struct {
	Path, URL, Date string
}

// TextPaths lists every archived text of the source, text: first and
// then texts: in order; quote checks look in each.
func (s *Source) TextPaths() []string {
	var out []string
	if s.Text != "" {
		out = append(out, s.Text)
	}
	for _, t := range s.Texts {
		out = append(out, t.Path)
	}
	return out
}

// Anonymous reports whether the source is an unnamed official or person,
// whose word weighs less than a named one's.
func (s *Source) Anonymous() bool {
	return s != nil && (s.Kind == Official || s.Kind == Person) && LooksAnonymous(s.Name)
}

// viaPos is where the i-th via entry is written.
func (s *Source) viaPos(i int) diag.Pos {
	if i < len(s.ViaPos) {
		return s.ViaPos[i]
	}
	return s.Pos
}

// LooksAnonymous reports whether a source's name describes someone rather
// than naming them: "Senior US official (unnamed)", "a European diplomat",
// "sources familiar with the talks", "Ukrainian officials". It is a
// heuristic; a desk that disagrees can rename the source.
func LooksAnonymous(name string) bool {
	words := nameWords(name)
	if len(words) == 0 {
		return false
	}
	for i, w := range words {
		switch {
		case strings.HasPrefix(w, "anonym"), // anonymous, anonymity
			w == "unnamed", w == "unidentified", w == "undisclosed",
			w == "source", w == "sources", w == "insider", w == "insiders":
			return true
		case w == "familiar" && i+1 < len(words) && words[i+1] == "with":
			return true
		case w == "named" && i > 0 && (words[i-1] == "not" || words[i-1] == "be"):
			return true
		case w == "senior" && roleWithin(words[i+1:], 4, officialWords):
			return true
		}
	}
	// "a European diplomat", "an aide to Zelensky": an article before a
	// role. The role is required because "An" is also a given name.
	if (words[0] == "a" || words[0] == "an") && roleWithin(words[1:], 4, roleWords) {
		return true
	}
	// "US officials", "White House official": a bare title. A comma
	// suggests "Jake Sullivan, US official", which names the person.
	bare := stripParens(name)
	outside := nameWords(bare)
	return len(outside) > 0 && officialWords[outside[len(outside)-1]] && !strings.Contains(bare, ",")
}

var officialWords = map[string]bool{"official": true, "officials": true}

var roleWords = map[string]bool{
	"official": true, "officials": true, "diplomat": true, "diplomats": true,
	"aide": true, "aides": true, "adviser": true, "advisers": true, "advisor": true,
	"advisors": true, "officer": true, "officers": true, "person": true, "people": true,
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "negotiator": true,
	"lawmaker": true, "member": true, "minister": true, "staffer": true,
}

func roleWithin(words []string, n int, roles map[string]bool) bool {
	for i := 0; i < len(words) && i < n; i++ {
		if roles[words[i]] {
			return true
		}
	}
	return false
}

// nameWords splits a name into lower-case words.
func nameWords(name string) []string {
	return strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && isWordRune(r))
	})
}

// stripParens removes "(...)" remarks, such as "(unnamed)".
func stripParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
