package bulk

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// Strings from the arena must keep their text while the arena makes more,
// whatever the buffer they were made from holds next.
func TestTextArenaKeepsText(t *testing.T) {
	t.Parallel()
	var a textArena
	var made []string
	var want []string
	buf := []byte{}
	for i := range 20000 {
		n := i % (arenaMax + 40) // some beyond arenaMax, some empty
		buf = append(buf[:0], bytes.Repeat([]byte{byte('a' + i%26)}, n)...)
		buf = fmt.Appendf(buf, "#%d", i)
		made = append(made, a.string(buf))
		want = append(want, string(buf))
		clear(buf) // the caller reuses its buffer
	}
	for i := range made {
		if made[i] != want[i] {
			t.Fatalf("string %d changed: %q, want %q", i, diag.Clip(made[i], 20), diag.Clip(want[i], 20))
		}
	}
	if got := a.string(nil); got != "" {
		t.Errorf("string(nil) = %q", got)
	}
	if got := a.string([]byte(strings.Repeat("x", arenaMax+1))); len(got) != arenaMax+1 {
		t.Errorf("a long text came back %d bytes long", len(got))
	}
}
