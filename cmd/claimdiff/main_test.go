package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

var update = flag.Bool("update", false, "rewrite testscript golden files (cmp) with actual output")

// TestMain puts this test binary on PATH as claimdiff, for the tests that
// need the real process (signals, stdin, "exec claimdiff" in scripts):
// started under that name, the binary is the CLI. testscript.Main would do
// the same, but it would also claim the script command "claimdiff", which
// runs the CLI in process here.
//
// The tests run with the collector at the command's pace for large
// ledgers (iostreams.PaceTests), as the command itself does.
func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) == "claimdiff" {
		os.Exit(run())
	}
	iostreams.PaceTests()
	os.Exit(withCLIOnPath(m))
}

func withCLIOnPath(m *testing.M) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	bin, err := os.MkdirTemp("", "claimdiff-test-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(bin)
	if err := os.Symlink(exe, filepath.Join(bin, "claimdiff")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	os.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return m.Run()
}

// TestScripts runs the CLI scripts under testdata/script: each is a
// command line with its exact stdout, stderr and exit code.
//
// A script line "claimdiff ARGS" runs the command in this process, which
// costs a fraction of starting the binary: the scripts run the CLI about
// 600 times. "exec claimdiff ARGS" starts the real binary, for what only a
// process shows: stdin, and programs the command starts (git, $EDITOR,
// $PAGER) and what it reads from the process's environment, which only a
// process started by the script shares (see processEnv).
func TestScripts(t *testing.T) {
	// Absolute, because the in-process runs change the process's working
	// directory while other scripts read their files.
	dir, err := filepath.Abs("../../testdata/script")
	if err != nil {
		t.Fatal(err)
	}
	testdata := filepath.Dir(dir)
	testscript.Run(t, testscript.Params{
		Dir:           dir,
		UpdateScripts: *update,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exits":     cmdExits,
			"claimdiff": cmdClaimdiff,
		},
		Setup: func(env *testscript.Env) error {
			// Scripts see no terminal and a clean colour environment.
			env.Setenv("NO_COLOR", "")
			env.Setenv("GITHUB_ACTIONS", "")
			// The example acknowledges a dispute until 2027-03-31; a fixed
			// date keeps the outputs from changing after it.
			env.Setenv("CLAIMDIFF_TODAY", "2026-11-22")
			// Sample inputs shared with package tests, such as
			// testdata/claimreview's fact-checks.
			env.Setenv("TESTDATA", testdata)
			return nil
		},
	})
}

// cmdExits runs claimdiff and checks its exact exit code, since its codes
// mean different things: "exits 2 claimdiff disputed -f bad.yaml" runs it
// in process, "exits 2 exec claimdiff ..." starts the real binary.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE [exec] claimdiff [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got, name := 0, args[1]
	switch {
	case name == "claimdiff":
		got = runInScript(ts, args[2:])
	case name == "exec" && len(args) > 2:
		name = args[2]
		if err := ts.Exec(name, args[3:]...); err != nil {
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				ts.Fatalf("exits: %v", err)
			}
			got = exit.ExitCode()
		}
	default:
		ts.Fatalf("usage: exits CODE [exec] claimdiff [args...]")
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", name, got, want)
	}
}

// cmdClaimdiff runs claimdiff in process: "claimdiff disputed" passes when
// the command exits 0, "! claimdiff lint" when it exits other than 0.
func cmdClaimdiff(ts *testscript.TestScript, neg bool, args []string) {
	code := runInScript(ts, args)
	switch {
	case neg && code == 0:
		ts.Fatalf("unexpected claimdiff success")
	case !neg && code != 0:
		ts.Fatalf("claimdiff exited %d", code)
	}
}

// processEnv are the variables that reach claimdiff, or the programs it
// starts, only through the process's environment, not its Getenv.
var processEnv = []string{"SOURCE_DATE_EPOCH", "EDITOR", "VISUAL", "GIT_CONFIG_GLOBAL", "GIT_CEILING_DIRECTORIES", "GIT_DIR"}

// workingDir is held by the command run in process: it works in the
// script's directory, which is the process's, so one runs at a time. The
// package's other in-process tests never overlap the scripts: those that
// are parallel start only after TestScripts, a sequential test, returns.
var workingDir sync.Mutex

// runInScript runs one claimdiff command line in the script's directory
// and environment, with the streams a process started by the script would
// have (no terminal, empty stdin), and returns its exit code.
func runInScript(ts *testscript.TestScript, args []string) int {
	for _, name := range processEnv {
		if ts.Getenv(name) != os.Getenv(name) {
			ts.Fatalf("the script sets $%s, which claimdiff or a program it starts reads from the process: use 'exec claimdiff'", name)
		}
	}
	workingDir.Lock()
	defer workingDir.Unlock()
	back, err := os.Getwd()
	if err != nil {
		ts.Fatalf("%v", err)
	}
	if err := os.Chdir(ts.MkAbs(".")); err != nil {
		ts.Fatalf("%v", err)
	}
	defer func() {
		if err := os.Chdir(back); err != nil {
			panic(err) // every later test would run in the wrong place
		}
	}()
	ios := &iostreams.IOStreams{
		In: strings.NewReader(""), Out: ts.Stdout(), ErrOut: ts.Stderr(),
		Getenv: ts.Getenv, Dir: ".", ColorMode: "auto",
		Pager: cmp.Or(ts.Getenv("PAGER"), "less -FRX"),
	}
	return runWith(ios, args)
}
