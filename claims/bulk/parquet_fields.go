package bulk

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parquetread"
	"github.com/claimdiff/claimdiff/internal/suggest"
)

// How a claim field's column is shaped.
const (
	shapeScalar = iota // one value a row
	shapeList          // a list of values (via)
	shapeMap           // a map of keys to values (context)
	shapeStruct        // a group of named values (context)
)

// pqField is a top-level column that a claim field is read from.
type pqField struct {
	field           int // fID, fTopic…
	col             int // its place among the top-level columns, from 1
	name            string
	shape           int
	leaf, key, elem *parquetread.Leaf // leaf for scalars and lists; key and elem for maps
	// parts are a struct's fields, one value a row each, and names their
	// names, which are the context's keys.
	parts []*parquetread.Leaf
	names [][]byte
}

// leaves lists the leaf columns the field is read from.
func (pf *pqField) leaves() []*parquetread.Leaf {
	var out []*parquetread.Leaf
	for _, l := range [...]*parquetread.Leaf{pf.leaf, pf.key, pf.elem} {
		if l != nil {
			out = append(out, l)
		}
	}
	return append(out, pf.parts...)
}

// mapFields matches f's top-level columns to claim fields, reporting
// columns it cannot read; it returns nil when a required column is
// missing, as no claim can then be read.
func (bf *bulkFile) mapFields(f *parquetread.File) []pqField {
	var fields []pqField
	first := map[int]int{}
	unreadable := false
	at := diag.Pos{File: bf.name}
	for i, c := range f.Root.Children {
		name := strings.ToLower(strings.TrimSpace(c.Name))
		fi := claimFieldIndex(name)
		switch {
		case fi < 0 && slices.Contains(ParquetValueColumns, name):
			continue // derived from the value, which is read again
		case name == "":
			bf.problem(diag.Errorf(at, "unknown-field", "column %d has no name", i+1))
			continue
		case fi < 0 && !diag.Plain(name):
			bf.problem(diag.Errorf(at, "unknown-field", "column %d is not a claim field, nor a plain name", i+1))
			continue
		case fi < 0:
			bf.problem(diag.Problem{Pos: at, Severity: diag.Error, Code: "unknown-field",
				Message: fmt.Sprintf("unknown column %q", name), Hint: suggest.Field(name, claims.ClaimFields)})
			continue
		}
		if prev, dup := first[fi]; dup {
			bf.problem(diag.Errorf(at, "duplicate-key", "column %q appears twice (first as column %d)", name, prev+1))
			continue
		}
		first[fi] = i
		pf := pqField{field: fi, col: i + 1, name: name}
		if err := pf.shapeOf(f, c); err != nil {
			bf.fileProblem(diag.Errorf(at, "wrong-type", "%v", err))
			unreadable = unreadable || fi == fTopic || fi == fValue || fi == fSource
			continue
		}
		fields = append(fields, pf)
	}
	if unreadable {
		return nil // every row would lack the field; the column is reported
	}
	var missing []string
	for _, want := range [...]int{fTopic, fValue, fSource} {
		if _, ok := first[want]; !ok {
			missing = append(missing, claims.ClaimFields[want])
		}
	}
	if len(missing) > 0 {
		bf.fileProblem(diag.Problem{Pos: at, Severity: diag.Error, Code: "missing-field",
			Message: fmt.Sprintf("the file has no %s column", strings.Join(missing, ", no ")),
			Hint:    "a Parquet claim file has a column for each claim field it gives, named as in " + strings.Join(claims.ClaimFields, ",")})
		return nil
	}
	return fields
}

// shapeOf says how the column n of f gives the field: one value a row
// (text, or a number, date or boolean written out), a list for via, a map
// for context.
func (pf *pqField) shapeOf(f *parquetread.File, n *parquetread.Node) error {
	var err error
	if n.IsLeaf() {
		switch {
		case n.Rep > 0 && pf.field != fVia:
			return fmt.Errorf("column %q holds a list; only via may", pf.name)
		case n.Rep > 0:
			pf.shape = shapeList
			pf.leaf, err = f.Leaf(n, n.Def)
		default:
			pf.shape = shapeScalar
			pf.leaf, err = f.Leaf(n, 0)
		}
		return err
	}
	// A list: a group holding one repeated field, either the values
	// themselves (two levels) or a group around them (three levels).
	if len(n.Children) == 1 && n.Children[0].Repeated() && !n.LogicalMap() {
		if pf.field != fVia {
			return fmt.Errorf("column %q holds a list; only via may", pf.name)
		}
		rep := n.Children[0]
		item := rep
		if !rep.IsLeaf() {
			if len(rep.Children) != 1 || !rep.Children[0].IsLeaf() {
				return fmt.Errorf("column %q is a list of groups; via is a list of sources", pf.name)
			}
			item = rep.Children[0]
		}
		if item.Rep != 1 {
			return fmt.Errorf("column %q nests lists inside lists", pf.name)
		}
		pf.shape = shapeList
		pf.leaf, err = f.Leaf(item, rep.Def)
		return err
	}
	// A map: a group holding one repeated group of a key and a value.
	if len(n.Children) == 1 && n.Children[0].Repeated() && len(n.Children[0].Children) == 2 {
		if pf.field != fContext {
			return fmt.Errorf("column %q holds a map; only context may", pf.name)
		}
		kv := n.Children[0]
		k, v := kv.Children[0], kv.Children[1]
		if !k.IsLeaf() || !v.IsLeaf() || k.Rep != 1 || v.Rep != 1 {
			return fmt.Errorf("column %q is a map of groups; context maps names to values", pf.name)
		}
		pf.shape = shapeMap
		if pf.key, err = f.Leaf(k, kv.Def); err != nil {
			return err
		}
		pf.elem, err = f.Leaf(v, kv.Def)
		return err
	}
	if pf.field == fContext && !n.LogicalList() && !n.LogicalMap() {
		return pf.structOf(f, n)
	}
	return fmt.Errorf("column %q is a group of columns, which claimdiff does not read as %s", pf.name, claims.ClaimFields[pf.field])
}

// structOf reads a group of named values as context: DuckDB makes a
// STRUCT of claimdiff's own JSON Lines, whose context is an object. Each
// field is a key, its value in a row the key's value; a null is no key.
func (pf *pqField) structOf(f *parquetread.File, n *parquetread.Node) error {
	for _, c := range n.Children {
		name := c.Name
		switch {
		case !c.IsLeaf() || c.Rep > 0:
			return fmt.Errorf("column %q holds a struct of lists or groups; context maps names to values", pf.name)
		case name == "" || !utf8.ValidString(name) || strings.IndexByte(name, 0) >= 0:
			return fmt.Errorf("column %q holds a struct field whose name is not text", pf.name)
		}
		l, err := f.Leaf(c, 0)
		if err != nil {
			return err
		}
		pf.parts = append(pf.parts, l)
		pf.names = append(pf.names, []byte(name))
	}
	pf.shape = shapeStruct
	return nil
}
