package ledgerfile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/value"
)

// Writing a ledger must never change what it says by accident: a claim
// inserted in the wrong place could swallow the comment or the block
// scalar before it, and a layout change could drop a field. So whoever
// writes a ledger loads the result and holds it to what was meant with
// these checks before a byte reaches the disk.

// Meaning is everything a loaded ledger says, as text, without where it
// says it: two ledgers with the same Meaning read the same to every
// command. fmt holds its output to the input's Meaning.
func Meaning(l *claims.Ledger) string { return meaning(l, true) }

// meaning is Meaning, with the claims' lines only when withClaims is set
// (sameMeaning compares those itself).
func meaning(l *claims.Ledger, withClaims bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title %q %q\n", l.Title, l.Titles)
	for _, s := range l.Sources.All() {
		fmt.Fprintf(&b, "source %q %q %q %q %q %q %q %q\n", s.ID, s.Name, s.Kind, s.URL, s.Published, s.Via, s.Text, s.Texts)
	}
	for _, id := range l.TopicOrder {
		t := l.Topics[id]
		fmt.Fprintf(&b, "topic %q %q %+v changes=%v declared=%v inferred=%v\n", t.ID, t.Question, t.Spec, t.Changes, t.Declared, t.Inferred)
	}
	if withClaims {
		for i := range l.Claims {
			b.WriteString(claimLine(&l.Claims[i]))
			b.WriteByte('\n')
		}
	}
	statuses := make([]string, 0, len(l.Statuses))
	for _, s := range l.Statuses {
		statuses = append(statuses, fmt.Sprintf("status %q %q %q %q %q\n", s.Topic, s.Status, s.Value, s.Reason, s.Until))
	}
	slices.Sort(statuses)
	b.WriteString(strings.Join(statuses, ""))
	for _, p := range l.Problems {
		// Positions aside: a problem's words may name a line, so only
		// its code and severity are compared.
		fmt.Fprintf(&b, "problem %s %s\n", p.Severity, p.Code)
	}
	return b.String()
}

// claimLine is a claim's line of Meaning.
func claimLine(c *claims.Claim) string {
	return fmt.Sprintf("claim %s derived=%v %+v", claimKey(c), c.DerivedID, c.Value)
}

// sameMeaning reports whether two loaded ledgers have the same Meaning,
// and where they first differ when they do not. It compares claim by
// claim and writes text only for a claim that differs, so that fmt's
// check of a million claims costs the two loads and little more.
func sameMeaning(a, b *claims.Ledger) (string, bool) {
	if len(a.Claims) != len(b.Claims) {
		ma, mb := Meaning(a), Meaning(b)
		return firstDiff(ma, mb), ma == mb
	}
	for i := range a.Claims {
		if x, y := &a.Claims[i], &b.Claims[i]; !sameClaim(x, y) {
			return firstDiff(claimLine(x), claimLine(y)), false
		}
	}
	// The rest of Meaning, without the claims just compared.
	ma, mb := meaning(a, false), meaning(b, false)
	return firstDiff(ma, mb), ma == mb
}

// sameClaim reports whether two claims have the same line of Meaning.
func sameClaim(x, y *claims.Claim) bool {
	idOf := func(c *claims.Claim) string {
		if c.DerivedID {
			return ""
		}
		return c.ID
	}
	return x.Pos.File == y.Pos.File && idOf(x) == idOf(y) && x.DerivedID == y.DerivedID && x.Topic == y.Topic &&
		x.Denies == y.Denies && x.Source == y.Source && slices.Equal(x.Via, y.Via) && x.Date == y.Date &&
		x.AsOf == y.AsOf && x.Context == y.Context && x.Quote == y.Quote && x.Note == y.Note && sameValue(x.Value, y.Value)
}

// sameValue is a == b, with NaN equal to NaN, as %+v prints them alike.
func sameValue(a, b value.Value) bool {
	same := func(x, y float64) bool { return x == y || x != x && y != y }
	if !same(a.Lo, b.Lo) || !same(a.Hi, b.Hi) || !same(a.Nominal, b.Nominal) || !same(a.Factor, b.Factor) ||
		!same(a.FactorHi, b.FactorHi) {
		return false
	}
	a.Lo, a.Hi, a.Nominal, a.Factor, a.FactorHi = 0, 0, 0, 0, 0
	b.Lo, b.Hi, b.Nominal, b.Factor, b.FactorHi = 0, 0, 0, 0, 0
	return a == b
}

// claimKey is a claim's fields as written, and its id when it was given.
func claimKey(c *claims.Claim) string {
	id := c.ID
	if c.DerivedID {
		id = ""
	}
	return fmt.Sprintf("%q %q %q %q denies=%v %q %q %q %q %q %q", c.Pos.File, id, c.Topic, c.Value.Raw, c.Denies, c.Source,
		c.Via, c.Date, c.AsOf, c.Context, c.Quote+"\x00"+c.Note)
}

// key is the claimKey a loaded c will have, in file, where its topic
// reads values by spec: the loader moves a value's trailing note
// ("822 (estimated)") into the claim's note.
func (c Claim) key(file string, spec value.Spec) string {
	parts := make([]string, len(c.Context))
	for i, p := range c.Context {
		parts[i] = p[0] + "=" + p[1]
	}
	slices.Sort(parts)
	var via []string
	if len(c.Via) > 0 {
		via = c.Via
	}
	return fmt.Sprintf("%q %q %q %q denies=%v %q %q %q %q %q %q", file, c.ID, c.Topic, c.Value, c.Denies, c.Source,
		via, c.Date, c.AsOf, strings.Join(parts, "; "), c.Quote+"\x00"+load.NoteOf(c.Note, c.Value, spec))
}

// Added checks that after is before with exactly the additions, file by
// file: every claim, source, topic and editorial status of before as it
// was, and each new one as it was meant. Topic types inferred from values
// may change, as a new value can change them; nothing else may.
func Added(before, after *claims.Ledger, adds map[string]Additions) error {
	want := map[string]int{}
	for i := range before.Claims {
		want[claimKey(&before.Claims[i])]++
	}
	newSources := map[string]Source{}
	newTopics := map[string]Topic{}
	for file, a := range adds {
		for _, c := range a.Claims {
			var spec value.Spec
			if t := after.Topics[c.Topic]; t != nil {
				spec = t.Spec
			}
			want[c.key(file, spec)]++
		}
		for _, s := range a.Sources {
			newSources[s.ID] = s
		}
		for _, t := range a.Topics {
			newTopics[t.ID] = t
		}
	}
	for i := range after.Claims {
		k := claimKey(&after.Claims[i])
		if want[k] == 0 {
			return fmt.Errorf("claim %s at %s is not as it was meant", after.Claims[i].ID, after.Claims[i].Pos)
		}
		want[k]--
	}
	for k, n := range want {
		if n > 0 {
			return fmt.Errorf("a claim went missing: %s", k)
		}
	}

	if len(after.Sources.All()) != len(before.Sources.All())+len(newSources) {
		return fmt.Errorf("%d sources where %d were meant", len(after.Sources.All()), len(before.Sources.All())+len(newSources))
	}
	for _, s := range after.Sources.All() {
		got := fmt.Sprintf("%q %q %q %q %q %q %v", s.Name, s.Kind, s.URL, s.Via, s.Published, s.Text, s.Texts)
		if n, ok := newSources[s.ID]; ok {
			var via []string
			if len(n.Via) > 0 {
				via = n.Via
			}
			text, texts := n.texts()
			if w := fmt.Sprintf("%q %q %q %q %q %q %v", n.Name, n.Kind, n.URL, via, n.Published, text, texts); got != w {
				return fmt.Errorf("source %s reads %s, not %s", s.ID, got, w)
			}
			continue
		}
		o := before.Sources.Get(s.ID)
		if o == nil || got != fmt.Sprintf("%q %q %q %q %q %q %v", o.Name, o.Kind, o.URL, o.Via, o.Published, o.Text, o.Texts) {
			return fmt.Errorf("source %s changed", s.ID)
		}
	}

	for _, id := range after.TopicOrder {
		t := after.Topics[id]
		if n, ok := newTopics[id]; ok {
			if !t.Declared || t.Question != n.Question || t.Spec.Unit != n.Unit || !strings.EqualFold(string(t.Spec.Type), n.Type) && n.Type != "" {
				return fmt.Errorf("topic %s does not read as it was meant", id)
			}
			continue
		}
		o := before.Topics[id]
		if o == nil {
			return fmt.Errorf("topic %s appeared", id)
		}
		ot, nt := o.Spec, t.Spec
		if o.Inferred && t.Inferred {
			ot.Type, nt.Type = "", ""
		}
		if fmt.Sprintf("%q %+v %v %v", o.Question, ot, o.Changes, o.Declared) != fmt.Sprintf("%q %+v %v %v", t.Question, nt, t.Changes, t.Declared) {
			return fmt.Errorf("topic %s changed", id)
		}
	}
	for _, id := range before.TopicOrder {
		if after.Topics[id] == nil {
			return fmt.Errorf("topic %s went missing", id)
		}
	}
	if len(before.Statuses) != len(after.Statuses) || before.Title != after.Title {
		return fmt.Errorf("the ledger's disputes: or title changed")
	}
	for k, s := range before.Statuses {
		if n := after.Statuses[k]; n == nil || !sameDecision(s, n) {
			return fmt.Errorf("the editorial status of %s changed", k)
		}
	}
	if len(before.Scoped) != len(after.Scoped) {
		return fmt.Errorf("the ledger's disputes: changed")
	}
	for k, ss := range before.Scoped {
		ns := after.Scoped[k]
		if len(ns) != len(ss) {
			return fmt.Errorf("the editorial status of %s changed", k)
		}
		for i := range ss {
			if !sameDecision(ss[i], ns[i]) {
				return fmt.Errorf("the editorial status of %s changed", k)
			}
		}
	}
	return nil
}

func sameDecision(a, b *claims.Status) bool {
	return a.Status == b.Status && a.Value == b.Value && a.Reason == b.Reason && a.Until == b.Until &&
		a.Context == b.Context && a.AsOf == b.AsOf && a.Date == b.Date
}
