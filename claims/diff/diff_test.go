package diff

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

var diffToday = claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}

func diffLedger(t *testing.T, name, text string) *claims.Ledger {
	t.Helper()
	l := load.Bytes(name, []byte(claimstest.Header+text))
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			t.Fatalf("%s: ledger problem: %s", name, p.Error())
		}
	}
	return l
}

func TestLoadNamed(t *testing.T) {
	l, _ := load.Load([]load.File{
		{Name: "HEAD:a.yaml", Data: []byte("ledger: 1\nsources:\n  reuters: {name: Reuters, kind: wire}\n")},
		{Name: "HEAD:b.yaml", Data: []byte("claims:\n  - {topic: cap, value: 1, source: reuters}\n  - {topic: cap, value: 2, source: nobody}\n")},
	}, load.Options{})
	if len(l.Claims) != 2 || !slices.Equal(l.Files, []string{"HEAD:a.yaml", "HEAD:b.yaml"}) {
		t.Fatalf("got %d claims from %v", len(l.Claims), l.Files)
	}
	if len(l.Problems) != 1 || l.Problems[0].Pos.String() != "HEAD:b.yaml:3:36" {
		t.Fatalf("problems = %v, want one at HEAD:b.yaml:3:36", l.Problems)
	}
}

func TestDiffClaims(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		// want lists "kind id" for each change, and "kind from>id" for a
		// renamed one, in the diff's order.
		want []string
		// fields, when set, are the changed fields of the first change.
		fields []string
	}{
		{
			name: "identical",
			old:  "  - {id: r, topic: cap, value: 600000, source: reuters}\n",
			new:  "  - {id: r, topic: cap, value: 600000, source: reuters}\n",
		},
		{
			name: "reworded value",
			old:  "  - {id: r, topic: cap, value: 600k, source: reuters}\n",
			new:  "  - {id: r, topic: cap, value: '600,000', source: reuters}\n",
			want: []string{"reworded r"},
		},
		{
			name:   "about is a change of meaning",
			old:    "  - {id: r, topic: cap, value: 600000, source: reuters}\n",
			new:    "  - {id: r, topic: cap, value: about 600000, source: reuters}\n",
			want:   []string{"changed r"},
			fields: []string{"value"},
		},
		{
			name:   "denies flipped",
			old:    "  - {id: r, topic: rejoins, value: G7, source: reuters}\n",
			new:    "  - {id: r, topic: rejoins, value: G7, source: reuters, denies: true}\n",
			want:   []string{"changed r"},
			fields: []string{"denies"},
		},
		{
			name:   "quote and date edited",
			old:    "  - {id: r, topic: cap, value: 600000, source: reuters, quote: a}\n",
			new:    "  - {id: r, topic: cap, value: 600000, source: reuters, quote: b, date: 2025-11-21}\n",
			want:   []string{"changed r"},
			fields: []string{"date", "quote"},
		},
		{
			name: "renamed",
			old:  "  - {id: reuters/army-cap, topic: cap, value: 600000, source: reuters}\n",
			new:  "  - {id: reuters/cap, topic: cap, value: 600000, source: reuters}\n",
			want: []string{"renamed reuters/army-cap>reuters/cap"},
		},
		{
			name: "renamed and reworded",
			old:  "  - {id: a, topic: cap, value: 600k, source: reuters}\n",
			new:  "  - {id: b, topic: cap, value: '600,000', source: reuters}\n",
			want: []string{"reworded a>b"},
		},
		{
			name: "id given to a claim that had none",
			old:  "  - {topic: cap, value: 600000, source: reuters}\n",
			new:  "  - {id: reuters/cap, topic: cap, value: 600000, source: reuters}\n",
			want: []string{"renamed cap@reuters>reuters/cap"},
		},
		{
			name: "the same claim credited to another source is moved",
			old:  "  - {topic: cap, value: 600000, source: reuters, date: 2025-11-20}\n",
			new:  "  - {topic: cap, value: 600000, source: ap, via: reuters, date: 2025-11-20}\n",
			want: []string{"moved cap@ap"},
		},
		{
			name: "another source with another value is a different claim",
			old:  "  - {topic: cap, value: 600000, source: reuters}\n",
			new:  "  - {topic: cap, value: 500000, source: ap}\n",
			want: []string{"added cap@ap", "removed cap@reuters"},
		},
		{
			name: "another source on another date is a different claim",
			old:  "  - {topic: cap, value: 600000, source: reuters, date: 2025-11-20}\n",
			new:  "  - {topic: cap, value: 600000, source: ap, date: 2025-11-21}\n",
			want: []string{"added cap@ap", "removed cap@reuters"},
		},
		{
			name: "a source kept wins over a move",
			old:  "  - {topic: cap, value: 600000, source: reuters}\n",
			new:  "  - {topic: cap, value: 600000, source: reuters}\n  - {topic: cap, value: 600000, source: ap}\n",
			want: []string{"added cap@ap"},
		},
		{
			name: "explicit ids in different contexts are different claims",
			old:  "  - {id: a, topic: cap, value: 600000, source: reuters, context: {draft: one}}\n",
			new:  "  - {id: b, topic: cap, value: 600000, source: reuters, context: {draft: two}}\n",
			want: []string{"added b", "removed a"},
		},
		{
			name:   "context edited on a claim without an id",
			old:    "  - {topic: cap, value: 600000, source: reuters, context: {draft: one}}\n",
			new:    "  - {topic: cap, value: 600000, source: reuters, context: {draft: two}}\n",
			want:   []string{"changed cap@reuters"},
			fields: []string{"context"},
		},
		{
			// Removing the first of two derived ids shifts the numbering;
			// matching by date and value still finds the survivor.
			name: "derived ids renumbered",
			old: "  - {topic: cap, value: 600000, source: reuters, date: 2025-11-20}\n" +
				"  - {topic: cap, value: 500000, source: reuters, date: 2025-11-21}\n",
			new:  "  - {topic: cap, value: 500000, source: reuters, date: 2025-11-21}\n",
			want: []string{"removed cap@reuters"},
		},
		{
			name: "claims of one topic and source pair by date",
			old: "  - {topic: cap, value: 600000, source: reuters, date: 2025-11-20}\n" +
				"  - {topic: cap, value: 500000, source: reuters, date: 2025-11-21}\n",
			new: "  - {topic: cap, value: 500000, source: reuters, date: 2025-11-21}\n" +
				"  - {topic: cap, value: 650000, source: reuters, date: 2025-11-20}\n",
			want:   []string{"changed cap@reuters#2"},
			fields: []string{"value"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Ledgers(diffLedger(t, "old.yaml", tt.old), diffLedger(t, "new.yaml", tt.new), diffToday)
			var got []string
			for _, c := range d.Claims {
				id := c.ID
				if c.From != "" {
					id = c.From + ">" + c.ID
				}
				got = append(got, string(c.Kind)+" "+id)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("changes = %q, want %q", got, tt.want)
			}
			if tt.fields != nil {
				var fields []string
				for _, f := range d.Claims[0].Fields {
					fields = append(fields, f.Field)
				}
				if !slices.Equal(fields, tt.fields) {
					t.Errorf("fields = %q, want %q", fields, tt.fields)
				}
			}
		})
	}
}

func TestDiffDisputes(t *testing.T) {
	base := "  - {id: r, topic: cap, value: 600000, source: reuters}\n" +
		"  - {id: x, topic: cap, value: 800000, source: axios}\n"
	tests := []struct {
		name     string
		old, new string
		want     []string // "kind topic"
		details  []string // of the first dispute change
		claims   []string // of the first dispute change
	}{
		{
			name: "opened by a new claim",
			old:  "  - {id: r, topic: cap, value: 600000, source: reuters}\n",
			new:  base,
			want: []string{"opened cap"}, claims: []string{"x"},
		},
		{
			name: "closed by an edit",
			old:  base,
			new: "  - {id: r, topic: cap, value: 600000, source: reuters}\n" +
				"  - {id: x, topic: cap, value: 600k, source: axios}\n",
			want: []string{"closed cap"}, claims: []string{"x"},
		},
		{
			name: "reworded claim in a dispute changes nothing",
			old:  base,
			new: "  - {id: r, topic: cap, value: 600k, source: reuters}\n" +
				"  - {id: x, topic: cap, value: 800000, source: axios}\n",
		},
		{
			name: "new position and a gained origin",
			old:  base,
			new: base + "  - {id: a, topic: cap, value: 500000, source: ap}\n" +
				"  - {id: t, topic: cap, value: 600k, source: tass}\n",
			want:    []string{"changed cap"},
			details: []string{"position 600,000 gained origin tass", "new position 500,000 (ap)"},
			claims:  []string{"t", "a"},
		},
		{
			name:    "position dropped",
			old:     base + "  - {id: a, topic: cap, value: 500000, source: ap}\n",
			new:     base,
			want:    []string{"changed cap"},
			details: []string{"position 500,000 dropped (ap)"},
			claims:  []string{"a"},
		},
		{
			name:    "position moved",
			old:     base,
			new:     "  - {id: r, topic: cap, value: 600000, source: reuters}\n  - {id: x, topic: cap, value: 900000, source: axios}\n",
			want:    []string{"changed cap"},
			details: []string{"position 800,000 is now 900,000"},
			claims:  []string{"x"},
		},
		{
			name:    "acknowledged by the desk",
			old:     base,
			new:     base + "disputes:\n  cap: {status: acknowledged, reason: known}\n",
			want:    []string{"changed cap"},
			details: []string{"status open → acknowledged"},
		},
		{
			name: "one opened, one closed",
			old:  base,
			new: "  - {id: r, topic: cap, value: 600000, source: reuters}\n" +
				"  - {id: g7, topic: rejoins, value: G7, source: reuters}\n  - {id: g8, topic: rejoins, value: G8, source: axios}\n",
			want: []string{"opened rejoins", "closed cap"}, claims: []string{"g7", "g8"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Ledgers(diffLedger(t, "old.yaml", tt.old), diffLedger(t, "new.yaml", tt.new), diffToday)
			var got []string
			for _, c := range d.Disputes {
				got = append(got, string(c.Kind)+" "+c.Topic)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("disputes = %q, want %q", got, tt.want)
			}
			if len(d.Disputes) == 0 {
				return
			}
			if first := d.Disputes[0]; !slices.Equal(first.Details, tt.details) || !slices.Equal(first.Claims, tt.claims) {
				t.Errorf("details = %q, claims = %q; want %q, %q", first.Details, first.Claims, tt.details, tt.claims)
			}
		})
	}
}

func TestDiffListsAndCounts(t *testing.T) {
	old := diffLedger(t, "old.yaml", "  - {id: a, topic: cap, value: 1, source: reuters}\n  - {id: b, topic: cap, value: 2, source: axios}\n")
	cur := diffLedger(t, "new.yaml", "  - {id: c, topic: cap, value: 1, source: reuters}\n  - {id: b, topic: cap, value: 3, source: axios}\n")
	d := Ledgers(old, cur, diffToday)
	if got := d.ClaimIDs(Changed); !slices.Equal(got, []string{"b"}) {
		t.Errorf("changed = %q", got)
	}
	if got := d.ClaimIDs(Added); len(got) != 0 || got == nil {
		t.Errorf("added = %#v, want an empty, non-nil list for JSON", got)
	}
	if got := d.RenamedIDs(); len(got) != 1 || got[0] != [2]string{"a", "c"} {
		t.Errorf("renamed = %q", got)
	}
	if got := d.Topics(Changed); !slices.Equal(got, []string{"cap"}) {
		t.Errorf("changed disputes = %q", got)
	}
	if d.Count(Changed) != 2 || d.Empty() {
		t.Errorf("count(changed) = %d, empty = %v; want 2 (a claim and a dispute), false", d.Count(Changed), d.Empty())
	}
}

// A ledger compared with itself has no changes, and a diff read backwards
// swaps added with removed and opened with closed.
func TestDiffSymmetry(t *testing.T) {
	ex := load.Bytes("example.yaml", example.YAML)
	if d := Ledgers(ex, ex, diffToday); !d.Empty() {
		t.Fatalf("example against itself: %+v", d)
	}
	edited := strings.Replace(string(example.YAML), "value: 600k", "value: 700k", 1)
	checkSymmetry(t, ex, load.Bytes("edited.yaml", []byte(edited)))
}

func checkSymmetry(t *testing.T, a, b *claims.Ledger) {
	t.Helper()
	fwd, back := Ledgers(a, b, diffToday), Ledgers(b, a, diffToday)
	pairs := [][2]ChangeKind{{Added, Removed}, {Removed, Added}, {Changed, Changed}, {Reworded, Reworded},
		{Renamed, Renamed}, {Opened, Closed}, {Closed, Opened}}
	for _, p := range pairs {
		if f, b := fwd.Count(p[0]), back.Count(p[1]); f != b {
			t.Errorf("%s forwards = %d, %s backwards = %d", p[0], f, p[1], b)
		}
	}
}

func FuzzLedgers(f *testing.F) {
	f.Add(claimstest.Header+"  - {id: r, topic: cap, value: 600000, source: reuters}\n",
		claimstest.Header+"  - {id: s, topic: cap, value: 600k, source: reuters}\n  - {topic: cap, value: 1, source: ap}\n")
	f.Add(string(example.YAML), strings.Replace(string(example.YAML), "G8", "G7", 2))
	f.Fuzz(func(t *testing.T, a, b string) {
		la, lb := load.Bytes("a.yaml", []byte(a)), load.Bytes("b.yaml", []byte(b))
		if d := Ledgers(la, la, diffToday); !d.Empty() {
			t.Fatalf("a ledger against itself: %+v", d)
		}
		checkSymmetry(t, la, lb)
	})
}
