// Package extracttexts finds the texts extract reads and proposes their
// claims: one file on disk for a source (File), or every text the
// ledger's sources keep (All); and how many of their figures the ledger
// already claims (Coverage).
package extracttexts

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/extract"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/extractout"
	"github.com/claimdiff/claimdiff/sources"
)

// File proposes the claims of one text on disk, which need not be one
// the ledger names; a relative file is read from dir.
func File(dir string, l *claims.Ledger, file, source string) ([]extractout.Text, error) {
	s := l.Sources.Get(source)
	if s == nil {
		return nil, &cli.HintError{Err: fmt.Errorf("source %q is not in the ledger", source), Hint: "add it to sources: first, or name one the ledger has (claimdiff sources)"}
	}
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	text, err := readText(path)
	if err != nil {
		return nil, err
	}
	date := ""
	for _, t := range s.Texts {
		if t.Date != "" && filepath.Clean(filepath.Join(filepath.Dir(s.Pos.File), t.Path)) == filepath.Clean(path) {
			date = t.Date
		}
	}
	ps := extract.Text(text, extract.Options{Source: s.ID, Date: date, Published: s.Published, Ledger: l})
	return []extractout.Text{{Path: file, Source: s.ID, Proposals: ps}}, nil
}

// All proposes the claims of every text the ledger's sources keep.
func All(l *claims.Ledger) ([]extractout.Text, error) {
	var out []extractout.Text
	for _, s := range l.Sources.All() {
		dir := filepath.Dir(s.Pos.File)
		for i, rel := range s.TextPaths() {
			text, err := sources.OpenText(dir, rel)
			if err != nil {
				return nil, fmt.Errorf("%s: source %s: %w", s.Pos.File, s.ID, err)
			}
			date := ""
			if k := i - len(s.TextPaths()) + len(s.Texts); k >= 0 && s.Texts[k].Date != "" {
				date = s.Texts[k].Date
			}
			ps := extract.Text(text, extract.Options{Source: s.ID, Date: date, Published: s.Published, Ledger: l})
			out = append(out, extractout.Text{Path: filepath.Join(dir, rel), Source: s.ID, Proposals: ps})
		}
	}
	return out, nil
}

// readText reads a text the user names, capped as archived texts are.
func readText(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("text %s does not exist", path)
		}
		return "", fmt.Errorf("reading text: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, sources.MaxTextBytes+1))
	if err != nil {
		return "", fmt.Errorf("reading text %s: %w", path, err)
	}
	if len(data) > sources.MaxTextBytes {
		return "", fmt.Errorf("text %s is larger than %d MiB", path, sources.MaxTextBytes>>20)
	}
	return string(data), nil
}

// Tally is how many of a text's figures the ledger claims, of all.
type Tally struct{ Claimed, Total int }

// Coverage tallies texts' proposals by source, in the order sources first
// come, and all together.
func Coverage(texts []extractout.Text) (by map[string]*Tally, order []string, all Tally) {
	by = map[string]*Tally{}
	for _, t := range texts {
		c, n := extract.Coverage(t.Proposals)
		if by[t.Source] == nil {
			by[t.Source] = &Tally{}
			order = append(order, t.Source)
		}
		by[t.Source].Claimed += c
		by[t.Source].Total += n
		all.Claimed += c
		all.Total += n
	}
	return by, order, all
}
