package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/extract"
	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// extract -i adds what the user accepts through add; testscript has no
// terminal, so this runs the command in process with the form replaced.
func TestExtractInteractiveAddsAccepted(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "claims.yaml")
	const head = "ledger: 1\nsources:\n  a: {name: A, kind: outlet, text: a.txt}\ntopics:\n  fire.deaths: {type: number}\nclaims:\n  - {topic: fire.deaths, value: 3, source: a}\n"
	const text = "https://a.example/1\nThe fire killed 3 people. Nearly 40 were injured. It began on March 1, 2026.\n"
	if err := os.WriteFile(ledger, []byte(head), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, _, errOut := iostreams.Test()
	var offered []string
	opts := &extractOptions{IO: ios, Global: &globalOptions{Files: []string{ledger}}, All: true, Interactive: true,
		Decide: func(p *extract.Proposal, _ *claims.Ledger) (decision, error) {
			offered = append(offered, p.Value)
			switch p.Value {
			case "nearly 40":
				p.Topic = "fire.injured" // edited on the terminal
				return accept, nil
			}
			return stop, nil
		}}
	if err := runExtract(opts); err != nil {
		t.Fatal(err)
	}
	// The claimed 3 is not offered; the date after the accepted one stops it.
	if strings.Join(offered, "|") != "nearly 40|March 1, 2026" {
		t.Errorf("offered %q", offered)
	}
	got, _ := os.ReadFile(ledger)
	want := strings.Replace(head, "  fire.deaths: {type: number}\n", "  fire.deaths: {type: number}\n  fire.injured: {type: number}\n", 1) +
		"  - {topic: fire.injured, value: nearly 40, source: a, quote: Nearly 40 were injured.}\n"
	if string(got) != want {
		t.Errorf("ledger is\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(errOut.String(), "1 proposals added") {
		t.Errorf("stderr = %q", errOut.String())
	}
}

func TestExtractInteractiveNeedsTerminal(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	opts := &extractOptions{IO: ios, Global: &globalOptions{Files: []string{"../../testdata/stories/rana-plaza/claims.yaml"}}, All: true, Interactive: true}
	if err := runExtract(opts); err == nil || !strings.Contains(err.Error(), "needs a terminal") {
		t.Errorf("err = %v", err)
	}
}
