package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/ledgeredit"
)

// On a terminal, add asks for what the flags left out; testscript has no
// terminal, so this runs the command in process with the form replaced.
func TestAddAsksForMissingFields(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "claims.yaml")
	const text = "ledger: 1\nsources:\n  a: {name: A, kind: outlet}\ntopics:\n  t.x: {type: number}\nclaims:\n  - {topic: t.x, value: 1, source: a}\n"
	if err := os.WriteFile(ledger, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	var offered []string
	opts := &addOptions{IO: ios, Global: &globalOptions{Files: []string{ledger}}, Flags: ledgeredit.Flags{Value: "2"},
		Ask: func(o *addOptions, l *claims.Ledger) error {
			offered = l.TopicOrder
			o.Topic, o.Source = "t.x", "a"
			return nil
		}}
	if err := runAdd(opts); err != nil {
		t.Fatal(err)
	}
	if len(offered) != 1 || offered[0] != "t.x" {
		t.Errorf("the form was offered topics %v, want [t.x]", offered)
	}
	got, _ := os.ReadFile(ledger)
	if want := text + "  - {topic: t.x, value: 2, source: a}\n"; string(got) != want {
		t.Errorf("ledger is\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(out.String(), "+ t.x@a") {
		t.Errorf("stdout = %q", out.String())
	}
}
