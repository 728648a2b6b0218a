package load

import (
	"fmt"

	"github.com/claimdiff/claimdiff/claims/load/internal/yamlscan"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// splitEntries finds the entries of a section that maps ids to small
// mappings, and checks that the scanner reads every one of them. A big
// ledger can have hundreds of thousands of topics, which yaml.v3 reads
// slowly. Anything else gives Fallback, and the section goes to yaml.v3.
func splitEntries(data []byte, sec yamlscan.Section, s *yamlscan.Scanner) ([]yamlscan.Entry, yamlscan.Result) {
	entries, ok := yamlscan.Entries(data, sec)
	if !ok {
		return nil, yamlscan.Fallback
	}
	for _, e := range entries {
		if _, _, res := s.Entry(data[e.Start:e.End], e.Line, e.Indent); res != yamlscan.Scanned {
			return nil, res
		}
	}
	return entries, yamlscan.Scanned
}

// applyEntries hands each entry of a section to each, in order, skipping
// and reporting repeated ids as yaml.v3's path would. keyOf gives entry
// i's id and where it is written.
func applyEntries(r *reader, section string, n int, keyOf func(i int) (string, diag.Pos), each func(i int)) {
	seen := make(map[string]int, n)
	reported := map[string]bool{}
	for i := range n {
		k, pos := keyOf(i)
		if first, dup := seen[k]; dup {
			if !reported[k] {
				reported[k] = true
				r.add(diag.Errorf(pos, "duplicate-key", "duplicate key %q in %s (first at line %d)", k, section, first))
			}
			continue
		}
		seen[k] = pos.Line
		each(i)
	}
}

// sectionReader is how each section the fast path scans is read.
func (b *builder) sectionReader(key string) func(*reader, field) {
	switch key {
	case "sources":
		return b.readSource
	case "disputes":
		return b.readDispute
	}
	panic(fmt.Sprintf("no entry reader for %s", key))
}
