package load

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/yamlnode"
)

func (b *builder) readClaims(r *reader, n *yaml.Node) {
	items, _ := r.sequence(n, "claims")
	b.l.Claims = slices.Grow(b.l.Claims, len(items))
	for _, it := range items {
		if r.bombed {
			return // the file is given up
		}
		c, places, ok := r.claim(it)
		if !ok {
			continue
		}
		b.l.Claims = append(b.l.Claims, c)
		b.places = append(b.places, places)
	}
}

func (r *reader) claim(n *yaml.Node) (claims.Claim, claims.Places, bool) {
	r.inClaim = true
	defer func() { r.inClaim = false }()
	before := r.rowProblems
	c, pl, ok := r.claimFields(n)
	c.Unread = r.rowProblems > before
	return c, pl, ok
}

func (r *reader) claimFields(n *yaml.Node) (claims.Claim, claims.Places, bool) {
	var c claims.Claim
	var pl claims.Places
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
				pl.HasID = true
			}
		case "topic":
			c.Topic, _ = r.scalar(f.value, "topic")
			pl.Topic = diag.LineColOf(r.pos(f.value))
		case "value":
			v := r.resolve(f.value)
			c.ValueAt = diag.LineColOf(r.pos(f.value))
			if v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				c.Value.Raw, hasValue = r.scalar(v, "value")
			} else if v != nil && v.Kind != yaml.ScalarNode {
				r.errorf(v, "wrong-type", "value must be a single value, not %s", yamlnode.Found(v))
				hasValue = true // reported; don't also say it is missing
			}
		case "source":
			c.Source, _ = r.scalar(f.value, "source")
			pl.Source = diag.LineColOf(r.pos(f.value))
		case "via":
			var at []diag.Pos
			c.Via, at = r.strings(f.value, "via")
			pl.Via = make([]diag.LineCol, len(at))
			for i, p := range at {
				pl.Via[i] = diag.LineColOf(p)
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
			r.unknownField(f, "a claim", claims.ClaimFields)
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
		r.add(diag.Errorf(c.At(pl.Topic), "bad-id", "topic id %q %s", diag.Clip(c.Topic, 40), ids.Rule))
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
