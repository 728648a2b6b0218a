package value

// Infer picks the type of an untyped topic from all its values:
//
//   - bool if all are yes/no/true/false;
//   - percent, money or duration if all parse as that type and every one
//     is written with its sign (a percent sign or word, a currency, a unit
//     of time), since a bare number would not say so;
//   - number if all parse as numbers (600k, ~850,000, bounds, intervals,
//     "600,000 troops"), which takes bare years too;
//   - datetime if all are dates with a time and a zone written in them;
//   - date if all are dates (a datetime counts as the date it names);
//   - text otherwise.
//
// Relative values ("half of x") and placeholders ("N/A", see IsNoValue)
// say nothing about the type and are skipped; a topic with only relative
// values is a number topic. Names are never inferred: a list of names
// reads as text until the topic says `type: names`.
func Infer(raws []string) Type { return InferDecimal(raws, nil) }

// InferDecimal is Infer for values that may come from sources with
// different decimal marks: decimals[i] is the mark raws[i] is written
// with, so that "2,5" from a source with `decimal: comma` counts as a
// number. A nil decimals reads every value with a point.
func InferDecimal(raws []string, decimals []Decimal) Type {
	var vals []string
	var decs []Decimal
	relative := false
	for i, r := range raws {
		if _, ok := IsRelative(r); ok {
			relative = true
			continue
		}
		if IsNoValue(r, Spec{}) {
			continue // "N/A" says nothing about the type either
		}
		vals = append(vals, r)
		if i < len(decimals) {
			decs = append(decs, decimals[i])
		} else {
			decs = append(decs, DecimalPoint)
		}
	}
	if len(vals) == 0 {
		if relative {
			return Number
		}
		return Text
	}
	all := func(t Type, marked bool) bool {
		for i, r := range vals {
			_, m, _, err := parse(r, Spec{Type: t, Decimal: decs[i]})
			if err != nil || marked && !m {
				return false
			}
		}
		return true
	}
	switch {
	case all(Bool, false):
		return Bool
	case all(Percent, true):
		return Percent
	case all(Money, true):
		return Money
	case all(Duration, true):
		return Duration
	case all(Number, false):
		return Number
	case all(DateTime, true):
		return DateTime
	case all(Date, false):
		return Date
	}
	return Text
}
