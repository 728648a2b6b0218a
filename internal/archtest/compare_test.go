package archtest

import (
	"strings"
	"testing"
)

// The table test can only hold the doc to the code if compare and
// parseTable catch each kind of drift; these cases make sure they do.
func TestCompareCatchesDrift(t *testing.T) {
	code := map[string][]string{
		"claims":        {"internal/diag"},
		"internal/diag": nil,
		"cmd/claimdiff": {"claims", "internal/diag"},
	}
	tests := []struct {
		name  string
		table string
		want  []string // one substring per error, in order; none for a clean table
	}{
		{"clean", "| `internal/diag` | x | none |\n| `claims` | x | `internal/diag` |\n| `cmd/claimdiff` | x | any package above |", nil},
		{"omits", "| `internal/diag` | x | none |\n| `claims` | x | none |\n| `cmd/claimdiff` | x | any package above |",
			[]string{"`claims` imports `internal/diag`, which the table omits"}},
		{"invents", "| `internal/diag` | x | `claims` |\n| `claims` | x | `internal/diag` |\n| `cmd/claimdiff` | x | any package above |",
			[]string{"the table says `internal/diag` imports `claims`, which it does not"}},
		{"leaves a package out", "| `internal/diag` | x | none |\n| `cmd/claimdiff` | x | any package above |",
			[]string{"imports `claims`, which no row above names", "package `claims` has no row"}},
		{"names a package that is not", "| `internal/diag`, `internal/gone` | x | none |\n| `claims` | x | `internal/diag` |\n| `cmd/claimdiff` | x | any package above |",
			[]string{"`internal/gone` is not a package of ours"}},
		{"command above what it imports", "| `internal/diag` | x | none |\n| `cmd/claimdiff` | x | any package above |\n| `claims` | x | `internal/diag` |",
			[]string{"imports `claims`, which no row above names"}},
		{"a row inside its own group", "| `internal/diag`, `claims` | x | none |\n| `cmd/claimdiff` | x | any package above |", nil},
		{"says nothing checkable", "| `internal/diag` | x | none |\n| `claims` | x | writers below |\n| `cmd/claimdiff` | x | any package above |",
			[]string{`import column "writers below" names no package`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := "# A\n\n## Packages\n\n| package | owns | imports |\n| --- | --- | --- |\n" + tt.table + "\n\n## Next\n| `ignored` | x | y |\n"
			rows, errs, err := parseTable(doc)
			if err != nil {
				t.Fatal(err)
			}
			errs = append(errs, compare(rows, code)...)
			if len(errs) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(errs), len(tt.want), strings.Join(errs, "\n"))
			}
			for i, w := range tt.want {
				if !strings.Contains(errs[i], w) {
					t.Errorf("error %d = %q, want it to say %q", i, errs[i], w)
				}
			}
		})
	}
}

func TestCellsKeepEscapedPipes(t *testing.T) {
	got := cells("| `a` | one \\| two | `b` |")
	if len(got) != 3 || got[1] != "one \\| two" {
		t.Errorf("cells = %q", got)
	}
}
