package load

import (
	"fmt"
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// Head is a ledger's YAML, its sources, topics and disputes, read once,
// to load many small sets of its claims against. A pipeline that splits
// a ledger's claims by topic, context and moment loads each part with
// Part rather than read the whole head again for each.
type Head struct {
	b *builder
	// order is each topic's place in the head.
	order map[string]int
	// Problems are what reading the head found.
	Problems []diag.Problem
}

// LoadHead reads a ledger's YAML files. Claims in them are dropped: a
// head's claims belong in the parts. It returns an *InputError when a
// file cannot be read at all.
func LoadHead(files []File, opts Options) (*Head, error) {
	b := newBuilder(opts)
	if _, err := b.addFiles(files); err != nil {
		return nil, err
	}
	b.settleReadings()
	h := &Head{b: b, Problems: slices.Clone(b.l.Problems), order: map[string]int{}}
	for i, id := range b.l.TopicOrder {
		h.order[id] = i
	}
	b.l.Claims, b.places, b.l.Problems = nil, nil, nil
	return h, nil
}

// Ledger is the head as a ledger without claims. It is shared: do not
// change it.
func (h *Head) Ledger() *claims.Ledger { return h.b.l }

// Part loads bulk claim files against the head, as Load would load them
// with the head's files, for claims whose topics and sources the head
// defines. The part's ledger shares the head's sources, and holds its
// own copy of each topic its claims are on, so parts may be loaded on
// many goroutines at once. Its problems are only the part's own.
//
// A part is a ledger of its own in three ways: a topic's type, where
// the head does not declare it, is inferred from the part's claims;
// claims without an id are given one unique within the part; and a
// relative value ("half of t.a") finds its reference among the part's
// claims unless claims.Options.References gives the whole ledger's.
func (h *Head) Part(files []File) (*claims.Ledger, error) {
	head := h.b
	b := &builder{
		opts: head.opts, sourceReading: head.sourceReading, fileReading: head.fileReading,
		noValue: head.noValue, readings: head.readings, patterns: head.patterns, dirs: head.dirs,
		version: true,
		l: &claims.Ledger{
			Title: head.l.Title, Titles: head.l.Titles, Desk: head.l.Desk,
			Sources: head.l.Sources, Topics: map[string]*claims.Topic{}, Statuses: map[string]*claims.Status{},
		},
	}
	for _, f := range files {
		if _, ok := bulkFormat(f.Name); !ok {
			return nil, &InputError{fmt.Errorf("%s: a part holds claims in a bulk file, not YAML", f.Name)}
		}
		if err := b.addFile(f); err != nil {
			return nil, err
		}
	}
	// The head's topics these claims are on, copied, in the head's order.
	var used []int
	seen := map[int]bool{}
	use := func(id string) {
		if at, ok := h.order[id]; ok && !seen[at] {
			seen[at] = true
			used = append(used, at)
		}
	}
	for i := range b.l.Claims {
		c := &b.l.Claims[i]
		if i == 0 || c.Topic != b.l.Claims[i-1].Topic {
			use(c.Topic)
		}
		if ref, ok := value.IsRelative(c.Value.Raw); ok {
			use(ref)
		}
	}
	slices.Sort(used)
	for _, at := range used {
		id := head.l.TopicOrder[at]
		t := *head.l.Topics[id]
		b.l.AddTopic(&t)
		if s := head.l.Statuses[id]; s != nil {
			b.l.Statuses[id] = s
		}
		for _, s := range head.l.Scoped[id] {
			b.l.AddDecision(s)
		}
	}
	l := b.l
	// The readings were settled with the head.
	b.finishClaims(func(p diag.Problem) { l.Problems = append(l.Problems, p) })
	b.places = nil
	diag.Sort(l.Problems)
	resolveHints(l, l.Problems)
	return l, nil
}
