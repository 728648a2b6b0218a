package resolve

import (
	"math"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
)

// A source may be right about one kind of question and wrong about
// another: a site that means the gate departure by "actual departure"
// is wrong about every take-off and right about every schedule. So
// accuracy is estimated per source and per kind of question, its slot,
// as well as per source. A slot's accuracy is drawn towards its source's
// overall accuracy by slotWeight claims' worth of evidence, so a kind
// the source says little about falls back to what the source is overall;
// the overall accuracy is drawn towards priorAccuracy by priorWeight
// claims', so a source that says little cannot look better than a few
// claims show.

// attribute is the kind of question a topic asks: the topics: pattern
// that typed it, or else the last part of its dotted id
// ("ua9.actual-departure" asks an "actual-departure"); "" for an id
// without a dot, whose source's overall accuracy then serves.
func attribute(t *claims.Topic) string {
	if t.Pattern != "" {
		return t.Pattern
	}
	if i := strings.LastIndexByte(t.ID, '.'); i > 0 && i+1 < len(t.ID) {
		return t.ID[i+1:]
	}
	return ""
}

// slotKey names a slot among a State's accuracies: the origin, a NUL
// (which no id holds) and the attribute. An origin's own key is its id.
func slotKey(origin, attr string) string { return origin + "\x00" + attr }

// originOf is the origin of a slot's key, and whether key is a slot's.
func originOf(key string) (string, bool) {
	if i := strings.IndexByte(key, 0); i >= 0 {
		return key[:i], true
	}
	return key, false
}

// slotOf returns the slot of origin o's votes on attribute attr,
// adding it when it is new.
func (e *estimator) slotOf(o int32, attr string) int32 {
	k := slotID{o, attr}
	if s, ok := e.slotIdx[k]; ok {
		return s
	}
	s := int32(len(e.slots))
	e.slotIdx[k] = s
	e.slots = append(e.slots, k)
	return s
}

type slotID struct {
	origin int32
	attr   string
}

// accuracyOf is an origin's accuracy from the evidence of all its claims,
// summed over the whole ledger: the share that is right (num of den,
// both in units of 2^-32 of a claim), drawn towards the prior by
// priorWeight pseudo-claims and bounded so that votes stay finite.
func accuracyOf(num, den int64) float64 {
	a := (float64(num)/evidenceScale + priorWeight*priorAccuracy) / (float64(den)/evidenceScale + priorWeight)
	return min(max(a, minAccuracy), maxAccuracy)
}

// slotAccuracyOf is a slot's accuracy from its own evidence, drawn
// towards its origin's accuracy by slotWeight pseudo-claims.
func slotAccuracyOf(num, den int64, origin float64) float64 {
	a := (float64(num)/evidenceScale + slotWeight*origin) / (float64(den)/evidenceScale + slotWeight)
	return min(max(a, minAccuracy), maxAccuracy)
}

// step is how far a round moves an estimate from prev towards next:
// all the way for the first freeRounds, then half as far each round
// after, so that an estimate that swings between two answers settles
// between them rather than swinging until the cap.
func step(prev, next float64, round int) float64 {
	if round <= freeRounds {
		return next
	}
	return prev + math.Ldexp(next-prev, freeRounds-round)
}
