package progress

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a fake time that tests move by hand.
type clock struct{ ns atomic.Int64 }

func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()) }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// syncBuffer is a buffer safe for the concurrent test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func TestBar(t *testing.T) {
	var c clock
	var out bytes.Buffer
	b := newBar(&out, true, "claims.yaml", c.now)
	step := func(d time.Duration, done int64, want string) {
		t.Helper()
		out.Reset()
		c.advance(d)
		b.Set(done, 150_000_000)
		if out.String() != want {
			t.Fatalf("after %v more: wrote %q, want %q", d, out.String(), want)
		}
	}
	step(0, 1_000_000, "")
	step(900*time.Millisecond, 10_000_000, "") // still within the first second
	step(100*time.Millisecond, 67_500_000, "\rloading claims.yaml: 45% (67 MB of 150 MB)\x1b[K")
	step(50*time.Millisecond, 70_000_000, "") // too soon to redraw
	step(50*time.Millisecond, 150_000_000, "\rloading claims.yaml: 100% (150 MB of 150 MB)\x1b[K")

	out.Reset()
	b.Done()
	if out.String() != "\r\x1b[K" {
		t.Fatalf("Done wrote %q, want the line cleared", out.String())
	}
	out.Reset()
	c.advance(time.Second)
	b.Set(1, 2)
	b.Done()
	if out.Len() != 0 {
		t.Fatalf("after Done: wrote %q", out.String())
	}
}

func TestBarQuick(t *testing.T) {
	// A load that ends within a second shows nothing, not even a clear.
	var c clock
	var out bytes.Buffer
	b := newBar(&out, true, "claims.yaml", c.now)
	b.Set(10, 100)
	c.advance(500 * time.Millisecond)
	b.Set(100, 100)
	b.Done()
	if out.Len() != 0 {
		t.Fatalf("wrote %q", out.String())
	}
}

func TestBarDisabled(t *testing.T) {
	var out bytes.Buffer
	b := New(&out, false, "claims.yaml")
	if b != nil {
		t.Fatal("a disabled bar is not nil")
	}
	b.Set(1, 2) // a nil bar must be safe to use
	b.Done()
	if out.Len() != 0 {
		t.Fatalf("wrote %q", out.String())
	}
}

func TestLine(t *testing.T) {
	tests := []struct {
		what        string
		done, total int64
		want        string
	}{
		{"a.csv", 512, 2048, "loading a.csv: 25% (512 B of 2 kB)"},
		{"a.csv", 1_500_000, 3_000_000, "loading a.csv: 50% (1.5 MB of 3.0 MB)"},
		{"a.csv", 5_000, 0, "loading a.csv: 5 kB"},
		{"a.csv", 200, 100, "loading a.csv: 100% (100 B of 100 B)"},
		{"evil\x1b]0;pwned\a\n.yaml", 1, 2, "loading evil .yaml: 50% (1 B of 2 B)"},
		{strings.Repeat("d/", 30) + "claims.yaml", 1, 2, "loading …" + strings.Repeat("d/", 14) + "claims.yaml: 50% (1 B of 2 B)"},
	}
	for _, tt := range tests {
		b := newBar(&bytes.Buffer{}, true, tt.what, time.Now)
		if got := b.line(tt.done, tt.total); got != tt.want {
			t.Errorf("line(%q, %d, %d) = %q, want %q", tt.what, tt.done, tt.total, got, tt.want)
		}
	}
}

// Many goroutines report at once, as the parallel loader does: every
// redraw comes out whole, and at most one per tenth of a second.
func TestBarConcurrent(t *testing.T) {
	var c clock
	var out syncBuffer
	b := newBar(&out, true, "claims.yaml", c.now)
	c.advance(time.Second)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 1000 {
				if g == 0 && i%100 == 0 {
					c.advance(every)
				}
				b.Set(int64(i), 1000)
			}
		})
	}
	wg.Wait()
	b.Done()
	draws := strings.Split(strings.TrimSuffix(out.String(), "\r\x1b[K"), "\x1b[K")
	draws = draws[:len(draws)-1] // after the last \x1b[K
	if len(draws) == 0 || len(draws) > 11 {
		t.Fatalf("%d redraws for 10 ticks of the clock: %q", len(draws), out.String())
	}
	for _, d := range draws {
		if !strings.HasPrefix(d, "\rloading claims.yaml: ") || strings.Count(d, "\r") != 1 {
			t.Fatalf("torn redraw %q", d)
		}
	}
}
