package parquetread

import "testing"

// A decimal whose text could not stay small is refused, not written out.
func TestParquetDecimalBounds(t *testing.T) {
	for _, l := range []Leaf{
		{path: "value", typ: pqFixedLenByteArray, typeLength: maxDecimalBytes + 1, meaning: pqDecimal, scale: 2},
		{path: "value", typ: pqInt64, meaning: pqDecimal, scale: maxDecimalScale + 1},
		{path: "value", typ: pqInt64, meaning: pqDecimal, scale: -1},
		{path: "value", typ: pqDouble, meaning: pqDecimal},
	} {
		if readable(&l, 1<<20) == nil {
			t.Errorf("%+v read", l)
		}
	}
}
