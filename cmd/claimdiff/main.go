// Command claimdiff compares claims that sources make about a story: it
// finds which agree, which contradict, and how much independent support
// each side has.
package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/claimdiff/claimdiff/internal/atomicfile"
)

func main() {
	os.Exit(run())
}

// handleSignals makes SIGINT and SIGTERM remove the temporary files of
// -o writes in progress before the process exits, which a half-written
// report would otherwise leave as .tmp- files. Only the real process
// installs it (run); commands run in tests do not.
func handleSignals(errOut io.Writer) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			os.Exit(interrupted(sig, errOut))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// interrupted cleans up after sig and returns the exit code: 128 plus the
// signal's number, as a shell reports a process the signal killed.
func interrupted(sig os.Signal, errOut io.Writer) int {
	removed := atomicfile.Abandon()
	for _, name := range removed {
		fmt.Fprintf(errOut, "claimdiff: interrupted; %s was not written\n", name)
	}
	if len(removed) == 0 {
		fmt.Fprintln(errOut, "claimdiff: interrupted")
	}
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}
