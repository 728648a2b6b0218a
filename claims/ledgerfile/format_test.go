package ledgerfile_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// The built-in example is in the canonical layout already.
func TestFormatKeepsTheExample(t *testing.T) {
	in := exampleYAML(t)
	out, err := ledgerfile.Format("claims.yaml", in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, in) {
		t.Errorf("the example changed:\n%s", out)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ name, in, want string }{{
		name: "key order, quoting, flow claims to blocks, comments kept and aligned",
		in: `# yaml-language-server: $schema=./ledger.schema.json
title: "The plan"
ledger: 1    # format version

claims:
  # From Reuters.
  - {source: reuters, value: '600,000', topic: plan.army-cap, id: reuters/cap, quote: "limit: 600,000"}   # as printed
  - topic: plan.army-cap
    source: axios
    via: [ 'novaya-gazeta' ]
    value: half of ukraine.army-size
    context: {z: 1, a: "2"}


  - topic: plan.army-cap
    value: "~600,000"
    source: we2news
    # we2news rounds
sources: {reuters: {kind: wire, name: Reuters}, axios: {name: Axios, kind: outlet},
  novaya-gazeta: {name: Novaya Gazeta, kind: outlet}, we2news: {name: we2news, kind: outlet}}
topics:
  plan.army-cap: {tolerance: 1%, type: number}
  ukraine.army-size:
    type: number
    question: >-
      How large are Ukraine's
      armed forces?
`,
		want: `# yaml-language-server: $schema=./ledger.schema.json
ledger: 1  # format version
title: The plan

sources:
  reuters:
    name: Reuters
    kind: wire
  axios:
    name: Axios
    kind: outlet
  novaya-gazeta:
    name: Novaya Gazeta
    kind: outlet
  we2news:
    name: we2news
    kind: outlet

topics:
  plan.army-cap:
    type: number
    tolerance: 1%
  ukraine.army-size:
    question: >-
      How large are Ukraine's
      armed forces?
    type: number

claims:
  # From Reuters.
  - id: reuters/cap  # as printed
    topic: plan.army-cap
    value: 600,000
    source: reuters
    quote: "limit: 600,000"
  - topic: plan.army-cap
    value: half of ukraine.army-size
    source: axios
    via: [novaya-gazeta]
    context: {a: 2, z: 1}

  - topic: plan.army-cap
    value: "~600,000"
    source: we2news
    # we2news rounds
`,
	}, {
		name: "block scalars stay blocks, their lines as written, moved to the layout's indentation",
		in: `ledger: 1
description: |
    The library's hours.
      Indented more.

    After a blank line.
sources:
  wire:
    description: >-   # folded
        one line
        continues

        new paragraph
    kind: wire
    name: W
claims:
  - note: |
      line one
      line two
    topic: t
    value: 1
    source: wire
  - quote: |2
        starts indented
      then not
    topic: t
    value: 2
    source: wire
  - note: |+
      kept

    topic: t
    value: 3
    source: wire
`,
		want: `ledger: 1
description: |
  The library's hours.
    Indented more.

  After a blank line.

sources:
  wire:
    name: W
    kind: wire
    description: >-  # folded
      one line
      continues

      new paragraph

claims:
  - topic: t
    value: 1
    source: wire
    note: |
      line one
      line two
  - topic: t
    value: 2
    source: wire
    quote: |2
        starts indented
      then not
  - topic: t
    value: 3
    source: wire
    note: "kept\n\n"
`,
	}, {
		name: "a canonical file is left as it is",
		in:   "ledger: 1\n\nclaims:\n  - topic: t\n    value: 1\n    source: a\n",
		want: "ledger: 1\n\nclaims:\n  - topic: t\n    value: 1\n    source: a\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ledgerfile.Format("l.yaml", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if ns := load.NotScanned(got); len(ns) > 0 && !blockScalar.Match(got) {
				t.Errorf("the fast path hands %v to yaml.v3", ns)
			}
		})
	}
}

func TestFormatRefuses(t *testing.T) {
	tests := []struct{ name, in, why string }{
		{"anchors", "ledger: 1\nsources:\n  a: &s {name: A, kind: outlet}\n  b: *s\n", "anchor"},
		{"not YAML", "ledger: [1\n", "not valid YAML"},
		{"several documents", "ledger: 1\n---\nledger: 1\n", "several"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ledgerfile.Format("l.yaml", []byte(tt.in))
			if !errors.Is(err, ledgerfile.ErrCannotFormat) || !strings.Contains(err.Error(), tt.why) {
				t.Errorf("got %v, want a refusal naming %q", err, tt.why)
			}
		})
	}
	// yaml.v3's error stays a cause of the refusal, for callers that
	// want it.
	_, err := ledgerfile.Format("l.yaml", []byte("ledger: [1\n"))
	if u, ok := err.(interface{ Unwrap() []error }); !ok || len(u.Unwrap()) != 2 || errors.Is(u.Unwrap()[1], ledgerfile.ErrCannotFormat) {
		t.Errorf("the YAML error is not kept as a cause: %#v", err)
	}
	in := []byte("ledger: 1\nclaims:\n  - {topic: t, value: 1}\n")
	_, err = ledgerfile.FormatFile("l.yaml", in, load.Bytes("l.yaml", in).Problems)
	if !errors.Is(err, ledgerfile.ErrHasErrors) {
		t.Errorf("a file with errors: got %v", err)
	}
}

// blockScalar finds a | or > block scalar, which fmt keeps and the fast
// scanner hands to yaml.v3: the one part of the layout it does not read.
var blockScalar = regexp.MustCompile(`(?m): [|>][-+1-9]*[ \t]*(#.*)?$`)

// fmt's promises, on any input: a file with errors is never touched; a
// formatted file loads to the same ledger claim by claim, keeps every
// comment, and formats to itself; and the fast loader reads all of it.
func FuzzFormat(f *testing.F) {
	f.Add(exampleYAML(f))
	files, _ := filepath.Glob("../../testdata/ledgers/*/*.y*ml")
	more, _ := filepath.Glob("../../testdata/ledgers/*/*/*.y*ml")
	for _, name := range append(files, more...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"ledger: 1\nclaims:\n- {topic: t, value: '1', source: a}   # c\n# foot\n\n# head\n- topic: t\n  value: 2\n  source: a\n",
		"# doc\n\n# head\nledger: 1 # v\n\n# lonely\n\nsources:\n  a: {name: A, kind: outlet} # c\n  # foot\n",
		"ledger: 1\ntopics:\n  t:\n    type: choice\n    choices:\n      - x  # one\n      - y: [z]\n",
		"ledger: 1\nsources:\n  a:\n    name: |\n      # not a comment\n      text\n    kind: outlet\n",
		"# top\n#\n# more\nledger: 1 # version\ntitle: x\n\nsources:\n  # The five.\n  a:\n    name: A   # line\n    # inside\n    kind: outlet\n\n  # Others.\n  b: {name: B, kind: wire}  # flow line\n  # trailing\n\ntopics:\n  t.x: {type: number}\n\nclaims:\n  # From A.\n  - id: a/1\n    topic: t.x\n    value: 1\n    source: a\n\n  - {topic: t.x, value: 2, source: b}   # c2\n  # footer\n\n  # From B.\n  - topic: t.x\n    value: 3\n    source: b\n# end\n",
		"ledger: 1\nclaims:\n  - topic: x # lc\n    # before value\n    value: 2\n    via: [a,   # in flow\n      b]\n    source: b\n    quote: |\n      # not a comment\n      text\n  # trailing after quote\ndisputes:\n  x: {status: open}\n# final\n\n# final2\n",
		"ledger: 1\nclaims:\n  -   # dash comment\n    topic: x\n    value: 2\n    source: r\n  - {topic: x, value: 3,\n     source: r}  # multi\n",
		"ledger: 1\nclaims:\n- topic: t\n  value: \"600,000\"\n  source: a\n  context:\n    where: square   # c\n    when: noon\n  denies: yes\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		l := load.Bytes("f.yaml", in)
		out, err := ledgerfile.FormatFile("f.yaml", in, l.Problems)
		if diag.HasErrors(l.Problems, false) {
			if err == nil || out != nil {
				t.Fatalf("a file with errors was formatted")
			}
			return
		}
		if err != nil {
			if !errors.Is(err, ledgerfile.ErrCannotFormat) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if a, b := ledgerfile.Meaning(l), ledgerfile.Meaning(load.Bytes("f.yaml", out)); a != b {
			t.Fatalf("the meaning changed:\n%s\n---\n%s", a, b)
		}
		again, err := ledgerfile.Format("f.yaml", out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not idempotent (%v):\n%s\n---\n%s", err, out, again)
		}
		if ns := load.NotScanned(out); len(ns) > 0 && !(len(ns) == 1 && ns[0] == "topics") && !blockScalar.Match(out) {
			t.Errorf("the fast path hands %v to yaml.v3:\n%s", ns, out)
		}
	})
}

// FuzzFormatLedger is FuzzFormat on ledgers laid out as people write
// them, from genLedger: each must format, keeping its meaning and every
// comment, to a layout that formats to itself.
func FuzzFormatLedger(f *testing.F) {
	for i := range 64 {
		f.Add([]byte{byte(i), byte(i * 7), byte(i * 13), 1, 2, 3, byte(i * 31), 0, 5})
	}
	f.Fuzz(func(t *testing.T, choices []byte) {
		in := []byte(genLedger(&byteStream{choices}))
		l := load.Bytes("f.yaml", in)
		if diag.HasErrors(l.Problems, false) {
			t.Fatalf("the generator wrote a ledger with errors: %v\n%s", l.Problems, in)
		}
		out, err := ledgerfile.FormatFile("f.yaml", in, l.Problems)
		if err != nil {
			t.Fatalf("%v\n%s", err, in)
		}
		if a, b := ledgerfile.Meaning(l), ledgerfile.Meaning(load.Bytes("f.yaml", out)); a != b {
			t.Fatalf("the meaning changed:\n%s\n---\n%s", a, b)
		}
		if again, err := ledgerfile.Format("f.yaml", out); err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not idempotent (%v):\n%s", err, out)
		}
	})
}
