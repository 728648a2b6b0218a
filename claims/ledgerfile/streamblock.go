package ledgerfile

import (
	"slices"
	"strings"
)

// sfield is one field of an entry or claim as the streaming layout read
// it, with the comment lines just above it and the comment at its end.
type sfield struct {
	key     string
	val     sval
	comment string
	head    []string
	rank    int
	// nested is set for a value written as a block list on the lines
	// below the key (a topic's choices with aliases), whose items are
	// list, at listIndent.
	nested     bool
	list       []sitem
	listIndent int
}

// sitem is one item of a nested block list: a scalar, or one "key:
// value" pair on the dash's line.
type sitem struct {
	head    []string
	key     string
	isPair  bool
	val     sval
	comment string
}

// sentry is one entry of sources, topics or disputes, or one claim: all
// the streaming layout holds at a time.
type sentry struct {
	head        []string
	blankBefore bool
	id          string // an entry's; claims have none
	comment     string // at the end of the id's line, or of a one-line claim
	fields      []sfield
	foot        []string // comment lines below the last field
	itemFoot    []string // and below the entry or claim, at its indentation
	block       bool     // fields on lines of their own, which may follow
	fieldIndent int
	line        int
}

// blockReader reads the body of a section of entries or of claims, and
// writes each entry or claim as soon as it has all of it.
type blockReader struct {
	e      *emitter
	claims bool
	order  []string
	cur    sentry
	open   bool
	count  int
}

func (b *blockReader) read(body []byte, line int) error {
	l := &lines{data: body, n: line}
	var run []string
	runIndent, runBlank, blank := -1, false, false
	itemIndent := -1
	for {
		s, _, ok := l.next()
		if !ok {
			break
		}
		n := indentOf(s)
		if n == len(s) {
			switch {
			case len(run) == 0 || blank || runBlank:
			case b.footAt(runIndent):
				b.cur.foot, run = run, nil
			case b.open && runIndent == itemIndent && b.cur.itemFoot == nil:
				// Closes the entry or claim above, when another follows.
				b.cur.itemFoot, run = run, nil
			}
			blank = true
			continue
		}
		if s[n] == '#' {
			if len(run) > 0 && (blank || n != runIndent) {
				return decline("a comment the streaming layout cannot place", l.n)
			}
			if len(run) == 0 {
				runIndent, runBlank = n, blank
			}
			run = append(run, strings.TrimSpace(s))
			blank = false
			continue
		}
		if len(run) > 0 && !blank && !runBlank && n < runIndent && b.footAt(runIndent) {
			b.cur.foot, run = run, nil
		}
		if b.cur.itemFoot != nil && n != itemIndent {
			return decline("a line below an entry's closing comment", l.n)
		}
		if len(run) > 0 && (blank || runIndent != n) {
			return decline("a comment the streaming layout cannot place", l.n)
		}
		blankBefore := blank
		if len(run) > 0 {
			blankBefore = runBlank
		}
		if itemIndent < 0 {
			itemIndent = n
		}
		var err error
		switch {
		case n == itemIndent:
			if err = b.flush(); err == nil {
				err = b.start(s, n, l.n, run, blankBefore)
			}
		case b.open && b.cur.foot != nil && n != itemIndent:
			err = decline("a line below an entry's closing comment", l.n)
		case len(run) > 0 && runBlank:
			err = decline("a comment after a blank line inside an entry", l.n)
		case b.open && b.cur.block && n > itemIndent && (b.cur.fieldIndent < 0 || n == b.cur.fieldIndent):
			b.cur.fieldIndent = n
			err = b.field(s, n, l.n, run)
		case b.open && b.cur.block && b.cur.fieldIndent >= 0 && n > b.cur.fieldIndent:
			err = b.listItem(s, n, l.n, run)
		default:
			err = decline("a line the streaming layout does not read", l.n)
		}
		if err != nil {
			return err
		}
		run, blank = nil, false
	}
	if len(run) > 0 && !blank && !runBlank && b.footAt(runIndent) {
		b.cur.foot, run = run, nil
	}
	if len(run) > 0 || b.claims && b.cur.itemFoot != nil {
		// yaml.v3 gives comments below the last claim to claims: itself.
		return decline("a comment below the last entry", l.n)
	}
	return b.flush()
}

// footAt says whether comment lines at indent, below the open entry's
// last field, close that entry: yaml.v3 gives them to its last field,
// and the tree layout writes them under all its fields.
func (b *blockReader) footAt(indent int) bool {
	c := &b.cur
	return b.open && c.block && c.foot == nil && indent == c.fieldIndent && len(c.fields) > 0 && !c.fields[len(c.fields)-1].nested
}

// listItem reads an item of a nested block list: "- value" or "- key:
// value", each on one line.
func (b *blockReader) listItem(s string, n, line int, head []string) error {
	f := &b.cur.fields[len(b.cur.fields)-1]
	if !f.nested || f.listIndent >= 0 && n != f.listIndent || !strings.HasPrefix(s[n:], "- ") {
		return decline("a line the streaming layout does not read", line)
	}
	f.listIndent = n
	m := skipSpaces(s, n+1)
	it := sitem{head: head}
	var ok bool
	if k, j, isKey := key(s, m); isKey {
		it.key, it.isPair = k, true
		it.val, it.comment, ok = blockValue(s, j)
	} else if m < len(s) && s[m] == '{' {
		// A one-line mapping of scalars, as fmt writes a text with its
		// url and date: {path: a.txt, url: https://…, date: 2017-06-28}.
		var j int
		if it.val, j, ok = flowCollection(s, m); ok {
			it.comment, ok = lineComment(s, j)
		}
	} else {
		it.val, it.comment, ok = blockValue(s, m)
		ok = ok && it.val.kind == 0
	}
	if !ok {
		return decline("a list item the streaming layout does not read", line)
	}
	f.list = append(f.list, it)
	return nil
}

// start reads the first line of an entry or claim.
func (b *blockReader) start(s string, n, line int, head []string, blankBefore bool) error {
	b.cur = sentry{head: head, blankBefore: blankBefore, fields: b.cur.fields[:0], fieldIndent: -1, line: line}
	b.open = true
	if b.claims {
		if !strings.HasPrefix(s[n:], "- ") {
			return decline("a claim that is not a block list item", line)
		}
		m := skipSpaces(s, n+1)
		if m < len(s) && s[m] == '{' {
			return b.flowFields(s, m, line)
		}
		b.cur.block, b.cur.fieldIndent = true, m
		return b.field(s, m, line, nil)
	}
	id, j, ok := key(s, n)
	if !ok {
		return decline("an entry without an id", line)
	}
	b.cur.id = id
	if m := skipSpaces(s, j); m < len(s) && s[m] == '{' {
		return b.flowFields(s, m, line)
	}
	c, ok := lineComment(s, j)
	if !ok {
		return decline("an entry whose value is not a mapping", line)
	}
	b.cur.comment, b.cur.block = c, true
	return nil
}

// field reads a "key: value" line of a block entry or claim.
func (b *blockReader) field(s string, n, line int, head []string) error {
	k, j, ok := key(s, n)
	if !ok {
		return decline("a field without a key", line)
	}
	v, c, ok := blockValue(s, j)
	if !ok {
		if c, ok = lineComment(s, j); ok {
			// The value is a block list on the lines below.
			b.cur.fields = append(b.cur.fields, sfield{key: k, comment: c, head: head, nested: true, listIndent: -1})
			return nil
		}
		return decline("a value the streaming layout does not read", line)
	}
	b.cur.fields = append(b.cur.fields, sfield{key: k, val: v, comment: c, head: head})
	return nil
}

// flowFields reads a one-line {k: v, ...} whose values are scalars or
// one-line collections of scalars, and the comment after it.
func (b *blockReader) flowFields(s string, i, line int) error {
	j := skipSpaces(s, i+1)
	for {
		k, jj, ok := readFlowScalar(s, j)
		if !ok || len(k) > maxKey || k == "<<" {
			return decline("a flow mapping the streaming layout does not read", line)
		}
		j = skipSpaces(s, jj)
		if j+1 >= len(s) || s[j] != ':' || s[j+1] != ' ' {
			return decline("a flow mapping the streaming layout does not read", line)
		}
		j = skipSpaces(s, j+2)
		var v sval
		if j < len(s) && (s[j] == '[' || s[j] == '{') {
			v, j, ok = flowCollection(s, j)
		} else {
			v.s, j, ok = readFlowScalar(s, j)
		}
		if !ok {
			return decline("a flow mapping the streaming layout does not read", line)
		}
		b.cur.fields = append(b.cur.fields, sfield{key: k, val: v})
		j = skipSpaces(s, j)
		if j < len(s) && s[j] == '}' {
			break
		}
		if j >= len(s) || s[j] != ',' {
			return decline("a flow mapping the streaming layout does not read", line)
		}
		j = skipSpaces(s, j+1)
	}
	c, ok := lineComment(s, j+1)
	if !ok {
		return decline("text after a flow mapping", line)
	}
	b.cur.comment = c
	return nil
}

// flush writes the entry or claim read so far, its fields in order.
func (b *blockReader) flush() error {
	if !b.open {
		return nil
	}
	b.open = false
	cur := &b.cur
	if len(cur.fields) == 0 {
		return decline("an entry with no fields", cur.line)
	}
	for i := range cur.fields {
		f := &cur.fields[i]
		if f.nested && len(f.list) == 0 {
			return decline("a field with no value", cur.line)
		}
		if f.rank = slices.Index(b.order, f.key); f.rank < 0 {
			f.rank = len(b.order)
		}
	}
	slices.SortStableFunc(cur.fields, func(x, y sfield) int { return x.rank - y.rank })
	e := b.e
	if b.count > 0 && cur.blankBefore {
		e.blank()
	}
	b.count++
	e.comments(cur.head, 2)
	fields := cur.fields
	if b.claims {
		// The first field goes on the dash's line, and the comment above
		// it above the dash, as the tree layout writes them.
		f := &fields[0]
		e.comments(f.head, 2)
		e.field(f, "  - ", 4, cur.comment)
		fields = fields[1:]
	} else {
		e.line("  "+ID(cur.id, Block)+":", cur.comment)
	}
	for i := range fields {
		f := &fields[i]
		e.comments(f.head, 4)
		e.field(f, "    ", 4, "")
	}
	e.comments(cur.foot, 4)
	if b.claims {
		e.comments(cur.itemFoot, 4)
	} else {
		e.comments(cur.itemFoot, 2)
	}
	return nil
}

// field writes one field after prefix, its nested list at indent+2, as
// the tree layout's field does; comment goes before the field's own.
func (e *emitter) field(f *sfield, prefix string, indent int, comment string) {
	k := Scalar(f.key, Block)
	comment = joinComments(comment, f.comment)
	if !f.nested && comment == "" && f.val.kind == 0 {
		// The common line, written straight out: a scalar's text never
		// ends in a space, so there is nothing to trim.
		e.flushRun()
		e.flushBlank()
		e.out = append(append(append(append(append(e.out, prefix...), k...), ": "...), Scalar(f.val.s, Block)...), '\n')
		e.any, e.lastBlank = true, false
		return
	}
	if !f.nested {
		e.line(prefix+k+": "+f.val.inline(f.key == "context"), comment)
		return
	}
	flowable := true
	for _, it := range f.list {
		flowable = flowable && !it.isPair && it.val.kind == 0 && it.head == nil && it.comment == ""
	}
	if flowable {
		v := sval{kind: '['}
		for _, it := range f.list {
			v.items = append(v.items, it.val.s)
		}
		e.line(prefix+k+": "+v.inline(false), comment)
		return
	}
	e.line(prefix+k+":", comment)
	pad := strings.Repeat(" ", indent+2)
	for _, it := range f.list {
		e.comments(it.head, indent+2)
		switch {
		case !it.isPair:
			e.line(pad+"- "+it.val.inline(false), it.comment)
		case it.val.kind == 0 && it.head == nil && it.comment == "":
			e.line(pad+"- {"+Scalar(it.key, Flow)+": "+Scalar(it.val.s, Flow)+"}", "")
		default:
			e.line(pad+"- "+Scalar(it.key, Block)+": "+it.val.inline(it.key == "context"), it.comment)
		}
	}
}
