package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/internal/gen"
)

// SIGINT or SIGTERM while report -o writes leaves no .tmp- file and no
// report, and the process exits as the signal's number says. The real
// process is run (testscript puts it on PATH), since only it installs the
// handler; the signal is sent once the temporary file is seen.
func TestInterruptedReportLeavesNoTemp(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	bin, err := exec.LookPath("claimdiff")
	if err != nil {
		t.Skip("claimdiff is not on PATH:", err)
	}
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "claims.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.YAML(f, gen.Options{Claims: 50_000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			// A write that ends before the signal lands is tried again;
			// every try that is interrupted must leave nothing behind.
			for try := 0; ; try++ {
				if interruptReport(t, bin, dir, sig) {
					return
				}
				if try == 5 {
					t.Skip("the report was always written before the signal landed")
				}
			}
		})
	}
}

// interruptReport runs report -o in dir and sends sig while the report's
// temporary file exists; false means the report was done first.
func interruptReport(t *testing.T, bin, dir string, sig syscall.Signal) bool {
	out := filepath.Join(dir, "out.html")
	os.Remove(out)
	cmd := exec.Command(bin, "report", "-o", "out.html", "-o", "out.json", "-o", "out.md")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	sent := false
	for !sent {
		select {
		case <-exited:
			for _, name := range []string{"out.html", "out.json", "out.md"} {
				os.Remove(filepath.Join(dir, name))
			}
			return false
		default:
		}
		if temps(t, dir) > 0 {
			if cmd.Process.Signal(sig) != nil {
				continue // it has just exited
			}
			sent = true
		}
		time.Sleep(100 * time.Microsecond)
	}
	err := <-exited
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		// Done in the moment between seeing the file and the signal.
		return false
	}
	if got, want := exit.ExitCode(), 128+int(sig); got != want && !exit.Exited() {
		t.Errorf("killed by the signal (%v) rather than exiting %d", err, want)
	} else if got != want {
		t.Errorf("exit code %d, want %d; stderr %q", got, want, stderr.String())
	}
	if n := temps(t, dir); n > 0 {
		t.Errorf("%d temporary files left behind", n)
	}
	if !strings.Contains(stderr.String(), "claimdiff: interrupted; out.") {
		t.Errorf("stderr %q", stderr.String())
	}
	return true
}

func temps(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			n++
		}
	}
	return n
}
