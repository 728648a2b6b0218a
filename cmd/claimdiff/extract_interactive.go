package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/extract"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/extractout"
	"github.com/claimdiff/claimdiff/internal/ledgeredit"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// decision is what the user does with one proposal.
type decision int

const (
	accept decision = iota // add it, as it is or as edited
	skip
	stop // add nothing more
	// edit is the terminal's choice to edit and then add; a decideFunc
	// returns accept for it.
	edit
)

// decideFunc asks about one proposal and may edit it before it is added.
type decideFunc func(p *extract.Proposal, l *claims.Ledger) (decision, error)

// extractInteractively offers each proposal the ledger does not hold yet
// and adds the accepted ones through add, which inserts each into the
// ledger's text and leaves every other byte as it was.
func extractInteractively(opts *extractOptions, l *claims.Ledger, texts []extractout.Text) error {
	decide := opts.Decide
	if decide == nil {
		if !opts.IO.CanPrompt() {
			return cli.Usagef("--interactive needs a terminal; without one, extract prints the proposals as YAML")
		}
		decide = askProposal(opts)
	}
	added := 0
	for _, t := range texts {
		for _, p := range t.Proposals {
			if p.Claimed != "" {
				continue
			}
			d, err := decide(&p, l)
			if err != nil {
				return err
			}
			if d == stop {
				fmt.Fprintf(opts.IO.ErrOut, "claimdiff: %d proposals added\n", added)
				return nil
			}
			if d == skip {
				continue
			}
			if err := runAdd(proposalAdd(opts, l, p)); err != nil {
				return err
			}
			added++
		}
	}
	fmt.Fprintf(opts.IO.ErrOut, "claimdiff: %d proposals added\n", added)
	return nil
}

// proposalAdd is add's options for a proposal: a topic the ledger does
// not define yet is defined with the type the proposal's kind needs.
func proposalAdd(opts *extractOptions, l *claims.Ledger, p extract.Proposal) *addOptions {
	ao := &addOptions{IO: opts.IO, Global: opts.Global, Flags: ledgeredit.Flags{Topic: p.Topic, Value: p.Value, Source: p.Source,
		Via: p.Via, Date: p.Date, Quote: p.Quote, Denies: p.Denies},
		Ask: func(*addOptions, *claims.Ledger) error { return nil }}
	if l.Topics[p.Topic] == nil {
		ao.NewTopicSet, ao.NewTopic = true, "type="+string(extract.TypeOf(p))
	}
	return ao
}

// askProposal asks on the terminal: add, edit then add, skip, or stop.
func askProposal(opts *extractOptions) decideFunc {
	return func(p *extract.Proposal, l *claims.Ledger) (decision, error) {
		d := accept
		title := fmt.Sprintf("%s = %s (%s)", p.Topic, p.Value, p.Source)
		sel := huh.NewSelect[decision]().Title(safetext.Line(title)).Description(safetext.Line(p.Quote)).
			Options(huh.NewOption("add", accept), huh.NewOption("edit, then add", edit), huh.NewOption("skip", skip), huh.NewOption("stop", stop)).
			Value(&d)
		if err := runForm(opts, huh.NewForm(huh.NewGroup(sel))); err != nil {
			return stop, err
		}
		if d != edit {
			return d, nil
		}
		form := huh.NewForm(huh.NewGroup(
			huh.NewInput().Title("Topic").Suggestions(l.TopicOrder).Value(&p.Topic),
			huh.NewInput().Title("Value").Value(&p.Value),
			huh.NewInput().Title("Source").Value(&p.Source),
			huh.NewInput().Title("Date").Value(&p.Date),
		))
		if err := runForm(opts, form); err != nil {
			return stop, err
		}
		p.Topic, p.Value, p.Source = strings.TrimSpace(p.Topic), strings.TrimSpace(p.Value), strings.TrimSpace(p.Source)
		return accept, nil
	}
}

func runForm(opts *extractOptions, form *huh.Form) error {
	err := form.WithInput(opts.IO.In).WithOutput(opts.IO.ErrOut).Run()
	if errors.Is(err, huh.ErrUserAborted) {
		return &cli.Silent{Code: cli.ExitUsage}
	}
	return err
}
