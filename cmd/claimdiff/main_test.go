package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite testscript golden files (cmp) with actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"claimdiff": func() { os.Exit(run()) },
	})
}

// TestScripts runs the CLI scripts under testdata/script: each is a
// command line with its exact stdout, stderr and exit code.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"exits": cmdExits},
		Setup: func(env *testscript.Env) error {
			// Scripts see no terminal and a clean colour environment.
			env.Setenv("NO_COLOR", "")
			env.Setenv("GITHUB_ACTIONS", "")
			// The example acknowledges a dispute until 2027-03-31; a fixed
			// date keeps the outputs from changing after it.
			env.Setenv("CLAIMDIFF_TODAY", "2026-11-22")
			// Sample inputs shared with package tests, such as
			// testdata/claimreview's fact-checks.
			testdata, err := filepath.Abs("../../testdata")
			if err != nil {
				return err
			}
			env.Setenv("TESTDATA", testdata)
			return nil
		},
	})
}

// cmdExits runs a program and checks its exact exit code, since claimdiff's
// codes mean different things: "exits 2 claimdiff disputed -f bad.yaml".
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exits: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}
