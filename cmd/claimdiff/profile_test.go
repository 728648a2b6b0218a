package main

import (
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// The hidden profiling flags write pprof files that the go tool reads,
// and stay out of help.
func TestProfileFlags(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	ios, _, out, errOut := iostreams.Test()
	if code := runWith(ios, []string{"resolve", "--cpuprofile", cpu, "--memprofile", mem}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out.Len() == 0 {
		t.Error("resolve printed nothing with profiling on")
	}
	for _, name := range []string{cpu, mem} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		f.Close()
		if st.Size() == 0 {
			t.Errorf("%s is empty", filepath.Base(name))
		}
	}
	// The CPU profile ended with the command: another may start.
	if err := pprof.StartCPUProfile(new(strings.Builder)); err != nil {
		t.Errorf("the CPU profile is still running: %v", err)
	} else {
		pprof.StopCPUProfile()
	}

	ios, _, out, _ = iostreams.Test()
	runWith(ios, []string{"resolve", "--help"})
	if strings.Contains(out.String(), "profile") {
		t.Errorf("help names the hidden profiling flags:\n%s", out)
	}
	ios, _, _, errOut = iostreams.Test()
	if code := runWith(ios, []string{"resolve", "--cpuprofile", filepath.Join(dir, "no", "such", "cpu.prof")}); code != 2 {
		t.Errorf("an unwritable profile exits %d, want 2: %s", code, errOut)
	}
}
