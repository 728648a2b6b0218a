package ledgeredit

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/cli"
)

// Plan is what add works out before it writes: the files of the
// ledger, their new text, and what goes where.
type Plan struct {
	Files   []load.File // the ledger, YAML files with Data
	Created string      // a file add starts, if any
	Adds    map[string]ledgerfile.Additions
	Edits   map[string][]ledgerfile.Edit
	newData map[string][]byte
}

// Make works out each file's new text: files are the ledger's (YAML
// files with Data), created a file add starts, if any.
func Make(l *claims.Ledger, files []load.File, created string, a ledgerfile.Additions) (*Plan, error) {
	p := &Plan{Files: files, Created: created}
	return p, p.make(l, a)
}

func (p *Plan) make(l *claims.Ledger, a ledgerfile.Additions) error {
	var yamls []ledgerfile.File
	for _, f := range p.Files {
		if load.FormatOf(f.Name) == load.YAML {
			yamls = append(yamls, ledgerfile.File{Name: f.Name, Data: f.Data})
		}
	}
	if len(yamls) == 0 {
		return cli.UsageHint("the ledger has no YAML file to add the claim to", "name one with -f FILE.yaml; add starts it when it does not exist")
	}
	p.Adds = ledgerfile.Place(l, yamls, a)
	p.Edits, p.newData = map[string][]ledgerfile.Edit{}, map[string][]byte{}
	for _, f := range yamls {
		add, ok := p.Adds[f.Name]
		if !ok {
			continue
		}
		edits, err := ledgerfile.Insert(f.Data, add)
		var le *ledgerfile.LayoutError
		if errors.As(err, &le) {
			return &load.InputError{Err: fmt.Errorf("%s:%d:1: add %w\n  hint: claimdiff fmt -w %s lays the file out so that add can",
				f.Name, le.Line, le, f.Name)}
		}
		if err != nil {
			return &load.InputError{Err: fmt.Errorf("%s: %w", f.Name, err)}
		}
		p.Edits[f.Name] = edits
		p.newData[f.Name] = ledgerfile.Apply(f.Data, edits...)
	}
	return nil
}

// Updated is the ledger's files with their new text.
func (p *Plan) Updated() []load.File {
	out := slices.Clone(p.Files)
	for i, f := range out {
		if d, ok := p.newData[f.Name]; ok {
			out[i].Data = d
		}
	}
	return out
}

// Changed lists the files add writes, those with sources and topics
// first: if a later write failed, the ledger would gain only an unused
// definition, never a claim citing what is not there.
func (p *Plan) Changed() []string {
	var out []string
	for _, f := range p.Files {
		if _, ok := p.newData[f.Name]; ok {
			out = append(out, f.Name)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int {
		rank := func(n string) int {
			if len(p.Adds[n].Claims) > 0 {
				return 1
			}
			return 0
		}
		return rank(a) - rank(b)
	})
	return out
}

// Index is the place of a file in the ledger.
func (p *Plan) Index(name string) int {
	return slices.IndexFunc(p.Files, func(f load.File) bool { return f.Name == name })
}

// Write writes each changed file, refusing one that changed on disk
// since it was read.
func (p *Plan) Write() error {
	for _, name := range p.Changed() {
		// A file someone else wrote since add read it keeps their text:
		// add would otherwise put back what it read.
		now, err := os.ReadFile(name)
		switch {
		case name == p.Created && errors.Is(err, os.ErrNotExist):
		case err != nil:
			return &load.InputError{Err: err}
		case name == p.Created || !bytes.Equal(now, p.Files[p.Index(name)].Data):
			return &load.InputError{Err: fmt.Errorf("%s changed on disk while add ran; nothing more was written, run add again", name)}
		}
		if err := atomicfile.Write(name, p.newData[name]); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}
