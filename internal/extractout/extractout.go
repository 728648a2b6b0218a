// Package extractout writes extract's proposals: as YAML claims to paste
// into a ledger or pass to add, and as JSON.
package extractout

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/claims/extract"
	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Text is one text's proposals: the path as given and the source it
// belongs to.
type Text struct {
	Path, Source string
	Proposals    []extract.Proposal
}

// YAML writes the proposals as a claims: list, each text under a comment
// naming it; what the ledger already holds, a new topic's id and an
// unmatched speaker are said in comments, so the list pastes as it is.
func YAML(w io.Writer, texts []Text) error {
	var b strings.Builder
	b.WriteString("claims:\n")
	for _, t := range texts {
		claimed, total := extract.Coverage(t.Proposals)
		fmt.Fprintf(&b, "  # %s (%s): %d of %d claimed\n", comment(t.Path), comment(t.Source), claimed, total)
		for _, p := range t.Proposals {
			fmt.Fprintf(&b, "  - topic: %s", ledgerfile.Scalar(p.Topic, ledgerfile.Block))
			if p.NewTopic {
				b.WriteString(" # a new topic: name it, or pick one the ledger has")
			}
			fmt.Fprintf(&b, "\n    value: %s\n", ledgerfile.Scalar(p.Value, ledgerfile.Block))
			fmt.Fprintf(&b, "    source: %s\n", ledgerfile.Scalar(p.Source, ledgerfile.Block))
			if len(p.Via) > 0 {
				vias := make([]string, len(p.Via))
				for i, v := range p.Via {
					vias[i] = ledgerfile.Scalar(v, ledgerfile.Flow)
				}
				fmt.Fprintf(&b, "    via: [%s]\n", strings.Join(vias, ", "))
			}
			if p.Date != "" {
				fmt.Fprintf(&b, "    date: %s\n", ledgerfile.Scalar(p.Date, ledgerfile.Block))
			}
			if p.Denies {
				b.WriteString("    denies: true\n")
			}
			fmt.Fprintf(&b, "    quote: %s\n", ledgerfile.Scalar(p.Quote, ledgerfile.Block))
			if p.Speaker != "" {
				fmt.Fprintf(&b, "    # said by %s, whom no source of the ledger names\n", comment(p.Speaker))
			}
			if p.Claimed != "" {
				fmt.Fprintf(&b, "    # already in the ledger as %s\n", comment(p.Claimed))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// comment makes s safe on one comment line.
func comment(s string) string { return safetext.Line(s) }

// proposalJSON is the JSON contract of one proposal.
type proposalJSON struct {
	Text     string   `json:"text"`
	Kind     string   `json:"kind"`
	Topic    string   `json:"topic"`
	NewTopic bool     `json:"new_topic"`
	Value    string   `json:"value"`
	Source   string   `json:"source"`
	Via      []string `json:"via,omitempty"`
	Speaker  string   `json:"speaker,omitempty"`
	Date     string   `json:"date,omitempty"`
	Denies   bool     `json:"denies"`
	Quote    string   `json:"quote"`
	Claimed  string   `json:"claimed,omitempty"`
}

// JSON writes every proposal as one array, in text order.
func JSON(w io.Writer, texts []Text) error {
	out := []proposalJSON{}
	for _, t := range texts {
		for _, p := range t.Proposals {
			out = append(out, proposalJSON{
				Text: t.Path, Kind: string(p.Kind), Topic: p.Topic, NewTopic: p.NewTopic,
				Value: p.Value, Source: p.Source, Via: p.Via, Speaker: p.Speaker,
				Date: p.Date, Denies: p.Denies, Quote: p.Quote, Claimed: p.Claimed,
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
