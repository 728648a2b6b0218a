package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// ChangeKind says how a claim or a dispute differs between two versions of
// a ledger. Its names are stable: diff's outputs print them as they are.
type ChangeKind string

const (
	Added    ChangeKind = "added"
	Removed  ChangeKind = "removed"
	Changed  ChangeKind = "changed"
	Reworded ChangeKind = "reworded" // only the wording of the value, not its meaning
	Renamed  ChangeKind = "renamed"  // only the id
	Opened   ChangeKind = "opened"
	Closed   ChangeKind = "closed"

	// Moved: the same claim (topic, value, context, date) now credited
	// to another source, and nothing else about it changed but its via,
	// quote or note.
	Moved ChangeKind = "moved"
)

// FieldChange is one field of a claim that differs.
type FieldChange struct {
	Field string
	Old   string
	New   string
	// Reworded marks a value written differently that means the same,
	// such as 600k and 600,000.
	Reworded bool
}

// ClaimChange is one claim that was added, removed or edited.
type ClaimChange struct {
	Kind ChangeKind
	// ID is the claim's id in the new ledger (in the old one when removed);
	// From is its old id when the edit renamed it.
	ID      string
	From    string
	Topic   string
	Source  string
	Context string
	// Value is the claim's value as written ("not G7" for a denial): the
	// new one, or the old one for a removed claim.
	Value string
	// OldValue is the value before the edit, when it or denies changed.
	OldValue string
	Fields   []FieldChange
	Pos      diag.Pos
}

// Field returns the change of one field, or nil.
func (c *ClaimChange) Field(name string) *FieldChange {
	for i := range c.Fields {
		if c.Fields[i].Field == name {
			return &c.Fields[i]
		}
	}
	return nil
}

// PositionBrief is a dispute's position as a diff shows it.
type PositionBrief struct {
	Value     string
	Origins   int
	OriginIDs []string
}

// DisputeChange is one dispute that an edit opened, closed or changed.
type DisputeChange struct {
	Kind     ChangeKind
	Topic    string
	Context  string
	Moment   string
	Kinds    []claims.Kind
	Severity claims.Severity
	Score    int
	Status   string
	// Positions are the new dispute's, or the old one's when closed.
	Positions []PositionBrief
	// Details say what changed in a changed dispute, one line each, such
	// as "new position 700,000 (ap)" or "severity medium → high".
	Details []string
	// Claims are the ids of claims in the dispute, on either side, that
	// the edit added, removed, or changed in value, denies, topic, source,
	// context or date: what moved it.
	Claims []string
}

// Diff is what changed between two versions of a ledger: its claims, and
// above all its disputes.
type Diff struct {
	Claims   []ClaimChange
	Disputes []DisputeChange
	// TopicChanges are the topic definitions added, removed or changed.
	TopicChanges []TopicChange
}

// Empty reports whether the two versions hold the same claims, disputes
// and topic definitions.
func (d *Diff) Empty() bool {
	return len(d.Claims) == 0 && len(d.Disputes) == 0 && len(d.TopicChanges) == 0
}

// ClaimIDs returns the ids of claims changed in the given way, in order.
func (d *Diff) ClaimIDs(kind ChangeKind) []string {
	out := []string{}
	for _, c := range d.Claims {
		if c.Kind == kind {
			out = append(out, c.ID)
		}
	}
	return out
}

// RenamedIDs lists every renamed claim, including those also edited.
func (d *Diff) RenamedIDs() [][2]string {
	var out [][2]string
	for _, c := range d.Claims {
		if c.From != "" {
			out = append(out, [2]string{c.From, c.ID})
		}
	}
	return out
}

// Topics returns the topics of disputes changed in the given way, each
// once, in order.
func (d *Diff) Topics(kind ChangeKind) []string {
	out := []string{}
	for _, c := range d.Disputes {
		if c.Kind == kind && !slices.Contains(out, c.Topic) {
			out = append(out, c.Topic)
		}
	}
	return out
}

// Count returns how many claims or disputes changed in the given way.
func (d *Diff) Count(kind ChangeKind) int {
	n := 0
	for _, c := range d.Claims {
		if c.Kind == kind {
			n++
		}
	}
	for _, c := range d.Disputes {
		if c.Kind == kind {
			n++
		}
	}
	for _, c := range d.TopicChanges {
		if c.Kind == kind {
			n++
		}
	}
	return n
}

// Ledgers compares an old and a new version of a ledger. Claims are
// matched by explicit id, then by topic, source, context (and date, value
// when several fit), so that a renamed id is a rename, not a removal and an
// addition. Disputes are matched by topic, context, moment and currency.
func Ledgers(before, after *claims.Ledger, opts claims.Options) *Diff {
	oldTo, newTo := matchClaims(before, after)
	d := &Diff{}
	// touched marks claims the edit changed, on each side, to say which
	// claim changes opened, closed or changed a dispute.
	touchedOld, touchedNew := map[int]string{}, map[int]string{}
	var removed []ClaimChange
	for i := range before.Claims {
		if oldTo[i] < 0 {
			c := &before.Claims[i]
			removed = append(removed, briefChange(Removed, c))
			touchedOld[i] = c.ID
		}
	}
	var added, changed, moved, reworded, renamed []ClaimChange
	for j := range after.Claims {
		c := &after.Claims[j]
		i := newTo[j]
		if i < 0 {
			added = append(added, briefChange(Added, c))
			touchedNew[j] = c.ID
			continue
		}
		o := &before.Claims[i]
		ch := briefChange("", c)
		ch.Fields = fieldChanges(o, c)
		if ch.Field("value") != nil || ch.Field("denies") != nil {
			ch.OldValue = o.Shown()
		}
		if o.ID != c.ID && !(o.DerivedID && c.DerivedID) {
			ch.From = o.ID
		}
		switch {
		case ch.Field("source") != nil && !slices.ContainsFunc(ch.Fields, func(f FieldChange) bool {
			return f.Field != "source" && comparedField(f)
		}):
			// Credited to another source, and otherwise the same claim.
			ch.Kind = Moved
			moved = append(moved, ch)
			touchedOld[i], touchedNew[j] = c.ID, c.ID
		case slices.ContainsFunc(ch.Fields, func(f FieldChange) bool { return !f.Reworded }):
			ch.Kind = Changed
			changed = append(changed, ch)
			if slices.ContainsFunc(ch.Fields, comparedField) {
				touchedOld[i], touchedNew[j] = c.ID, c.ID
			}
		case len(ch.Fields) > 0:
			ch.Kind = Reworded
			reworded = append(reworded, ch)
		case ch.From != "":
			ch.Kind = Renamed
			renamed = append(renamed, ch)
		}
	}
	d.Claims = slices.Concat(added, removed, changed, moved, reworded, renamed)
	d.TopicChanges = diffTopics(before, after)
	d.Disputes = diffDisputes(claims.Analyze(before, opts), claims.Analyze(after, opts), oldTo, touchedOld, touchedNew)
	return d
}

// comparedField reports whether a field change can move a dispute: a new
// quote, note or via cannot, as they change no value and no origin.
func comparedField(f FieldChange) bool {
	switch f.Field {
	case "quote", "note", "via":
		return false
	}
	return !f.Reworded
}

func briefChange(kind ChangeKind, c *claims.Claim) ClaimChange {
	return ClaimChange{Kind: kind, ID: c.ID, Topic: c.Topic, Source: c.Source, Context: c.Context,
		Value: c.Shown(), Pos: c.Pos}
}

// matchClaims pairs the claims of two ledgers, returning for each claim
// the index of its counterpart, or -1. Explicit ids match first; then, in
// ever looser tiers, claims with the same topic and source, preferring the
// same context, date and value; then a claim without an id may change its
// context; last, one without an id may change its source, keeping its
// topic, context, date and value (moved). Within a tier, candidates pair in ledger order.
func matchClaims(before, after *claims.Ledger) (oldTo, newTo []int) {
	oldTo, newTo = make([]int, len(before.Claims)), make([]int, len(after.Claims))
	for i := range oldTo {
		oldTo[i] = -1
	}
	for j := range newTo {
		newTo[j] = -1
	}
	pair := func(i, j int) { oldTo[i], newTo[j] = j, i }
	explicit := map[string]int{}
	for i := range before.Claims {
		if !before.Claims[i].DerivedID {
			explicit[before.Claims[i].ID] = i
		}
	}
	for j := range after.Claims {
		if c := &after.Claims[j]; !c.DerivedID {
			if i, ok := explicit[c.ID]; ok {
				pair(i, j)
			}
		}
	}
	tiers := []func(c *claims.Claim) (string, bool){
		func(c *claims.Claim) (string, bool) {
			return joinKey(c.Topic, c.Source, c.Context, c.Date, c.Shown()), true
		},
		func(c *claims.Claim) (string, bool) { return joinKey(c.Topic, c.Source, c.Context, c.Date), true },
		func(c *claims.Claim) (string, bool) { return joinKey(c.Topic, c.Source, c.Context), true },
		func(c *claims.Claim) (string, bool) { return joinKey(c.Topic, c.Source), c.DerivedID },
		// The same claim credited to another source: its derived id
		// changed with the source, so only its content can find it.
		func(c *claims.Claim) (string, bool) {
			return joinKey(c.Topic, c.Context, c.Date, c.Shown()), c.DerivedID
		},
	}
	for _, key := range tiers {
		waiting := map[string][]int{}
		for i := range before.Claims {
			if k, ok := key(&before.Claims[i]); ok && oldTo[i] < 0 {
				waiting[k] = append(waiting[k], i)
			}
		}
		for j := range after.Claims {
			k, ok := key(&after.Claims[j])
			if !ok || newTo[j] >= 0 || len(waiting[k]) == 0 {
				continue
			}
			pair(waiting[k][0], j)
			waiting[k] = waiting[k][1:]
		}
	}
	return oldTo, newTo
}

func joinKey(parts ...string) string { return strings.Join(parts, "\x00") }

// fieldChanges lists the fields that differ between two versions of a
// claim. A value written differently but meaning the same is marked
// Reworded; a flipped denies is a change of its own.
func fieldChanges(o, n *claims.Claim) []FieldChange {
	var out []FieldChange
	add := func(field, a, b string) {
		if a != b {
			out = append(out, FieldChange{Field: field, Old: a, New: b})
		}
	}
	add("topic", o.Topic, n.Topic)
	add("source", o.Source, n.Source)
	if o.Value.Raw != n.Value.Raw {
		out = append(out, FieldChange{Field: "value", Old: o.Value.Raw, New: n.Value.Raw,
			Reworded: o.Topic == n.Topic && sameMeaning(o.Value, n.Value)})
	}
	if o.Denies != n.Denies {
		out = append(out, FieldChange{Field: "denies", Old: fmt.Sprint(o.Denies), New: fmt.Sprint(n.Denies)})
	}
	add("via", strings.Join(o.Via, ", "), strings.Join(n.Via, ", "))
	add("date", o.Date, n.Date)
	add("as_of", o.AsOf, n.AsOf)
	add("context", o.Context, n.Context)
	add("quote", o.Quote, n.Quote)
	add("note", o.Note, n.Note)
	return out
}

// sameMeaning is value.Same for two versions of one claim's value, leaving
// denies aside (fieldChanges reports it). A value that did not parse has
// no meaning to compare.
func sameMeaning(a, b value.Value) bool {
	if a.Type == "" || b.Type == "" {
		return false
	}
	a.Negated, b.Negated = false, false
	return value.Same(a, b)
}

// diffDisputes matches the disputes of two analyses by topic, context,
// moment and currency. oldTo maps old claims to new ones, to follow positions across
// the edit; touched* name the claims the edit changed on each side.
func diffDisputes(oa, na *claims.Analysis, oldTo []int, touchedOld, touchedNew map[int]string) []DisputeChange {
	// Money in different currencies is never compared, so one topic may
	// hold a dispute per currency in the same context and moment.
	key := func(d *claims.Dispute) string {
		return joinKey(d.Topic, d.Context, d.Moment, d.Positions[0].CommonSet().Currency)
	}
	oldBy := map[string]*claims.Dispute{}
	for i := range oa.Disputes {
		oldBy[key(&oa.Disputes[i])] = &oa.Disputes[i]
	}
	newBy := map[string]bool{}
	var opened, changed, closed []DisputeChange
	for i := range na.Disputes {
		nd := &na.Disputes[i]
		newBy[key(nd)] = true
		od := oldBy[key(nd)]
		if od == nil {
			ch := disputeChange(Opened, nd)
			ch.Claims = touchedIn(nd, touchedNew, nil)
			opened = append(opened, ch)
			continue
		}
		details := disputeDetails(od, nd, oldTo)
		if len(details) == 0 {
			continue
		}
		ch := disputeChange(Changed, nd)
		ch.Details = details
		ch.Claims = touchedIn(nd, touchedNew, touchedIn(od, touchedOld, nil))
		changed = append(changed, ch)
	}
	for i := range oa.Disputes {
		od := &oa.Disputes[i]
		if !newBy[key(od)] {
			ch := disputeChange(Closed, od)
			ch.Claims = touchedIn(od, touchedOld, nil)
			closed = append(closed, ch)
		}
	}
	return slices.Concat(opened, closed, changed)
}

func disputeChange(kind ChangeKind, d *claims.Dispute) DisputeChange {
	ch := DisputeChange{Kind: kind, Topic: d.Topic, Context: d.Context, Moment: d.Moment,
		Kinds: d.Kinds, Severity: d.Severity, Score: d.Score, Status: d.Status}
	for _, p := range d.Positions {
		ch.Positions = append(ch.Positions, PositionBrief{Value: positionValue(&p), Origins: p.Origins, OriginIDs: p.OriginIDs})
	}
	return ch
}

// positionValue is what a position holds, "denies G7" for a denial.
func positionValue(p *claims.Position) string {
	if p.Denies {
		return "denies " + strings.TrimPrefix(p.Common, "not ")
	}
	return p.Common
}

// touchedIn appends the ids of touched claims that sit in d, once each.
func touchedIn(d *claims.Dispute, touched map[int]string, out []string) []string {
	seen := make(map[string]bool, len(out))
	for _, id := range out {
		seen[id] = true
	}
	for _, p := range d.Positions {
		for _, i := range p.Members() {
			if id, ok := touched[i]; ok && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// disputeDetails says how a dispute present on both sides changed: its
// positions (new, dropped, moved, gaining or losing origins), its
// severity, kinds and editorial status. A claim reworded, or a score that
// moved within its severity, is no change.
func disputeDetails(od, nd *claims.Dispute, oldTo []int) []string {
	var out []string
	match := matchPositions(od, nd, oldTo)
	for j := range nd.Positions {
		np := &nd.Positions[j]
		i := match[j]
		if i < 0 {
			out = append(out, fmt.Sprintf("new position %s (%s)", positionValue(np), strings.Join(np.OriginIDs, ", ")))
			continue
		}
		op := &od.Positions[i]
		if a, b := positionValue(op), positionValue(np); a != b && !value.Same(op.CommonSet(), np.CommonSet()) {
			out = append(out, fmt.Sprintf("position %s is now %s", a, b))
		}
		gained, lost := setDiff(np.OriginIDs, op.OriginIDs), setDiff(op.OriginIDs, np.OriginIDs)
		if len(gained) > 0 {
			out = append(out, fmt.Sprintf("position %s gained %s %s", positionValue(np), originWord(len(gained)), strings.Join(gained, ", ")))
		}
		if len(lost) > 0 {
			out = append(out, fmt.Sprintf("position %s lost %s %s", positionValue(np), originWord(len(lost)), strings.Join(lost, ", ")))
		}
	}
	matched := make([]bool, len(od.Positions))
	for _, i := range match {
		if i >= 0 {
			matched[i] = true
		}
	}
	for i := range od.Positions {
		if !matched[i] {
			op := &od.Positions[i]
			out = append(out, fmt.Sprintf("position %s dropped (%s)", positionValue(op), strings.Join(op.OriginIDs, ", ")))
		}
	}
	if od.Severity != nd.Severity {
		out = append(out, fmt.Sprintf("severity %s → %s", od.Severity, nd.Severity))
	}
	if a, b := kindsText(od.Kinds), kindsText(nd.Kinds); a != b {
		out = append(out, fmt.Sprintf("kinds %s → %s", a, b))
	}
	if od.Status != nd.Status {
		out = append(out, fmt.Sprintf("status %s → %s", od.Status, nd.Status))
	}
	return out
}

// matchPositions pairs each new position with the old one that shares
// most of its claims (followed through the edit), or else holds the same
// value; -1 when none does. It counts shared claims through a map from
// each new claim to its old position, and finds the same value by a key,
// so one topic with many positions costs O(claims), not every pair.
func matchPositions(od, nd *claims.Dispute, oldTo []int) []int {
	match := make([]int, len(nd.Positions))
	used := make([]bool, len(od.Positions))
	oldAt := map[int]int{} // new claim -> the old position of its old version
	for i, op := range od.Positions {
		for _, m := range op.Members() {
			if k := oldTo[m]; k >= 0 {
				oldAt[k] = i
			}
		}
	}
	shared := make([]int, len(od.Positions))
	var counted []int
	for j, np := range nd.Positions {
		match[j] = -1
		counted = counted[:0]
		for _, k := range np.Members() {
			if i, ok := oldAt[k]; ok && !used[i] {
				if shared[i] == 0 {
					counted = append(counted, i)
				}
				shared[i]++
			}
		}
		best := 0
		for _, i := range counted {
			if shared[i] > best || shared[i] == best && i < match[j] {
				best, match[j] = shared[i], i
			}
			shared[i] = 0
		}
		if match[j] >= 0 {
			used[match[j]] = true
		}
	}
	same := map[string][]int{} // unused old positions by what they hold, in order
	for i, op := range od.Positions {
		if !used[i] {
			k := sameKey(op.Denies, op.CommonSet())
			same[k] = append(same[k], i)
		}
	}
	for j, np := range nd.Positions {
		if k := sameKey(np.Denies, np.CommonSet()); match[j] < 0 && len(same[k]) > 0 {
			match[j], used[same[k][0]] = same[k][0], true
			same[k] = same[k][1:]
		}
	}
	// A position whose set moved (a tolerance added, a claim that narrows
	// it) is still the same position when it is written the same, or
	// when its values still meet and an origin stayed with it: it gained
	// or lost origins, it was not dropped and made anew.
	written := map[string][]int{}
	for i := range od.Positions {
		if !used[i] {
			k := positionValue(&od.Positions[i])
			written[k] = append(written[k], i)
		}
	}
	for j := range nd.Positions {
		if k := positionValue(&nd.Positions[j]); match[j] < 0 {
			for len(written[k]) > 0 && used[written[k][0]] {
				written[k] = written[k][1:]
			}
			if len(written[k]) > 0 {
				match[j], used[written[k][0]] = written[k][0], true
				written[k] = written[k][1:]
			}
		}
	}
	// By origin, so that many positions cost what their origins do, not
	// every pair.
	byOrigin := map[string][]int{}
	for i := range od.Positions {
		if !used[i] {
			for _, id := range od.Positions[i].OriginIDs {
				byOrigin[id] = append(byOrigin[id], i)
			}
		}
	}
	for j := range nd.Positions {
		np := &nd.Positions[j]
		for _, id := range np.OriginIDs {
			for _, i := range byOrigin[id] {
				op := &od.Positions[i]
				if match[j] < 0 && !used[i] && op.Denies == np.Denies && value.Meets(op.CommonSet(), np.CommonSet()) {
					match[j], used[i] = i, true
				}
			}
		}
	}
	return match
}

// sameKey is equal for two positions' values when value.Same holds (up to
// float noise past 12 digits): a denial or not, the set and how it was
// written.
func sameKey(denies bool, v value.Value) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', 12, 64) }
	if !v.Type.Numeric() {
		return fmt.Sprint(denies, v.Type, v.Atom)
	}
	return fmt.Sprint(denies, v.Type, v.Currency, v.Approx, f(v.Lo), v.LoOpen, f(v.Hi), v.HiOpen)
}

// setDiff returns what a holds that b does not, in a's order.
func setDiff(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func originWord(n int) string {
	if n == 1 {
		return "origin"
	}
	return "origins"
}

func kindsText(ks []claims.Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, "+")
}
