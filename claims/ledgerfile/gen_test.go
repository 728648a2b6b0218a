package ledgerfile_test

import (
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/claims/ledgerfile"
)

// genLedger writes a ledger as people lay them out by hand, every choice
// taken from r: block or flow entries and claims, fields in any order,
// values plain or quoted either way, blank lines, and comments above,
// after and below entries, fields and sections. It gives fmt's fuzz test
// valid ledgers to work on, which random bytes rarely are.
func genLedger(r *byteStream) string {
	var b strings.Builder
	comment := func(indent string) {
		if r.chance(4) {
			fmt.Fprintf(&b, "%s# %s\n", indent, r.word())
		}
	}
	blank := func() {
		if r.chance(4) {
			b.WriteString("\n")
		}
	}
	tail := func() string {
		if r.chance(5) {
			return strings.Repeat(" ", 1+r.n(4)) + "# " + r.word()
		}
		return ""
	}
	val := func(s string) string {
		switch r.n(4) {
		case 0:
			return "'" + strings.ReplaceAll(s, "'", "''") + "'"
		case 1:
			return fmt.Sprintf("%q", s)
		}
		return ledgerfile.Scalar(s, ledgerfile.Flow)
	}
	comment("")
	if r.chance(2) {
		b.WriteString("\n")
	}
	sections := []string{"ledger", "title", "sources", "topics", "claims", "disputes"}
	r.shuffle(sections)
	for _, sec := range sections {
		blank()
		comment("")
		switch sec {
		case "ledger":
			fmt.Fprintf(&b, "ledger: 1%s\n", tail())
		case "title":
			fmt.Fprintf(&b, "title: %s%s\n", val(r.text()), tail())
		case "sources":
			fmt.Fprintf(&b, "sources:%s\n", tail())
			for i := range 1 + r.n(3) {
				blank()
				comment("  ")
				fields := []string{"name: " + val(r.text()), "kind: outlet"}
				if i > 0 && r.chance(3) {
					fields = append(fields, "via: s0")
				}
				r.shuffle(fields)
				if r.chance(2) {
					fmt.Fprintf(&b, "  s%d: {%s}%s\n", i, strings.Join(fields, ", "), tail())
					continue
				}
				fmt.Fprintf(&b, "  s%d:%s\n", i, tail())
				for _, f := range fields {
					comment("    ")
					fmt.Fprintf(&b, "    %s%s\n", f, tail())
				}
			}
		case "topics":
			fmt.Fprintf(&b, "topics:\n")
			comment("  ")
			fmt.Fprintf(&b, "  t.x: {type: text, question: %s}%s\n", val(r.text()), tail())
			fmt.Fprintf(&b, "  t.c:\n    type: choice\n    choices:\n      - a%s\n      - b: [bee, %s]\n", tail(), val(r.word()))
		case "claims":
			fmt.Fprintf(&b, "claims:%s\n", tail())
			for i := range 1 + r.n(4) {
				if i > 0 {
					blank()
				}
				comment("  ")
				fields := []string{"topic: t.x", "value: " + val(r.text()), "source: s0"}
				if r.chance(2) {
					fields = append(fields, "quote: "+val(r.text()))
				}
				if r.chance(3) {
					fields = append(fields, fmt.Sprintf("context: {%s: %s, k: v}", val(r.word()), val(r.word())))
				}
				if r.chance(3) {
					fields = append(fields, fmt.Sprintf("id: c%d", i))
				}
				if r.chance(4) {
					fields = append(fields, "denies: true")
				}
				r.shuffle(fields)
				if r.chance(2) {
					fmt.Fprintf(&b, "  - {%s}%s\n", strings.Join(fields, ", "), tail())
					comment("  ")
					continue
				}
				for j, f := range fields {
					if j == 0 {
						fmt.Fprintf(&b, "  - %s%s\n", f, tail())
						continue
					}
					comment("    ")
					fmt.Fprintf(&b, "    %s%s\n", f, tail())
				}
				comment("    ")
			}
		case "disputes":
			fmt.Fprintf(&b, "disputes:\n  t.x:%s\n", tail())
			comment("    ")
			fmt.Fprintf(&b, "    reason: %s\n    status: acknowledged\n", val(r.text()))
		}
		comment("")
	}
	return b.String()
}

// byteStream hands out choices from fuzz input, zeros once it runs out.
type byteStream struct{ data []byte }

func (r *byteStream) next() byte {
	if len(r.data) == 0 {
		return 0
	}
	c := r.data[0]
	r.data = r.data[1:]
	return c
}

func (r *byteStream) n(k int) int       { return int(r.next()) % k }
func (r *byteStream) chance(k int) bool { return r.n(k) == 0 }

var genWords = []string{"600,000", "yes", "null", "~", "G8", "a: b", "x #y", "#z", "it's", `say "so"`, `back\slash`, "Київ",
	"-5", "- x", "*x", "&x", "!x", "%x", "@x", "[x]", "{x}", "x, y", "?", "2025-11-20", "", " pad ", "line\nbreak", "tab\there", "\u202e", "end:"}

func (r *byteStream) word() string {
	w := genWords[r.n(len(genWords))]
	w = strings.NewReplacer("\n", " ", "\t", " ", "\u202e", "x").Replace(w)
	if strings.TrimSpace(w) == "" {
		return "note"
	}
	return w
}

func (r *byteStream) text() string {
	var parts []string
	for range 1 + r.n(3) {
		parts = append(parts, genWords[r.n(len(genWords))])
	}
	s := strings.Join(parts, " ")
	if strings.TrimSpace(s) == "" {
		return "text"
	}
	return s
}

func (r *byteStream) shuffle(s []string) {
	for i := len(s) - 1; i > 0; i-- {
		j := r.n(i + 1)
		s[i], s[j] = s[j], s[i]
	}
}
