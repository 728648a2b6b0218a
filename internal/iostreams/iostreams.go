// Package iostreams carries a command's input, output and what is known
// about the terminal, so that commands never touch os.Stdout directly and
// tests can run them in process with buffers.
package iostreams

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/x/term"
)

// IOStreams is what a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY say whether Out and ErrOut are terminals: colour,
	// carets and progress appear only there.
	OutTTY, ErrTTY bool
	// InTTY says whether In is a terminal. Commands ask questions only
	// when In and ErrOut both are, never of a pipe or a CI job.
	InTTY bool
	// Getenv reads the environment (NO_COLOR, GITHUB_ACTIONS); tests replace it.
	Getenv func(string) string
	// Dir is the working directory, where a default ledger is looked for.
	Dir string
	// ColorMode is auto, always or never, from --color.
	ColorMode string
	// TermWidth is the width of the terminal Out is, or 0.
	TermWidth int
	// BoundMemory, when set, tells the runtime how much memory the work
	// at hand needs. Only the real process sets it: it changes settings
	// of the whole process, which commands run in tests must not touch.
	BoundMemory func(need int64)
	// Pager is the command that long output goes through when Out is a
	// terminal, as git does: $PAGER, else "less -FRX" (which quits at
	// once when the output fits the screen). Only System sets it; "" or
	// "cat" means none, and --no-pager clears it.
	Pager string

	pager    *exec.Cmd
	pagerIn  io.WriteCloser
	pagedOut io.Writer
}

// System returns the process's own streams.
func System() *IOStreams {
	width := 0
	if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil {
		width = w
	}
	pager, ok := os.LookupEnv("PAGER")
	if !ok {
		pager = "less -FRX"
	}
	return &IOStreams{
		TermWidth: width, Pager: pager,
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY: isTerminal(os.Stdout), ErrTTY: isTerminal(os.Stderr), InTTY: isTerminal(os.Stdin),
		// "." keeps file names in output relative, as code scanning and
		// editors expect, rather than absolute.
		Getenv: os.Getenv, Dir: ".", ColorMode: "auto",
		BoundMemory: boundMemory,
	}
}

// boundMemory bounds the heap by what the work needs rather than by how
// fast it grows: see paceCollector.
func boundMemory(need int64) { paceCollector(256<<20 + need) }

// paceCollector bounds the heap by limit, a soft limit of what the work
// at hand needs, rather than by how fast it grows. Under that limit the
// collector may wait longer between cycles (GOGC 400), which saves a
// fifth of the time on a million claims without raising the peak.
// GOMEMLIMIT and GOGC, when set, win.
func paceCollector(limit int64) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(limit)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// PaceTests is paceCollector for the TestMain of packages whose tests
// read large ledgers, so that they run as the command does, a fifth
// faster: 2 GiB holds the largest of the full-size runs
// (CLAIMDIFF_FULL_TESTS) with room.
func PaceTests() { paceCollector(2 << 30) }

// Test returns streams backed by buffers, with no terminal and an empty
// environment.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{
		In: in, Out: out, ErrOut: errOut,
		Getenv: func(string) string { return "" }, Dir: ".", ColorMode: "auto",
	}, in, out, errOut
}

// StartPager sends Out through the pager until StopPager, when Out is a
// terminal and there is a pager to run. When the pager cannot start, the
// output goes to the terminal as it is.
func (s *IOStreams) StartPager() error {
	args := strings.Fields(s.Pager)
	if !s.OutTTY || len(args) == 0 || args[0] == "cat" || s.pager != nil {
		return nil
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = s.Out, s.ErrOut
	if extra := pagerEnv(s.Getenv); len(extra) > 0 {
		cmd.Env = append(os.Environ(), extra...)
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil
	}
	if err := cmd.Start(); err != nil {
		return nil
	}
	s.pager, s.pagerIn, s.pagedOut = cmd, in, s.Out
	s.Out = quitWriter{in}
	return nil
}

// pagerDefaults are what git gives its pager when the user has not
// chosen: less without R shows colour as raw "ESC[1;94m", without F it
// holds one screen of output open, and without X it clears the screen on
// leaving. LV=-c is the same for lv.
var pagerDefaults = [][2]string{{"LESS", "FRX"}, {"LV", "-c"}}

// pagerEnv returns the variables to add to the pager's environment: each
// of pagerDefaults that getenv says is unset.
func pagerEnv(getenv func(string) string) []string {
	var out []string
	for _, kv := range pagerDefaults {
		if getenv == nil || getenv(kv[0]) == "" {
			out = append(out, kv[0]+"="+kv[1])
		}
	}
	return out
}

// StopPager waits for the reader to leave the pager, and gives Out back.
func (s *IOStreams) StopPager() {
	if s.pager == nil {
		return
	}
	_ = s.pagerIn.Close()
	_ = s.pager.Wait()
	s.Out, s.pager, s.pagerIn, s.pagedOut = s.pagedOut, nil, nil, nil
}

// quitWriter drops what is written after the reader quit the pager,
// which is no error of the command's.
type quitWriter struct{ w io.Writer }

func (q quitWriter) Write(p []byte) (int, error) {
	n, err := q.w.Write(p)
	if err != nil && (errors.Is(err, os.ErrClosed) || errors.Is(err, io.ErrClosedPipe) || isBrokenPipe(err)) {
		return len(p), nil
	}
	return n, err
}

// CanPrompt says whether a command may ask the user something: stdin and
// stderr are both terminals.
func (s *IOStreams) CanPrompt() bool { return s.InTTY && s.ErrTTY }

// ColorEnabled says whether Out may carry ANSI colour. An explicit
// --color=always wins over NO_COLOR, as a flag given now is the more
// specific wish; auto colours only a terminal and only without NO_COLOR.
func (s *IOStreams) ColorEnabled() bool { return s.colorFor(s.OutTTY) }

// ErrColorEnabled is ColorEnabled for ErrOut.
func (s *IOStreams) ErrColorEnabled() bool { return s.colorFor(s.ErrTTY) }

func (s *IOStreams) colorFor(tty bool) bool {
	switch s.ColorMode {
	case "always":
		return true
	case "never":
		return false
	}
	return tty && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}

// isTerminal reports whether f is a terminal, as the terminal driver
// says. Being a character device is not enough: /dev/null is one, and
// `lint > /dev/null` must not get snippets, a pager or colour.
func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }
