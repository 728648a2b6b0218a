package bulk

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/suggest"
)

// A Parquet file's columns are a tree: the top-level fields are the
// columns a table shows, and a list or a map is a group whose values sit
// in leaf columns below it, with levels that say where each row's list
// begins and which entries are null. claimdiff reads top-level fields of
// one value a row, a list for via and a map for context.

// maxSchemaElements caps a file's columns; a claim file has a dozen.
const maxSchemaElements = 4096

// maxSchemaDepth caps how deep columns nest.
const maxSchemaDepth = 16

type pqNode struct {
	elem     *pqSchemaElem
	children []*pqNode
	def, rep int
	leaf     int // index among the leaves, or -1 for a group
	path     string
}

// pqLeaf is a leaf column as the reader needs it.
type pqLeaf struct {
	path       string
	index      int
	typ        int
	typeLength int32
	meaning    int
	scale      int // of a decimal
	// maxDef and maxRep are its highest levels; entryDef the definition
	// level from which a value of a list or map is there (null or not),
	// 0 for a column of one value a row.
	maxDef, maxRep, entryDef int
}

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
	leaf, key, elem *pqLeaf // leaf for scalars and lists; key and elem for maps
	// parts are a struct's fields, one value a row each, and names their
	// names, which are the context's keys.
	parts []*pqLeaf
	names [][]byte
}

// leaves lists the leaf columns the field is read from.
func (pf *pqField) leaves() []*pqLeaf {
	var out []*pqLeaf
	for _, l := range [...]*pqLeaf{pf.leaf, pf.key, pf.elem} {
		if l != nil {
			out = append(out, l)
		}
	}
	return append(out, pf.parts...)
}

// buildSchema turns the flat list of schema elements into a tree, and
// lists the leaves in the order row groups list their column chunks.
func buildSchema(schema []pqSchemaElem) (*pqNode, []*pqNode, error) {
	if len(schema) == 0 || len(schema) > maxSchemaElements {
		return nil, nil, fmt.Errorf("the file has %d schema elements; claimdiff reads 1 to %d", len(schema), maxSchemaElements)
	}
	var leaves []*pqNode
	next := 0
	var walk func(parent *pqNode, depth int) (*pqNode, error)
	walk = func(parent *pqNode, depth int) (*pqNode, error) {
		if next >= len(schema) {
			return nil, fmt.Errorf("the schema says it has more columns than it lists")
		}
		if depth > maxSchemaDepth {
			return nil, fmt.Errorf("the schema nests deeper than %d levels", maxSchemaDepth)
		}
		e := &schema[next]
		next++
		n := &pqNode{elem: e, leaf: -1, path: e.name}
		if parent != nil {
			n.def, n.rep = parent.def, parent.rep
			if parent.elem != &schema[0] {
				n.path = parent.path + "." + e.name
			}
			switch e.repetition {
			case pqOptional:
				n.def++
			case pqRepeated:
				n.def++
				n.rep++
			}
		}
		if e.typ != pqNoType {
			if e.numChildren > 0 {
				return nil, fmt.Errorf("column %q has a type and also columns inside it", n.path)
			}
			n.leaf = len(leaves)
			leaves = append(leaves, n)
			return n, nil
		}
		if e.numChildren <= 0 || int(e.numChildren) > len(schema)-next {
			return nil, fmt.Errorf("the group %q says it has %d columns", n.path, e.numChildren)
		}
		for range e.numChildren {
			c, err := walk(n, depth+1)
			if err != nil {
				return nil, err
			}
			n.children = append(n.children, c)
		}
		return n, nil
	}
	root, err := walk(nil, 0)
	if err != nil {
		return nil, nil, err
	}
	if next != len(schema) {
		return nil, nil, fmt.Errorf("the schema lists %d columns after its last one", len(schema)-next)
	}
	if root.leaf >= 0 {
		return nil, nil, fmt.Errorf("the schema has no columns")
	}
	return root, leaves, nil
}

func (n *pqNode) asLeaf(entryDef int) *pqLeaf {
	e := n.elem
	return &pqLeaf{path: n.path, index: n.leaf, typ: e.typ, typeLength: e.typeLength, meaning: e.meaning,
		scale: int(min(max(e.scale, -1), maxDecimalScale+1)), maxDef: n.def, maxRep: n.rep, entryDef: entryDef}
}

// mapFields matches the top-level columns to claim fields, reporting
// columns it cannot read; it returns nil when a required column is
// missing, as no claim can then be read.
func (bf *bulkFile) mapFields(root *pqNode) []pqField {
	var fields []pqField
	first := map[int]int{}
	unreadable := false
	at := diag.Pos{File: bf.name}
	for i, c := range root.children {
		name := strings.ToLower(strings.TrimSpace(c.elem.name))
		f := claimFieldIndex(name)
		switch {
		case f < 0 && slices.Contains(ParquetValueColumns, name):
			continue // derived from the value, which is read again
		case name == "":
			bf.problem(diag.Errorf(at, "unknown-field", "column %d has no name", i+1))
			continue
		case f < 0 && !diag.Plain(name):
			bf.problem(diag.Errorf(at, "unknown-field", "column %d is not a claim field, nor a plain name", i+1))
			continue
		case f < 0:
			bf.problem(diag.Problem{Pos: at, Severity: diag.Error, Code: "unknown-field",
				Message: fmt.Sprintf("unknown column %q", name), Hint: suggest.Field(name, claims.ClaimFields)})
			continue
		}
		if prev, dup := first[f]; dup {
			bf.problem(diag.Errorf(at, "duplicate-key", "column %q appears twice (first as column %d)", name, prev+1))
			continue
		}
		first[f] = i
		pf := pqField{field: f, col: i + 1, name: name}
		if err := pf.shapeOf(c); err != nil {
			bf.fileProblem(diag.Errorf(at, "wrong-type", "%v", err))
			unreadable = unreadable || f == fTopic || f == fValue || f == fSource
			continue
		}
		fields = append(fields, pf)
	}
	if unreadable {
		return nil // every row would lack the field; the column is reported
	}
	var missing []string
	for _, f := range [...]int{fTopic, fValue, fSource} {
		if _, ok := first[f]; !ok {
			missing = append(missing, claims.ClaimFields[f])
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

// shapeOf says how the column n gives the field: one value a row (text,
// or a number, date or boolean written out), a list for via, a map for
// context.
func (pf *pqField) shapeOf(n *pqNode) error {
	if n.leaf >= 0 {
		l := n.asLeaf(n.def)
		switch {
		case n.rep > 0 && pf.field != fVia:
			return fmt.Errorf("column %q holds a list; only via may", pf.name)
		case n.rep > 0:
			pf.shape, pf.leaf = shapeList, l
		default:
			l.entryDef = 0
			pf.shape, pf.leaf = shapeScalar, l
		}
		return readable(l)
	}
	// A list: a group holding one repeated field, either the values
	// themselves (two levels) or a group around them (three levels).
	if len(n.children) == 1 && n.children[0].elem.repetition == pqRepeated && n.elem.meaning != pqMap {
		if pf.field != fVia {
			return fmt.Errorf("column %q holds a list; only via may", pf.name)
		}
		rep := n.children[0]
		item := rep
		if rep.leaf < 0 {
			if len(rep.children) != 1 || rep.children[0].leaf < 0 {
				return fmt.Errorf("column %q is a list of groups; via is a list of sources", pf.name)
			}
			item = rep.children[0]
		}
		if item.rep != 1 {
			return fmt.Errorf("column %q nests lists inside lists", pf.name)
		}
		pf.shape, pf.leaf = shapeList, item.asLeaf(rep.def)
		return readable(pf.leaf)
	}
	// A map: a group holding one repeated group of a key and a value.
	if len(n.children) == 1 && n.children[0].elem.repetition == pqRepeated && len(n.children[0].children) == 2 {
		if pf.field != fContext {
			return fmt.Errorf("column %q holds a map; only context may", pf.name)
		}
		kv := n.children[0]
		k, v := kv.children[0], kv.children[1]
		if k.leaf < 0 || v.leaf < 0 || k.rep != 1 || v.rep != 1 {
			return fmt.Errorf("column %q is a map of groups; context maps names to values", pf.name)
		}
		pf.shape, pf.key, pf.elem = shapeMap, k.asLeaf(kv.def), v.asLeaf(kv.def)
		if err := readable(pf.key); err != nil {
			return err
		}
		return readable(pf.elem)
	}
	if pf.field == fContext && n.elem.meaning != pqList && n.elem.meaning != pqMap {
		return pf.structOf(n)
	}
	return fmt.Errorf("column %q is a group of columns, which claimdiff does not read as %s", pf.name, claims.ClaimFields[pf.field])
}

// structOf reads a group of named values as context: DuckDB makes a
// STRUCT of claimdiff's own JSON Lines, whose context is an object. Each
// field is a key, its value in a row the key's value; a null is no key.
func (pf *pqField) structOf(n *pqNode) error {
	for _, c := range n.children {
		name := c.elem.name
		switch {
		case c.leaf < 0 || c.rep > 0:
			return fmt.Errorf("column %q holds a struct of lists or groups; context maps names to values", pf.name)
		case name == "" || !utf8.ValidString(name) || strings.IndexByte(name, 0) >= 0:
			return fmt.Errorf("column %q holds a struct field whose name is not text", pf.name)
		}
		l := c.asLeaf(0)
		if err := readable(l); err != nil {
			return err
		}
		pf.parts = append(pf.parts, l)
		pf.names = append(pf.names, []byte(name))
	}
	pf.shape = shapeStruct
	return nil
}

// readable says whether claimdiff can read a leaf's values as text.
func readable(l *pqLeaf) error {
	switch {
	case l.meaning == pqOther, l.meaning == pqList, l.meaning == pqMap:
		return fmt.Errorf("column %q holds %s values of a logical type claimdiff does not read; write them as text", l.path, pqTypeNames[l.typ])
	case l.typ == pqFixedLenByteArray && (l.typeLength <= 0 || l.typeLength > MaxLineBytes):
		return fmt.Errorf("column %q has the fixed length %d", l.path, l.typeLength)
	case l.meaning == pqDecimal && l.typ != pqInt32 && l.typ != pqInt64 && l.typ != pqFixedLenByteArray:
		return fmt.Errorf("column %q holds decimals as %s; claimdiff reads them as INT32, INT64 or FIXED_LEN_BYTE_ARRAY", l.path, pqTypeNames[l.typ])
	case l.meaning == pqDecimal && l.typ == pqFixedLenByteArray && l.typeLength > maxDecimalBytes:
		return fmt.Errorf("column %q holds decimals of %d bytes; claimdiff reads up to %d", l.path, l.typeLength, maxDecimalBytes)
	case l.meaning == pqDecimal && (l.scale < 0 || l.scale > maxDecimalScale):
		return fmt.Errorf("column %q holds decimals of scale %d; claimdiff reads 0 to %d", l.path, l.scale, maxDecimalScale)
	}
	return nil
}
