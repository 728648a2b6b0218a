package ledgerfile

import (
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
)

// File is one YAML file of a ledger, with its text.
type File struct {
	Name string
	Data []byte
}

// Place decides which file of a ledger each addition goes into, so that a
// ledger split over files stays split the way its writer split it:
//
//   - a claim goes into the file holding the last claim on its topic, or
//     else the file defining the topic, or else the first file with a
//     claims: section, or else the first file;
//   - a source goes into the first file with a sources: section, or else
//     where the claims go; a topic likewise with topics:.
//
// files are the ledger's YAML files in ledger order; l is the ledger they
// load to.
func Place(l *claims.Ledger, files []File, a Additions) map[string]Additions {
	out := map[string]Additions{}
	if len(files) == 0 {
		return out
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	claimFile := func(topic string) string {
		for i := len(l.Claims) - 1; i >= 0; i-- {
			if c := &l.Claims[i]; c.Topic == topic && slices.Contains(names, c.Pos.File) {
				return c.Pos.File
			}
		}
		if t := l.Topics[topic]; t != nil && t.Declared && slices.Contains(names, t.Pos.File) {
			return t.Pos.File
		}
		if f := withSection(files, "claims"); f != "" {
			return f
		}
		return names[0]
	}
	home := names[0]
	for _, c := range a.Claims {
		f := claimFile(c.Topic)
		home = f
		add := out[f]
		add.Claims = append(add.Claims, c)
		out[f] = add
	}
	for _, s := range a.Sources {
		f := withSection(files, "sources")
		if f == "" {
			f = home
		}
		add := out[f]
		add.Sources = append(add.Sources, s)
		out[f] = add
	}
	for _, t := range a.Topics {
		f := withSection(files, "topics")
		if f == "" {
			f = home
		}
		add := out[f]
		add.Topics = append(add.Topics, t)
		out[f] = add
	}
	return out
}

// withSection is the first file with a top-level key, or "".
func withSection(files []File, key string) string {
	for _, f := range files {
		secs, _ := load.Sections(f.Data)
		for _, s := range secs {
			if s.Key == key {
				return f.Name
			}
		}
	}
	return ""
}
