package load

import (
	"bytes"
	"runtime"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load/internal/yamlscan"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parallel"
	"github.com/claimdiff/claimdiff/internal/yamlnode"
)

// The fast path reads the common shape of a ledger file, a block mapping
// of top-level sections with a long block list of claims, with yamlscan,
// without building a YAML tree for the whole file. Anything yamlscan is
// not sure of sends the entry, or the file, back to yaml.v3, so both paths
// always agree.

// scanOptions tune the scanner to ledgers: a claim's field names come back
// as these very strings, and the values that repeat across entries
// (sources, dates, kinds) share one string each. Topics repeat too, but so
// many of them that the lookups would cost more than they save.
var scanOptions = []yamlscan.Option{
	yamlscan.Keys(claims.ClaimFields...),
	yamlscan.Shared("source", "via", "date", "as_of", "kind", "type", "status"),
}

func newScanner() *yamlscan.Scanner { return yamlscan.NewScanner(scanOptions...) }

// addFileFast reads a file through the fast path: its small sections with
// yaml.v3, each on its own, and its claims list in chunks on every core,
// entry by entry with a yamlscan.Scanner (or yaml.v3 for an entry it
// cannot read). It returns false, having added nothing, whenever the
// result might differ from the plain whole-file decode, which the caller
// then runs.
func (b *builder) addFileFast(name string, data []byte) bool {
	secs, ok := yamlscan.Sections(data)
	if !ok {
		return false
	}
	r := newReader(name, 0)
	s := newScanner()
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	var claimsSec *yamlscan.Section
	type scannedSection struct {
		sec     yamlscan.Section
		entries []yamlscan.Entry
		topics  []parsedTopic // for topics:, read already
	}
	var scannedSecs []scannedSection
	for i := range secs {
		sec := &secs[i]
		if sec.Key == "claims" {
			if claimsSec != nil {
				return false // a duplicate key: the whole-file path words it
			}
			claimsSec = sec
			continue
		}
		if sec.Key == "sources" || sec.Key == "topics" || sec.Key == "disputes" {
			if seenKey(secs[:i], sec.Key) {
				return false
			}
			ss := scannedSection{sec: *sec}
			res := yamlscan.Fallback
			if sec.Key == "topics" {
				if entries, ok := yamlscan.Entries(data, *sec); ok {
					ss.topics, res = readTopicEntries(name, data, entries)
				}
			} else {
				ss.entries, res = splitEntries(data, *sec, s)
			}
			if res == yamlscan.Abort {
				return false
			}
			if res == yamlscan.Scanned {
				scannedSecs = append(scannedSecs, ss)
				continue
			}
		}
		pairs, ok := decodeSection(data[sec.Start:sec.End], sec.Line)
		if !ok {
			return false
		}
		root.Content = append(root.Content, pairs...)
	}
	var items []yamlscan.Item
	if claimsSec != nil {
		if items, ok = yamlscan.Items(data, *claimsSec); !ok || len(items) == 0 {
			return false // an empty list, or none: let yaml.v3 say what it is
		}
	}
	claims, places, problems, ok := readItems(name, data, items, b.reading)
	if !ok {
		return false
	}
	// Nothing was added to the ledger until here, so any "no" above left
	// it as it was.
	if len(problems) > maxProblems {
		return false // the whole-file path caps them in its own order
	}
	b.readLedger(r, root)
	for _, ss := range scannedSecs {
		if ss.sec.Key == "topics" {
			b.addTopics(r, ss.topics)
			continue
		}
		var key, val *yaml.Node
		applyEntries(r, ss.sec.Key, len(ss.entries),
			func(i int) (string, diag.Pos) {
				e := ss.entries[i]
				key, val, _ = s.Entry(data[e.Start:e.End], e.Line, e.Indent)
				return key.Value, r.pos(key)
			},
			func(int) { b.sectionReader(ss.sec.Key)(r, field{key: key.Value, keyN: key, value: val}) })
	}
	b.l.Files = append(b.l.Files, name)
	b.l.Problems = append(b.l.Problems, r.problems...)
	b.l.Problems = append(b.l.Problems, problems...)
	if b.opts.tookFastPath != nil {
		b.opts.tookFastPath()
	}
	if len(b.l.Claims) == 0 {
		b.l.Claims, b.places = claims, places
	} else {
		b.l.Claims = append(b.l.Claims, claims...)
		b.places = append(b.places, places...)
	}
	return true
}

// decodeSection decodes one top-level section on its own and returns its
// key and value nodes, with lines true for the whole file. Anchors and
// aliases could reach across sections, so a section with either is left
// to the whole-file decode.
func decodeSection(text []byte, line int) ([]*yaml.Node, bool) {
	if bytes.ContainsAny(text, "&*") {
		return nil, false
	}
	n, ok := decodeAt(text, line)
	if !ok || n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		return nil, false
	}
	return n.Content, true
}

// decodeAt decodes text that starts on line of its file with yaml.v3 and
// shifts every position to match the file. It says no to anything the
// whole-file decode would report: a syntax error, nesting too deep.
func decodeAt(text []byte, line int) (*yaml.Node, bool) {
	if l, _ := tooDeep(text); l > 0 {
		return nil, false
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(text))
	if err := yamlnode.Decode(dec, &doc); err != nil || len(doc.Content) != 1 {
		return nil, false
	}
	root := doc.Content[0]
	if d, _ := depth(root); d > maxDepth {
		return nil, false
	}
	shiftLines(root, line-1)
	return root, true
}

func shiftLines(n *yaml.Node, by int) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n.Line += by
		stack = append(stack, n.Content...)
	}
}

// readItems reads the claims entries on every core, in chunks, keeping
// their order. ok is false when an entry needs the whole-file decode.
func readItems(name string, data []byte, items []yamlscan.Item, prog *fileProgress) ([]claims.Claim, []claims.Places, []diag.Problem, bool) {
	cs := make([]claims.Claim, len(items))
	places := make([]claims.Places, len(items))
	kept := make([]bool, len(items))
	chunk := max(256, len(items)/(runtime.GOMAXPROCS(0)*8)+1)
	type result struct {
		problems []diag.Problem
		ok       bool
	}
	results := make([]result, (len(items)+chunk-1)/chunk)
	parallel.Chunked(len(items), chunk, func() func(c, from, to int) {
		s := newScanner()
		return func(c, from, to int) {
			r := newReader(name, 0)
			res := &results[c]
			res.ok = true
			for i := from; i < to; i++ {
				it := items[i]
				n, how := s.Item(data[it.Start:it.End], it.Line)
				if how == yamlscan.Fallback {
					n, how = entryByYAML(data[it.Start:it.End], it.Line)
				}
				if how != yamlscan.Scanned {
					res.ok = false
					break
				}
				cs[i], places[i], kept[i] = r.claim(n)
			}
			res.problems = r.problems
			if from < to {
				prog.add(int64(items[to-1].End - items[from].Start))
			}
		}
	})
	var problems []diag.Problem
	for _, res := range results {
		if !res.ok {
			return nil, nil, nil, false
		}
		problems = append(problems, res.problems...)
	}
	// Drop the entries that were not claims, in place.
	n := 0
	for i := range cs {
		if kept[i] {
			cs[n], places[n] = cs[i], places[i]
			n++
		}
	}
	clear(cs[n:])
	return cs[:n:n], places[:n:n], problems, true
}

// entryByYAML decodes one entry the scanner could not read with yaml.v3.
// An entry with & or * might use an anchor from elsewhere in the file, so
// only the whole-file decode can read it.
func entryByYAML(text []byte, line int) (*yaml.Node, yamlscan.Result) {
	if bytes.ContainsAny(text, "&*") {
		return nil, yamlscan.Abort
	}
	seq, ok := decodeAt(text, line)
	if !ok || seq.Kind != yaml.SequenceNode || len(seq.Content) != 1 {
		return nil, yamlscan.Abort
	}
	return seq.Content[0], yamlscan.Scanned
}

func seenKey(secs []yamlscan.Section, key string) bool {
	for _, s := range secs {
		if s.Key == key {
			return true
		}
	}
	return false
}
