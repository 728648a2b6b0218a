package load

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load/internal/idindex"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parallel"
	"github.com/claimdiff/claimdiff/internal/suggest"
)

// finish checks what only the merged ledger can tell (references across
// files, types inferred from all values, duplicate ids) and parses values.
func (b *builder) finish() *claims.Ledger {
	l := b.l
	add := func(p diag.Problem) { l.Problems = append(l.Problems, p) }
	if !b.version && !b.unread && len(l.Files) > 0 && !hasFileProblem(l.Problems) {
		add(diag.Problem{
			Pos: diag.Pos{File: l.Files[0], Line: 1, Col: 1}, Severity: diag.Error, Code: "no-version",
			Message: "no file of the ledger says which format it is in",
			Hint:    "add `ledger: 1` at the top of one file",
		})
	}
	l.Problems = append(l.Problems, l.Sources.Check()...)
	b.settleReadings()
	b.finishClaims(add)
	b.checkStatuses(add)
	b.places = nil
	diag.Sort(l.Problems)
	l.Problems = capPerFile(l.Problems)
	resolveHints(l, l.Problems)
	return l
}

// finishClaims links each claim to its source and topic, types the
// topics that declare no type, gives claims without an id one, and parses
// every value: what finish does for the claims, and all that Head.Part
// does for a part's. The readings must be settled first.
func (b *builder) finishClaims(add func(diag.Problem)) {
	// Ids, topics and values are separate fields of each claim, so the
	// steps that must go in claim order on one core (collecting ids, then
	// deriving the missing ones) run beside those that use every core.
	var (
		given      *idindex.Index
		idProblems []diag.Problem
	)
	explicit := parallel.Background(func() { given, idProblems = b.explicitIDs() })
	b.checkClaimRefs(add)
	b.typeTopics()
	explicit()
	derive := parallel.Background(func() { b.deriveIDs(given) })
	b.parseValues(add)
	derive()
	b.l.Problems = append(b.l.Problems, idProblems...)
}

// capPerFile keeps the first maxProblems problems of each file, in order,
// and says how many more there were: one source misspelt in a million-row
// feed is one mistake to show, not a million lines.
func capPerFile(ps []diag.Problem) []diag.Problem {
	count := map[string]int{}
	for _, p := range ps {
		count[p.Pos.File]++
	}
	over := false
	for _, n := range count {
		over = over || n > maxProblems
	}
	if !over {
		return ps
	}
	// Each file's problems past the first maxProblems become one, which
	// counts them (and any a reader had already folded away).
	byFile := map[string][]int{}
	for i, p := range ps {
		byFile[p.Pos.File] = append(byFile[p.Pos.File], i)
	}
	out := ps[:0:0]
	kept := map[string]int{}
	for _, p := range ps {
		f := p.Pos.File
		switch kept[f]++; {
		case kept[f] <= maxProblems:
			out = append(out, p)
		case kept[f] == maxProblems+1:
			idx := byFile[f][maxProblems+1:]
			rest := make([]diag.Problem, len(idx))
			for j, i := range idx {
				rest[j] = ps[i]
			}
			out = append(out, diag.TooMany(p, rest))
		}
	}
	return out
}

// hasFileProblem is true when a file could not be read as a ledger at all;
// then "no version" would only be noise.
func hasFileProblem(ps []diag.Problem) bool {
	for _, p := range ps {
		switch p.Code {
		case "binary", "encoding", "control-char", "empty", "yaml", "documents", "not-a-ledger", "too-deep", "too-large":
			return true
		}
	}
	return false
}

// checkClaimRefs checks the sources each claim names and finds its topic,
// making a topic for each id that no topics: entry declares, in the
// order claims first use it. The lookups, a million of them in a big
// feed, run on every core; only making topics waits for claim order.
func (b *builder) checkClaimRefs(add func(diag.Problem)) {
	l := b.l
	var (
		mu         sync.Mutex
		unresolved [][]int // per chunk, the claims whose topic is not defined
	)
	for _, p := range inChunks(len(l.Claims), func(from, to int, add func(diag.Problem)) {
		known := ""
		var mine []int
		for i := from; i < to; i++ {
			c, pl := &l.Claims[i], &b.places[i]
			// Claims come in runs from one source; its id is often the
			// very string checked last.
			if c.Source != known {
				if l.Sources.Get(c.Source) == nil {
					add(unknownSource(l, c.At(pl.Source), "claim cites", c.Source))
				} else {
					known = c.Source
				}
			}
			for j, v := range c.Via {
				if l.Sources.Get(v) == nil {
					add(unknownSource(l, c.At(pl.Via[j]), "via names", v))
				}
			}
			if c.TopicRef == nil {
				if c.TopicRef = l.Topics[c.Topic]; c.TopicRef == nil {
					mine = append(mine, i)
				}
			}
		}
		if mine != nil {
			mu.Lock()
			unresolved = append(unresolved, mine)
			mu.Unlock()
		}
	}) {
		add(p)
	}
	// A topic no file defines is made by its first claim, in claim order.
	slices.SortFunc(unresolved, func(a, b []int) int { return a[0] - b[0] })
	for _, i := range slices.Concat(unresolved...) {
		c := &l.Claims[i]
		t := l.Topics[c.Topic]
		if t == nil {
			t = b.topicFromPattern(c.Topic, c.At(b.places[i].Topic))
			l.AddTopic(t)
		}
		c.TopicRef = t
	}
}

// inChunks runs work over [0, n) in chunks on every core and returns the
// problems it found, in chunk order. work may only read shared state and
// write what belongs to its own indexes.
func inChunks(n int, work func(from, to int, add func(diag.Problem))) []diag.Problem {
	chunk := max(4096, n/runtime.GOMAXPROCS(0)+1)
	found := make([][]diag.Problem, (n+chunk-1)/chunk)
	parallel.Chunked(n, chunk, func() func(c, from, to int) {
		return func(c, from, to int) {
			work(from, to, func(p diag.Problem) { found[c] = append(found[c], p) })
		}
	})
	return slices.Concat(found...)
}

// unknownSource is the problem of a claim naming a source no file defines;
// who names it ("claim cites", "via names") starts the message.
func unknownSource(l *claims.Ledger, pos diag.Pos, who, id string) diag.Problem {
	return diag.Problem{Pos: pos, Severity: diag.Error, Code: "unknown-source",
		Message: fmt.Sprintf("%s source %q, which is not defined", who, id),
		Hint:    laterSource + id}
}

// A hint that searches every source or topic for the nearest name is
// worked out only for the problems that are shown: for every row of a
// feed that names an undefined source, it cost 90 s. Until then the hint
// holds one of these markers and the name.
const (
	laterSource = "\x00source\x00"
	laterTopic  = "\x00topic\x00"
)

// resolveHints works out the hints left for later in ps.
func resolveHints(l *claims.Ledger, ps []diag.Problem) {
	for i := range ps {
		h := ps[i].Hint
		if h == "" || h[0] != 0 {
			continue
		}
		if id, ok := strings.CutPrefix(h, laterSource); ok {
			ps[i].Hint = sourceHint(l, id)
		} else if id, ok := strings.CutPrefix(h, laterTopic); ok {
			ps[i].Hint = topicHint(l, id)
		}
	}
}

func sourceHint(l *claims.Ledger, id string) string {
	ids := make([]string, 0, l.Sources.Len())
	for _, s := range l.Sources.All() {
		ids = append(ids, s.ID)
	}
	if near := suggest.Nearest(id, ids, 3); near != "" {
		return fmt.Sprintf("did you mean %q?", near)
	}
	return "define it under sources:"
}

// typeTopics infers the type of topics that do not declare one.
func (b *builder) typeTopics() {
	l := b.l
	// Most ledgers type every topic; then there is nothing to infer, and no
	// reason to visit a million claims.
	untyped := false
	for _, t := range l.Topics {
		if t.Spec.Type == "" {
			untyped = true
			break
		}
	}
	if !untyped {
		return
	}
	raws := map[string][]string{}
	marks := map[string][]value.Decimal{}
	for _, c := range l.Claims {
		if t := c.TopicRef; t.Spec.Type == "" {
			if _, rel := value.IsRelative(c.Value.Raw); !rel {
				raws[c.Topic] = append(raws[c.Topic], c.Value.Raw)
				marks[c.Topic] = append(marks[c.Topic], b.readingOf(c.Source).decimal)
			}
		}
	}
	for _, id := range l.TopicOrder {
		if t := l.Topics[id]; t.Spec.Type == "" {
			t.Spec.Type = value.InferDecimal(raws[id], marks[id])
			t.Inferred = true
		}
	}
}

// parseValues parses every claim's value for its topic, on every core: a
// million values are the biggest single cost of loading after the YAML.
func (b *builder) parseValues(add func(diag.Problem)) {
	for _, p := range inChunks(len(b.l.Claims), b.parseRange) {
		add(p)
	}
}

// parseKey is all that a value's reading depends on: the same raw text on
// the same topic, from a source that writes as the same others do, on
// the same day (which a date without a year is read near), reads the
// same.
type parseKey struct {
	topic *claims.Topic
	// source is the claim's source when it declares how it writes
	// (decimal, date order, zone, layouts, no-value words), else "".
	source string
	// date is the claim's date, for a topic of dates and times only.
	date string
	raw  string
}

// parsed is what reading one raw value gave, with lint's advice on it.
type parsed struct {
	v     value.Value
	note  string
	err   error
	check readingCheck
}

// maxParseCache bounds the values parseRange remembers. A feed writes
// one flight's or one story's values close together, so a small table
// of recent ones finds most repeats.
const maxParseCache = 1 << 14

// parseTrial is how many values parseRange looks up before it judges
// whether remembering them pays.
const parseTrial = 4096

// parseRange parses claims [from, to); it only reads shared state. A
// value written the same way for the same topic, source reading and day
// as one already read is not read again: in a month of flight data, 60%
// of the values repeat one that another site wrote. Where fewer than a
// quarter of the first values repeat (a ledger of distinct figures), the
// table costs more than it saves, and is dropped.
func (b *builder) parseRange(from, to int, add func(diag.Problem)) {
	l := b.l
	// Sized for the range, not the bound: a table of 16,384 cleared
	// for a ledger of fifty claims costs more than reading them.
	cache := make(map[parseKey]parsed, min(to-from, maxParseCache))
	lookups, hits := 0, 0
	for i := from; i < to; i++ {
		c := &l.Claims[i]
		t := c.TopicRef
		var key parseKey
		pr, ok := parsed{}, false
		if cache != nil {
			key = parseKey{topic: t, raw: c.Value.Raw}
			if _, ok := b.readings[c.Source]; ok {
				key.source = c.Source
			}
			if t.Spec.Type == value.Date || t.Spec.Type == value.DateTime {
				key.date = c.Date
			}
			pr, ok = cache[key]
			if lookups++; ok {
				hits++
			}
		}
		if lookups == parseTrial && hits < parseTrial/4 {
			cache = nil
		}
		if !ok {
			rd := b.readingOf(c.Source)
			spec := b.specFor(c, rd)
			pr.v, pr.note, pr.err = value.ParseNote(c.Value.Raw, spec)
			pr.check = checkReading(c.Value.Raw, spec, rd, pr.v, pr.err == nil)
			if cache != nil {
				if len(cache) >= maxParseCache {
					clear(cache)
				}
				cache[key] = pr
			}
		}
		v, note, err := pr.v, pr.note, pr.err
		keepNote(c, note)
		pr.check.report(c, add)
		// Only topics whose values scale can hold "half of X"; on a text
		// topic those words are just text. Parse finds the relative values
		// it can read, so the others cost nothing more; one it cannot read
		// is still reported for the topic it names first.
		if err != nil || v.Ref != "" {
			if ref, rel := value.IsRelative(c.Value.Raw); rel && t.Spec.Type.Scalable() && l.Topics[ref] == nil {
				add(diag.Problem{Pos: c.ValuePos(), Severity: diag.Error, Code: "unknown-topic",
					Message: fmt.Sprintf("relative value refers to topic %q, which is not defined", ref),
					Hint:    laterTopic + ref})
				continue
			}
		}
		if errors.Is(err, value.ErrNoValue) {
			c.NoValue = true
			continue
		}
		if err != nil {
			p := diag.Errorf(c.ValuePos(), valueErrorCode(err), "%v", err)
			p.Hint = cmp.Or(value.Hint(err), value.FormsHint(t.Spec.Type))
			p.Row = true
			add(p)
			c.Unread = true
			continue
		}
		v.Negated = c.Denies
		c.Value = v
	}
}

// valueErrorCode sorts value errors into the codes LEDGER.md names, so CI
// can match them.
func valueErrorCode(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "not one of the choices"):
		return "unknown-choice"
	case strings.Contains(msg, "currency"), strings.Contains(msg, "unit"):
		return "unit-mismatch"
	}
	return "bad-value"
}

func topicHint(l *claims.Ledger, id string) string {
	if near := suggest.Nearest(id, l.TopicOrder, 3); near != "" {
		return fmt.Sprintf("did you mean %q?", near)
	}
	return "define it under topics:, or give it claims"
}

// explicitIDs collects the ids claims were given, reporting any used
// twice. It reads nothing but ids, so it runs while topics are resolved.
func (b *builder) explicitIDs() (*idindex.Index, []diag.Problem) {
	l := b.l
	x := idindex.New(l.Claims, func(i int) bool { return b.places[i].HasID })
	var problems []diag.Problem
	for _, d := range x.Duplicates() {
		c := &l.Claims[d[0]]
		problems = append(problems, diag.Errorf(c.Pos, "duplicate-id", "claim id %q is used twice (also at %s)", c.ID, l.Claims[d[1]].Pos))
	}
	return x, problems
}

// deriveIDs gives claims without an id a stable one made from topic and
// source, clear of every id given and every id derived before.
func (b *builder) deriveIDs(given *idindex.Index) {
	l := b.l
	derived := map[string]bool{}
	// next remembers, per base, the number to try next, so many claims on
	// one topic from one source cost linear time, not quadratic.
	next := map[string]int{}
	for i := range l.Claims {
		c := &l.Claims[i]
		if b.places[i].HasID {
			continue
		}
		base := c.Topic + "@" + c.Source
		id := base
		for n := max(next[base], 2); ; n++ {
			if !derived[id] && !given.Has(id) {
				next[base] = n
				break
			}
			id = fmt.Sprintf("%s#%d", base, n)
		}
		c.ID, c.DerivedID = id, true
		derived[id] = true
	}
}

func (b *builder) checkStatuses(add func(diag.Problem)) {
	l := b.l
	for _, s := range l.Statuses {
		t := l.Topics[s.Topic]
		if t == nil {
			add(diag.Problem{Pos: s.Pos, Severity: diag.Warning, Code: "unknown-topic",
				Message: fmt.Sprintf("disputes: names topic %q, which has no claims", s.Topic),
				Hint:    laterTopic + s.Topic})
			continue
		}
		if s.Value != "" {
			if _, err := value.Parse(s.Value, t.Spec); err != nil {
				add(diag.Errorf(s.Pos, valueErrorCode(err), "settled value: %v", err))
			}
		}
	}
}
