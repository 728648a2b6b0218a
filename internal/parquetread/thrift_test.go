package parquetread

import (
	"bytes"
	"strings"
	"testing"
)

// Footers that claim more than their bytes hold are refused before
// anything is made of them.
func TestThriftHoldsCountsToBytes(t *testing.T) {
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		// row_groups (field 4): a list of structs said to hold 2^31-1.
		"huge list": {[]byte{0x49, 0xfc, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00}, "a list in the metadata says it holds 2147483647 entries in 1 bytes"},
		// created_by (field 6): a string said to take a GiB.
		"huge string": {[]byte{0x68, 0x80, 0x80, 0x80, 0x80, 0x04, 'x'}, "the metadata ends too soon"},
		"deep":        {append(bytes.Repeat([]byte{0x1c}, 100), 0), "the metadata nests deeper than 32 levels"},
		"overflow":    {[]byte{0x15, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, "a number in the metadata overflows 64 bits"},
		"cut":         {[]byte{0x19, 0x3c}, "a list in the metadata says it holds 3 entries in 0 bytes"},
	} {
		t.Run(name, func(t *testing.T) {
			r := &thriftReader{b: tc.data}
			m := parseFileMeta(r)
			if r.err == nil || !strings.Contains(r.err.Error(), tc.want) {
				t.Fatalf("err %v, want %q", r.err, tc.want)
			}
			if len(m.rowGroups) > 1 || len(m.schema) > 1 {
				t.Fatalf("made %d row groups, %d schema elements", len(m.rowGroups), len(m.schema))
			}
		})
	}
}
