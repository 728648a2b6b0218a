// Package progress draws a one-line progress report on a terminal while a
// long load runs, so a user waiting on a million claims sees that claimdiff
// is working. It says nothing for the first second, when a report would
// only flicker, and nothing at all when its output is not a terminal.
package progress

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

const (
	// quiet is how long a load runs before the bar appears.
	quiet = time.Second
	// every is the least time between two redraws.
	every = 100 * time.Millisecond
	// maxWhat caps the name shown, so the line does not wrap on a narrow
	// terminal; a wrapped line cannot be redrawn in place.
	maxWhat = 40
)

// Bar reports how many bytes of a total are done. A nil *Bar, or one made
// disabled, does nothing, so callers need not check.
type Bar struct {
	w    io.Writer
	what string
	now  func() time.Time

	start time.Time
	done  atomic.Int64
	total atomic.Int64
	// next is when the next redraw may happen, in nanoseconds since
	// start; Set calls race for it with compare-and-swap, so only one of
	// many concurrent callers draws.
	next atomic.Int64
	// mu orders writes to w: a redraw and Done must not interleave.
	mu     sync.Mutex
	drawn  bool
	closed bool
}

// New returns a bar that writes to w (stderr) about loading what (a file
// name). enabled should be true only when w is a terminal.
func New(w io.Writer, enabled bool, what string) *Bar {
	return newBar(w, enabled, what, time.Now)
}

func newBar(w io.Writer, enabled bool, what string, now func() time.Time) *Bar {
	if !enabled {
		return nil
	}
	b := &Bar{w: w, what: shorten(safetext.Line(what)), now: now, start: now()}
	b.next.Store(int64(quiet))
	return b
}

// Set records that done of total bytes are read, and redraws the line if
// the load has run for a second and the last redraw is a tenth of a second
// old. It is safe to call from many goroutines at once.
func (b *Bar) Set(done, total int64) {
	if b == nil {
		return
	}
	b.done.Store(done)
	b.total.Store(total)
	elapsed := int64(b.now().Sub(b.start))
	next := b.next.Load()
	if elapsed < next || !b.next.CompareAndSwap(next, elapsed+int64(every)) {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.drawn = true
	fmt.Fprintf(b.w, "\r%s\x1b[K", b.line(b.done.Load(), b.total.Load()))
}

// Done clears the line, if one was drawn, so what follows starts clean.
// Later calls to Set draw nothing.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn && !b.closed {
		fmt.Fprint(b.w, "\r\x1b[K")
	}
	b.closed = true
}

// line is the text of the bar: "loading claims.yaml: 45% (67 MB of 150 MB)".
func (b *Bar) line(done, total int64) string {
	if total <= 0 {
		return fmt.Sprintf("loading %s: %s", b.what, sizeOf(done))
	}
	done = min(max(done, 0), total)
	return fmt.Sprintf("loading %s: %d%% (%s of %s)", b.what, done*100/total, sizeOf(done), sizeOf(total))
}

// sizeOf writes a size the way a progress line needs it: short and steady.
func sizeOf(n int64) string {
	switch {
	case n >= 10_000_000:
		return fmt.Sprintf("%d MB", n/1_000_000)
	case n >= 1_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1_000:
		return fmt.Sprintf("%d kB", n/1_000)
	}
	return fmt.Sprintf("%d B", n)
}

// shorten keeps the end of a long name, which is the part that tells
// files apart.
func shorten(s string) string {
	r := []rune(s)
	if len(r) <= maxWhat {
		return s
	}
	return "…" + string(r[len(r)-maxWhat+1:])
}
