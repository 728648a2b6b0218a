package parquetread

import (
	"fmt"
)

// A Parquet file's columns are a tree: the top-level fields are the
// columns a table shows, and a list or a map is a group whose values sit
// in leaf columns below it, with levels that say where each row's list
// begins and which entries are null. The reader reads leaf columns of
// one value a row, and leaves inside a list or a map; what a caller
// makes of a top-level column's shape is its own affair.

// maxSchemaElements caps a file's columns; a claim file has a dozen.
const maxSchemaElements = 4096

// maxSchemaDepth caps how deep columns nest.
const maxSchemaDepth = 16

// Node is a column of the schema tree: a leaf, which holds values, or a
// group of columns.
type Node struct {
	// Name is the column's name as the file gives it, and Path its names
	// from the top, joined by dots.
	Name, Path string
	Children   []*Node
	// Def and Rep are the highest definition and repetition levels of
	// values below it: Rep > 0 inside a list.
	Def, Rep int
	elem     *pqSchemaElem
	leaf     int // index among the leaves, or -1 for a group
}

// IsLeaf says whether the column holds values rather than columns.
func (n *Node) IsLeaf() bool { return n.leaf >= 0 }

// Repeated says whether the column is repeated: a list's entries.
func (n *Node) Repeated() bool { return n.elem.repetition == pqRepeated }

// LogicalList and LogicalMap say whether the file calls the column a
// list or a map (its logical or converted type).
func (n *Node) LogicalList() bool { return n.elem.meaning == pqList }
func (n *Node) LogicalMap() bool  { return n.elem.meaning == pqMap }

// Leaf is a leaf column as the decoder needs it.
type Leaf struct {
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

// Index is the leaf's place among the file's leaves, from 0: what a
// caller keys a row group's columns by.
func (l *Leaf) Index() int { return l.index }

// buildSchema turns the flat list of schema elements into a tree, and
// lists the leaves in the order row groups list their column chunks.
func buildSchema(schema []pqSchemaElem) (*Node, []*Node, error) {
	if len(schema) == 0 || len(schema) > maxSchemaElements {
		return nil, nil, fmt.Errorf("the file has %d schema elements; claimdiff reads 1 to %d", len(schema), maxSchemaElements)
	}
	var leaves []*Node
	next := 0
	var walk func(parent *Node, depth int) (*Node, error)
	walk = func(parent *Node, depth int) (*Node, error) {
		if next >= len(schema) {
			return nil, fmt.Errorf("the schema says it has more columns than it lists")
		}
		if depth > maxSchemaDepth {
			return nil, fmt.Errorf("the schema nests deeper than %d levels", maxSchemaDepth)
		}
		e := &schema[next]
		next++
		n := &Node{elem: e, leaf: -1, Name: e.name, Path: e.name}
		if parent != nil {
			n.Def, n.Rep = parent.Def, parent.Rep
			if parent.elem != &schema[0] {
				n.Path = parent.Path + "." + e.name
			}
			switch e.repetition {
			case pqOptional:
				n.Def++
			case pqRepeated:
				n.Def++
				n.Rep++
			}
		}
		if e.typ != pqNoType {
			if e.numChildren > 0 {
				return nil, fmt.Errorf("column %q has a type and also columns inside it", n.Path)
			}
			n.leaf = len(leaves)
			leaves = append(leaves, n)
			return n, nil
		}
		if e.numChildren <= 0 || int(e.numChildren) > len(schema)-next {
			return nil, fmt.Errorf("the group %q says it has %d columns", n.Path, e.numChildren)
		}
		for range e.numChildren {
			c, err := walk(n, depth+1)
			if err != nil {
				return nil, err
			}
			n.Children = append(n.Children, c)
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

// Leaf returns the leaf column n to read, whose entries are there (null
// or not) from definition level entryDef (0 for one value a row), or
// says why its values cannot be read as text.
func (f *File) Leaf(n *Node, entryDef int) (*Leaf, error) {
	e := n.elem
	l := &Leaf{path: n.Path, index: n.leaf, typ: e.typ, typeLength: e.typeLength, meaning: e.meaning,
		scale: int(min(max(e.scale, -1), maxDecimalScale+1)), maxDef: n.Def, maxRep: n.Rep, entryDef: entryDef}
	return l, readable(l, f.maxValue)
}

// readable says whether a leaf's values can be read as text.
func readable(l *Leaf, maxValue int) error {
	switch {
	case l.meaning == pqOther, l.meaning == pqList, l.meaning == pqMap:
		return fmt.Errorf("column %q holds %s values of a logical type claimdiff does not read; write them as text", l.path, pqTypeNames[l.typ])
	case l.typ == pqFixedLenByteArray && (l.typeLength <= 0 || int64(l.typeLength) > int64(maxValue)):
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
