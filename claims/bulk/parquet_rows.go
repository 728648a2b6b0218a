package bulk

import (
	"bytes"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parquetread"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// parquetRows turns the columns read of row group g into claims, one a
// row, checked as the other bulk formats' rows are.
func (w *bulkFile) parquetRows(budget *parquetread.Budget, g *pqGroup, fields []pqField, cols []*parquetread.Column) error {
	// What a claim costs beyond its text: the claim, its places, the
	// ledger's indexes of it.
	const perClaim = 512
	spent := int64(0)
	for r := range g.Rows {
		line := g.FirstRow + r + 1
		w.row.reset(diag.Pos{File: w.name, Line: line})
		size, ok := 0, true
		for i := range fields {
			pf := &fields[i]
			at := diag.Pos{File: w.name, Line: line, Col: pf.col}
			switch pf.shape {
			case shapeScalar:
				// One entry a row, so entry r is row r's.
				col := cols[pf.leaf.Index()]
				text, present, good := w.cell(col, col.Value(r), pf, at)
				ok = ok && good
				if !present || !ok {
					continue
				}
				size += len(text)
				switch pf.field {
				case fVia:
					w.viaText(text, at)
				case fContext:
					w.csvContext(text, at)
				default:
					w.set(pf.field, text, at)
				}
			case shapeList:
				col := cols[pf.leaf.Index()]
				w.row.has[fVia] = true
				for _, s := range col.Entries(r) {
					text, present, good := w.cell(col, s, pf, at)
					ok = ok && good
					if present && ok {
						size += len(text)
						w.addVia(text, at)
					}
				}
			case shapeMap:
				keys, vals := cols[pf.key.Index()], cols[pf.elem.Index()]
				ks, vs := keys.Entries(r), vals.Entries(r)
				if len(ks) != len(vs) {
					w.problem(diag.Errorf(at, "parquet", "column %q holds %d keys and %d values in this row", pf.name, len(ks), len(vs)))
					ok = false
					continue
				}
				w.row.has[fContext] = true
				for j := range ks {
					k, kPresent, good := w.cell(keys, ks[j], pf, at)
					v, _, vGood := w.cell(vals, vs[j], pf, at)
					ok = ok && good && vGood
					if kPresent && ok {
						size += len(k) + len(v)
						w.addContext(k, v, at)
					}
				}
			case shapeStruct:
				w.row.has[fContext] = true
				for j, part := range pf.parts {
					col := cols[part.Index()]
					v, present, good := w.cell(col, col.Value(r), pf, at)
					ok = ok && good
					if present && ok {
						size += len(pf.names[j]) + len(v)
						w.addContext(pf.names[j], v, at)
					}
				}
			}
		}
		if size > MaxLineBytes {
			w.problem(diag.Errorf(diag.Pos{File: w.name, Line: line}, "too-long", "the row is longer than the limit of %s; it is skipped", diag.ByteSize(MaxLineBytes)))
			continue
		}
		if !ok {
			continue
		}
		spent += perClaim + int64(size)
		if spent > 1<<20 {
			if !budget.Take(spent) {
				return parquetread.ErrBudget
			}
			spent = 0
		}
		w.endRow()
	}
	if !budget.Take(spent) {
		return parquetread.ErrBudget
	}
	return nil
}

// cell returns the text of one entry of a column; present is false for a
// null, and ok false for an entry reported as unreadable.
func (w *bulkFile) cell(col *parquetread.Column, s parquetread.Span, pf *pqField, at diag.Pos) (text []byte, present, ok bool) {
	switch {
	case s.Null():
		return nil, false, true
	case s.TooLong():
		w.problem(diag.Errorf(at, "too-long", "the value in column %q is longer than the limit of %s; the row is skipped", pf.name, diag.ByteSize(MaxLineBytes)))
		return nil, false, false
	}
	text = col.Bytes(s)
	if col.Clean() {
		return text, true, true
	}
	if !safetext.ASCII(text) && !utf8.Valid(text) {
		w.problem(diag.Errorf(at, "encoding", "column %q holds invalid UTF-8; claim text must be UTF-8 (the row is skipped)", pf.name))
		return nil, false, false
	}
	if bytes.IndexByte(text, 0) >= 0 {
		w.problem(diag.Errorf(at, "control-char", "column %q holds a NUL character (the row is skipped)", pf.name))
		return nil, false, false
	}
	return text, true, true
}

// viaText reads outlets from one text cell, separated by ; or | as in CSV.
func (w *bulkFile) viaText(text []byte, at diag.Pos) {
	w.row.has[fVia] = true
	for len(text) > 0 {
		j := bytes.IndexAny(text, ";|")
		if j < 0 {
			j = len(text)
		}
		w.addVia(bytes.TrimSpace(text[:j]), at)
		if j == len(text) {
			break
		}
		text = text[j+1:]
	}
}
