package diag

import "testing"

func TestPlain(t *testing.T) {
	for s, want := range map[string]bool{
		"quote": true, "as_of": true, "_x": true, "é": true, "a.b-c9": true,
		"": false, "9a": false, "-a": false, "a b": false, "root:x:0:0:root:/root:/bin/bash": false,
		"a\x1b[31m": false, "0123456789012345678901234567890123456789x": false,
	} {
		if got := Plain(s); got != want {
			t.Errorf("Plain(%q) = %v, want %v", s, got, want)
		}
	}
}
