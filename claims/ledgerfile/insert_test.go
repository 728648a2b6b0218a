package ledgerfile_test

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/claims/load"
)

func TestInsert(t *testing.T) {
	bbc := ledgerfile.Claim{Topic: "t.x", Value: "600,000", Source: "bbc", Date: "2025-11-21"}
	tests := []struct {
		name string
		in   string
		add  ledgerfile.Additions
		want string
	}{{
		name: "block claims, before the comments that lead to the next section",
		in: `ledger: 1
sources:
  bbc: {name: BBC, kind: outlet}
claims:
  # From A.
  - topic: t.x
    value: 1
    source: bbc
    # belongs to the claim above

  # The desk's notes.
disputes:
  t.x: {status: open}
`,
		add: ledgerfile.Additions{Claims: []ledgerfile.Claim{bbc}},
		want: `ledger: 1
sources:
  bbc: {name: BBC, kind: outlet}
claims:
  # From A.
  - topic: t.x
    value: 1
    source: bbc
    # belongs to the claim above
  - topic: t.x
    value: 600,000
    source: bbc
    date: 2025-11-21

  # The desk's notes.
disputes:
  t.x: {status: open}
`,
	}, {
		name: "flow claims stay flow, with flow quoting",
		in: `sources: {bbc: {name: BBC, kind: outlet}}
claims:
- {topic: t.x, value: "1", source: bbc}
`,
		add: ledgerfile.Additions{Claims: []ledgerfile.Claim{bbc, {Topic: "t.x", Value: "yes", Source: "bbc", Via: []string{"a", "b"}, Context: [][2]string{{"z", "1"}, {"a", "x, y"}}}}},
		want: `sources: {bbc: {name: BBC, kind: outlet}}
claims:
- {topic: t.x, value: "1", source: bbc}
- {topic: t.x, value: "600,000", source: bbc, date: 2025-11-21}
- {topic: t.x, value: yes, source: bbc, via: [a, b], context: {a: "x, y", z: 1}}
`,
	}, {
		name: "no claims section: one before disputes and its comment",
		in: `ledger: 1
title: x
# Settled by the desk.
disputes:
  t.x: {status: open}
`,
		add: ledgerfile.Additions{Claims: []ledgerfile.Claim{bbc}},
		want: `ledger: 1
title: x

claims:
  - topic: t.x
    value: 600,000
    source: bbc
    date: 2025-11-21

# Settled by the desk.
disputes:
  t.x: {status: open}
`,
	}, {
		name: "new sources and topics sections, set apart by one blank line",
		in: `ledger: 1

claims:
  - {topic: t.x, value: "1", source: bbc}
`,
		add: ledgerfile.Additions{
			Sources: []ledgerfile.Source{{ID: "bbc", Name: "BBC", Kind: "outlet"}},
			Topics:  []ledgerfile.Topic{{ID: "t.x", Type: "number", Unit: "people"}},
		},
		want: `ledger: 1

sources:
  bbc:
    name: BBC
    kind: outlet

topics:
  t.x:
    type: number
    unit: people

claims:
  - {topic: t.x, value: "1", source: bbc}
`,
	}, {
		name: "entries follow their section's style",
		in: `sources:
  a: {name: A, kind: outlet}
topics:
    t.x:
        type: number   # people
claims: []  # none yet
`,
		add: ledgerfile.Additions{
			Sources: []ledgerfile.Source{{ID: "bbc", Name: "BBC, London", Kind: "outlet", Via: []string{"a"}}},
			Topics:  []ledgerfile.Topic{{ID: "t.y", Type: "choice", Choices: []string{"G7", "G8"}}},
			Claims:  []ledgerfile.Claim{bbc},
		},
		want: `sources:
  a: {name: A, kind: outlet}
  bbc: {name: "BBC, London", kind: outlet, via: a}
topics:
    t.x:
        type: number   # people
    t.y:
        type: choice
        choices: [G7, G8]
claims:  # none yet
  - topic: t.x
    value: 600,000
    source: bbc
    date: 2025-11-21
`,
	}, {
		name: "an empty file",
		in:   "",
		add:  ledgerfile.Additions{Claims: []ledgerfile.Claim{bbc}},
		want: "claims:\n  - topic: t.x\n    value: 600,000\n    source: bbc\n    date: 2025-11-21\n",
	}, {
		name: "no line break at the end",
		in:   "claims:\n  - topic: t.x\n    value: 1\n    source: bbc",
		add:  ledgerfile.Additions{Claims: []ledgerfile.Claim{{Topic: "t.x", Value: "2", Source: "bbc"}}},
		want: "claims:\n  - topic: t.x\n    value: 1\n    source: bbc\n  - topic: t.x\n    value: 2\n    source: bbc",
	}, {
		name: "CRLF line breaks",
		in:   "claims:\r\n  - topic: t.x\r\n    value: 1\r\n    source: bbc\r\n",
		add:  ledgerfile.Additions{Claims: []ledgerfile.Claim{{Topic: "t.x", Value: "2", Source: "bbc"}}},
		want: "claims:\r\n  - topic: t.x\r\n    value: 1\r\n    source: bbc\r\n  - topic: t.x\r\n    value: 2\r\n    source: bbc\r\n",
	}, {
		name: "dash at column 0, fields after one space",
		in:   "claims:\n- topic: t.x\n  value: 1\n  source: bbc\n",
		add:  ledgerfile.Additions{Claims: []ledgerfile.Claim{{Topic: "t.x", Value: "2", Source: "bbc"}}},
		want: "claims:\n- topic: t.x\n  value: 1\n  source: bbc\n- topic: t.x\n  value: 2\n  source: bbc\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edits, err := ledgerfile.Insert([]byte(tt.in), tt.add)
			if err != nil {
				t.Fatal(err)
			}
			got := string(ledgerfile.Apply([]byte(tt.in), edits...))
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestInsertRefusesLayouts(t *testing.T) {
	for _, in := range []string{
		"---\nclaims:\n  - {topic: t.x, value: 1, source: a}\n",
		"claims: [{topic: t.x, value: 1, source: a}]\n",
		"{claims: []}\n",
	} {
		_, err := ledgerfile.Insert([]byte(in), ledgerfile.Additions{Claims: []ledgerfile.Claim{{Topic: "t.x", Value: "2", Source: "a"}}})
		if err == nil || !strings.Contains(err.Error(), "cannot insert") {
			t.Errorf("%q: got %v, want a layout error", in, err)
		}
	}
}

// The example's claims come back byte for byte, with the new one after
// the last.
func TestInsertKeepsTheExample(t *testing.T) {
	in := exampleYAML(t)
	c := ledgerfile.Claim{ID: "bbc/army-cap", Topic: "plan.army-cap", Value: "600,000", Source: "reuters", Via: []string{"we2news"},
		Date: "2025-11-22", Quote: `cap of "600,000" troops`, Context: [][2]string{{"draft", "28-point"}}}
	edits, err := ledgerfile.Insert(in, ledgerfile.Additions{Claims: []ledgerfile.Claim{c}})
	if err != nil {
		t.Fatal(err)
	}
	out := ledgerfile.Apply(in, edits...)
	if len(edits) != 1 || edits[0].Start != edits[0].End {
		t.Fatalf("edits %+v, want one insertion", edits)
	}
	e := edits[0]
	if string(out[:e.Start]) != string(in[:e.Start]) || string(out[e.Start+len(e.Text):]) != string(in[e.Start:]) {
		t.Fatal("bytes outside the insertion changed")
	}
	want := `  - id: bbc/army-cap
    topic: plan.army-cap
    value: 600,000
    source: reuters
    via: we2news
    date: 2025-11-22
    context: {draft: 28-point}
    quote: 'cap of "600,000" troops'
`
	if e.Text != want {
		t.Errorf("inserted\n%s\nwant\n%s", e.Text, want)
	}
	before, after := load.Bytes("claims.yaml", in), load.Bytes("claims.yaml", out)
	if err := ledgerfile.Added(before, after, map[string]ledgerfile.Additions{"claims.yaml": {Claims: []ledgerfile.Claim{c}}}); err != nil {
		t.Fatal(err)
	}
	if got := load.NotScanned(out); len(got) != 1 || got[0] != "topics" {
		// The example's choices with aliases are the one part yaml.v3 reads.
		t.Errorf("the fast path hands %v to yaml.v3, want only topics", got)
	}
}
