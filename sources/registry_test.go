package sources

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// ledger builds a registry from "id: via via ..." specs; each source is on
// its own line of ledger.yaml, and via entry i at column 10+i.
func ledger(t *testing.T, specs ...string) *Registry {
	t.Helper()
	r := NewRegistry()
	for line, spec := range specs {
		var id string
		var via []string
		for i, f := range splitFields(spec) {
			if i == 0 {
				id = f
				continue
			}
			via = append(via, f)
		}
		s := &Source{ID: id, Via: via, Pos: diag.Pos{File: "ledger.yaml", Line: line + 1, Col: 3}}
		for i := range via {
			s.ViaPos = append(s.ViaPos, diag.Pos{File: "ledger.yaml", Line: line + 1, Col: 10 + i})
		}
		if old := r.Add(s); old != nil {
			t.Fatalf("duplicate id %q in test ledger", id)
		}
	}
	return r
}

func splitFields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ':' })
}

func TestRegistryAdd(t *testing.T) {
	r := NewRegistry()
	first := &Source{ID: "reuters", Name: "Reuters"}
	if old := r.Add(first); old != nil {
		t.Fatalf("first Add returned %v", old)
	}
	if old := r.Add(&Source{ID: "ap"}); old != nil {
		t.Fatalf("second id returned %v", old)
	}
	if old := r.Add(&Source{ID: "reuters", Name: "Reuters again"}); old != first {
		t.Fatalf("duplicate Add returned %v, want the first definition", old)
	}
	if r.Add(nil) != nil || r.Len() != 2 {
		t.Fatalf("Len = %d after a duplicate and a nil, want 2", r.Len())
	}
	if got := r.Get("reuters"); got != first {
		t.Errorf("Get(reuters) = %v, want the first definition", got)
	}
	if r.Get("afp") != nil {
		t.Errorf("Get of an unknown id is not nil")
	}
	var ids []string
	for _, s := range r.All() {
		ids = append(ids, s.ID)
	}
	if !slices.Equal(ids, []string{"reuters", "ap"}) {
		t.Errorf("All() = %v, want definition order", ids)
	}

	var zero Registry
	zero.Add(&Source{ID: "x"})
	var nilReg *Registry
	if zero.Get("x") == nil || nilReg.Get("x") != nil || nilReg.Len() != 0 || nilReg.All() != nil || nilReg.Check() != nil {
		t.Errorf("zero or nil registry misbehaves")
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name  string
		specs []string
		want  []string // "pos code message", in order
		hints []string
	}{
		{
			name:  "clean",
			specs: []string{"us-official: reuters", "reuters", "reopen: reuters us-official"},
		},
		{
			name:  "unknown via",
			specs: []string{"us-official: reuter", "reuters"},
			want:  []string{`ledger.yaml:1:10 unknown-source source "us-official" has via "reuter", which is not a defined source`},
			hints: []string{`did you mean "reuters"?`},
		},
		{
			name:  "unknown via without a near miss",
			specs: []string{"a: b zzz", "b"},
			want:  []string{`ledger.yaml:1:11 unknown-source source "a" has via "zzz", which is not a defined source`},
			hints: []string{""},
		},
		{
			name:  "self cycle",
			specs: []string{"a: a"},
			want:  []string{`ledger.yaml:1:10 via-cycle source "a" reaches itself through via: a -> a`},
		},
		{
			name:  "two-cycle",
			specs: []string{"a: b", "b: a"},
			want:  []string{`ledger.yaml:2:10 via-cycle source "b" reaches itself through via: b -> a -> b`},
		},
		{
			name:  "three-cycle reported once",
			specs: []string{"a: b", "b: c", "c: a", "d: a"},
			want:  []string{`ledger.yaml:3:10 via-cycle source "c" reaches itself through via: c -> a -> b -> c`},
		},
		{
			name:  "two separate cycles",
			specs: []string{"a: b", "b: a", "c: d x", "d: c"},
			want: []string{
				`ledger.yaml:3:11 unknown-source source "c" has via "x", which is not a defined source`,
				`ledger.yaml:2:10 via-cycle source "b" reaches itself through via: b -> a -> b`,
				`ledger.yaml:4:10 via-cycle source "d" reaches itself through via: d -> c -> d`,
			},
			hints: []string{"", "", ""},
		},
		{
			name:  "shared target is no cycle",
			specs: []string{"a: b c", "b: c", "c"},
		},
		{
			name:  "via position missing falls back to the source",
			specs: nil, // built below
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ledger(t, tt.specs...)
			if tt.specs == nil {
				r.Add(&Source{ID: "lone", Via: []string{""}, Pos: diag.Pos{File: "l.yaml", Line: 7, Col: 3}})
				tt.want = []string{`l.yaml:7:3 unknown-source empty source id in via of source "lone"`}
			}
			ps := r.Check()
			var got []string
			for _, p := range ps {
				got = append(got, fmt.Sprintf("%s %s %s", p.Pos, p.Code, p.Message))
				if p.Severity != diag.Error {
					t.Errorf("%s: severity %v, want error", p.Message, p.Severity)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Check() =\n%q\nwant\n%q", got, tt.want)
			}
			for i, h := range tt.hints {
				if i < len(ps) && ps[i].Hint != h {
					t.Errorf("hint %d = %q, want %q", i, ps[i].Hint, h)
				}
			}
		})
	}
}

// TestCheckDeepChain makes sure a long chain, as a hostile ledger might
// write, neither overflows a stack nor hides its cycle.
func TestCheckDeepChain(t *testing.T) {
	const n = 100000
	r := NewRegistry()
	for i := range n {
		r.Add(&Source{ID: fmt.Sprint(i), Via: []string{fmt.Sprint((i + 1) % n)}})
	}
	ps := r.Check()
	if len(ps) != 1 || ps[0].Code != "via-cycle" {
		t.Fatalf("got %d problems, want one via-cycle", len(ps))
	}
	// A chain read from a ledger that fails Check stops at MaxChain+1
	// ids, more than any valid chain, rather than costing the whole cycle.
	if got := len(r.Chain("0", nil)); got != MaxChain+1 {
		t.Errorf("chain has %d ids, want %d", got, MaxChain+1)
	}
}
