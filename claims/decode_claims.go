package claims

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// claimPlaces holds the positions of a claim's fields while the ledger is
// checked; they are dropped afterwards so loaded claims stay small.
type claimPlaces struct {
	topic, source lineCol
	via           []lineCol
	hasID         bool
}

func (b *builder) readClaims(r *reader, n *yaml.Node) {
	items, _ := r.sequence(n, "claims")
	b.l.Claims = slices.Grow(b.l.Claims, len(items))
	for _, it := range items {
		c, places, ok := r.claim(it)
		if !ok {
			continue
		}
		b.l.Claims = append(b.l.Claims, c)
		b.places = append(b.places, places)
	}
}

func (r *reader) claim(n *yaml.Node) (Claim, claimPlaces, bool) {
	var c Claim
	var pl claimPlaces
	fields, ok := r.mapping(n, "a claim")
	if !ok {
		return c, pl, false
	}
	c.Pos = r.pos(n)
	var hasValue bool
	for _, f := range fields {
		switch f.key {
		case "id":
			c.ID, _ = r.scalar(f.value, "id")
			if c.ID != "" {
				checkID(r, f.value, "claim")
				pl.hasID = true
			}
		case "topic":
			c.Topic, _ = r.scalar(f.value, "topic")
			pl.topic = toLineCol(r.pos(f.value))
		case "value":
			v := r.resolve(f.value)
			c.valueAt = toLineCol(r.pos(f.value))
			if v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				c.Value.Raw, hasValue = r.scalar(v, "value")
			} else if v != nil && v.Kind != yaml.ScalarNode {
				r.errorf(v, "wrong-type", "value must be a single value, not %s", kindName(v))
				hasValue = true // reported; don't also say it is missing
			}
		case "source":
			c.Source, _ = r.scalar(f.value, "source")
			pl.source = toLineCol(r.pos(f.value))
		case "via":
			var at []diag.Pos
			c.Via, at = r.strings(f.value, "via")
			pl.via = make([]lineCol, len(at))
			for i, p := range at {
				pl.via[i] = toLineCol(p)
			}
		case "date":
			c.Date = r.date(f.value, "date")
		case "as_of":
			c.AsOf = r.date(f.value, "as_of")
		case "quote":
			c.Quote, _ = r.scalar(f.value, "quote")
		case "context":
			c.Context = r.context(f.value)
		case "denies":
			c.Denies = r.boolean(f.value, "denies")
		case "note":
			c.Note, _ = r.scalar(f.value, "note")
		default:
			r.unknownField(f, "a claim", claimFields)
		}
	}
	missing := []string{}
	if c.Topic == "" {
		missing = append(missing, "topic")
	}
	if !hasValue {
		missing = append(missing, "value")
	}
	if c.Source == "" {
		missing = append(missing, "source")
	}
	if len(missing) > 0 {
		r.errorf(n, "missing-field", "claim has no %s", strings.Join(missing, ", no "))
		return c, pl, false
	}
	if !ids.Valid(c.Topic) {
		r.add(diag.Errorf(c.at(pl.topic), "bad-id", "topic id %q %s", clip(c.Topic, 40), ids.Rule))
		return c, pl, false
	}
	return c, pl, true
}

// context reads qualifiers into their canonical "key=value; key=value" form.
func (r *reader) context(n *yaml.Node) string {
	fields, ok := r.mapping(n, "context")
	if !ok {
		return ""
	}
	parts := make([]string, 0, len(fields))
	for _, f := range fields {
		v, _ := r.scalar(f.value, "context value")
		parts = append(parts, f.key+"="+v)
	}
	slices.Sort(parts)
	return strings.Join(parts, "; ")
}

// isDate accepts YYYY-MM-DD and RFC 3339 times.
func isDate(s string) bool {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return true
	}
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// ContextPairs splits a canonical context back into its pairs, for display.
func ContextPairs(ctx string) [][2]string {
	if ctx == "" {
		return nil
	}
	var out [][2]string
	for _, p := range strings.Split(ctx, "; ") {
		k, v, _ := strings.Cut(p, "=")
		out = append(out, [2]string{k, v})
	}
	return out
}

func describeContext(ctx string) string {
	if ctx == "" {
		return "no context"
	}
	return fmt.Sprintf("context %s", ctx)
}
