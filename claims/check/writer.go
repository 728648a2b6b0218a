package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/assert"
	"github.com/claimdiff/claimdiff/claims/value"
)

// What a writer means: an assertion as a person writes it in a draft,
// which names no context, leaves the year off a date, or names a choice
// no source gave.

// ContextVerdict is the verdict on an assertion in one context of its
// topic, for an assertion that named none on a topic whose claims all
// carry one.
type ContextVerdict struct {
	Context string
	Verdict Verdict
	Message string
}

// parse reads the asserted value as the topic's type. A date written
// without a year ("September 10th") takes the year of the topic's claims
// when they all share one: a writer leaves it off when the story makes it
// plain.
func (c *checker) parse(x assert.Assertion, t *claims.Topic) (value.Value, error) {
	v, err := value.Parse(x.Value, t.Spec)
	if err == nil || t.Spec.Type != value.Date {
		return v, err
	}
	month, day, ok := value.MonthDay(x.Value)
	if !ok {
		return v, err
	}
	year, ok := c.sharedYear(x.Topic)
	if !ok {
		return v, fmt.Errorf("%q has no year, and the claims on %s are not all from one year; add the year", x.Value, x.Topic)
	}
	return value.Parse(fmt.Sprintf("%04d-%02d-%02d", year, month, day), t.Spec)
}

// sharedYear is the one year every dated value on topic falls in.
func (c *checker) sharedYear(topic string) (int, bool) {
	year := 0
	for _, i := range c.live[topic] {
		v := c.a.Value(i)
		lo, hi, ok := value.Years(v)
		if !ok || lo != hi || year != 0 && year != lo {
			return 0, false
		}
		year = lo
	}
	return year, year != 0
}

// contextsOnly lists, sorted, the contexts of topic's live claims when
// every one of them has a context; nil when some claim has none.
func (c *checker) contextsOnly(topic string) []string {
	l := c.a.Ledger
	seen := map[string]bool{}
	var out []string
	for _, i := range c.live[topic] {
		ctx := l.Claims[i].Context
		if ctx == "" {
			return nil
		}
		if !seen[ctx] {
			seen[ctx] = true
			out = append(out, ctx)
		}
	}
	slices.Sort(out)
	return out
}

// eachContext judges an assertion that named no context in every context
// of its topic. It is supported only where every context supports it and
// refuted only where every context refutes it.
func (c *checker) eachContext(r *Result, x assert.Assertion, ctxs []string) {
	counts := map[Verdict]int{}
	var parts []string
	for _, ctx := range ctxs {
		y := x
		y.Context = ctx
		sub := c.check(y)
		r.Contexts = append(r.Contexts, ContextVerdict{Context: ctx, Verdict: sub.Verdict, Message: sub.Message})
		if r.Read == "" {
			r.Read = sub.Read
		}
		counts[sub.Verdict]++
		parts = append(parts, fmt.Sprintf("%s: %s", ctx, sub.Verdict))
	}
	switch {
	case counts[Invalid] > 0:
		r.Verdict = Invalid
	case counts[Supported] == len(ctxs):
		r.Verdict = Supported
	case counts[Refuted] == len(ctxs):
		r.Verdict = Refuted
	case counts[Unverified] == len(ctxs):
		r.Verdict = Unverified
	default:
		r.Verdict = Conflicting
	}
	each := fmt.Sprintf("each of %d contexts", len(ctxs))
	if len(ctxs) == 1 {
		each = "its one context"
	}
	r.Message = fmt.Sprintf("no context given; judged in %s (%s)", each, strings.Join(parts, "; "))
}

// choiceNames lists a choice topic's choices for a message.
func choiceNames(spec value.Spec) string {
	names := make([]string, len(spec.Choices))
	for i, ch := range spec.Choices {
		names[i] = ch.Name
	}
	return strings.Join(names, ", ")
}

// sameContext compares two canonical contexts as a writer means them:
// keys and values in any case.
func sameContext(a, b string) bool {
	if a == b {
		return true
	}
	norm := func(ctx string) string {
		pairs := strings.Split(strings.ToLower(ctx), "; ")
		slices.Sort(pairs)
		return strings.Join(pairs, "; ")
	}
	return norm(a) == norm(b)
}
