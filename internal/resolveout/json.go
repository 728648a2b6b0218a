// Package resolveout writes what claimdiff resolve found, in every
// format: a table for people, JSON, JSON Lines and CSV for scripts, and
// the explanation of a topic. The JSON field names below are a contract,
// documented in README beside disputed's.
package resolveout

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Record is one likely value: a line of --format jsonl, an entry of
// --format json's "values". Optional fields appear only when set.
type Record struct {
	Topic string `json:"topic"`
	// Context holds the claims' qualifiers, key by key.
	Context map[string]string `json:"context,omitempty"`
	// AsOf is the moment compared, for topics that change.
	AsOf string `json:"as_of,omitempty"`
	// Currency separates amounts of money that are never compared.
	Currency string `json:"currency,omitempty"`
	// Value is as one of its supporting claims wrote it; Canonical its
	// normal form.
	Value      string  `json:"value"`
	Canonical  string  `json:"canonical"`
	Confidence float64 `json:"confidence"`
	// TooLittleEvidence says that the value rests on too little evidence
	// to estimate (resolve.Value.Thin).
	TooLittleEvidence bool `json:"too_little_evidence,omitempty"`
	// Claims are the ids of the claims that support it; Origins the
	// number of their independent origins.
	Claims  []string `json:"claims"`
	Origins int      `json:"origins"`
	// Alternatives are the other values claimed, most likely first.
	Alternatives []AltRecord `json:"alternatives,omitempty"`
}

// AltRecord is a value judged less likely.
type AltRecord struct {
	Value       string   `json:"value"`
	Canonical   string   `json:"canonical"`
	Probability float64  `json:"probability"`
	Claims      []string `json:"claims"`
	Origins     int      `json:"origins"`
}

// SourceRecord is one source's estimate in --format json's "sources".
type SourceRecord struct {
	ID       string  `json:"id"`
	Accuracy float64 `json:"accuracy"`
	// Claims counts its claims that were taken into account.
	Claims int          `json:"claims"`
	Copies []CopyRecord `json:"copies"`
}

// CopyRecord is a source that one likely copies from. Probability is
// that of copying from it; Dependence that of copying either way.
type CopyRecord struct {
	Source      string  `json:"source"`
	Probability float64 `json:"probability"`
	Dependence  float64 `json:"dependence"`
}

// NewRecord makes the record of v.
func NewRecord(l *claims.Ledger, v *resolve.Value) Record {
	rec := Record{Topic: v.Topic, AsOf: v.Moment, Currency: v.Currency, Value: v.Value, Canonical: v.Canonical,
		Confidence: Round(v.Confidence), TooLittleEvidence: v.Thin, Claims: ids(l, v.Claims), Origins: len(v.Origins)}
	if pairs := claims.ContextPairs(v.Context); len(pairs) > 0 {
		rec.Context = make(map[string]string, len(pairs))
		for _, p := range pairs {
			rec.Context[p[0]] = p[1]
		}
	}
	for _, a := range v.Alternatives {
		rec.Alternatives = append(rec.Alternatives, AltRecord{Value: a.Value, Canonical: a.Canonical,
			Probability: Round(a.Probability), Claims: ids(l, a.Claims), Origins: len(a.Origins)})
	}
	return rec
}

func ids(l *claims.Ledger, idx []int) []string {
	out := make([]string, len(idx))
	for i, c := range idx {
		out[i] = l.Claims[c].ID
	}
	return out
}

// Round cuts a probability to four decimals, rounding down, as
// render.Probability does.
func Round(p float64) float64 { return render.Probability(p) }

// SourceRecords are the estimates of r's sources, by id.
func SourceRecords(r *resolve.Result) []SourceRecord {
	out := make([]SourceRecord, 0, len(r.Sources))
	for _, s := range r.Sources {
		out = append(out, NewSourceRecord(s))
	}
	return out
}

// NewSourceRecord makes the record of one source's estimate.
func NewSourceRecord(s resolve.Source) SourceRecord {
	rec := SourceRecord{ID: s.ID, Accuracy: render.Accuracy(s.Accuracy), Claims: s.Claims, Copies: []CopyRecord{}}
	for _, c := range s.Copies {
		rec.Copies = append(rec.Copies, CopyRecord{Source: c.From, Probability: Round(c.Probability), Dependence: Round(c.Dependence)})
	}
	return rec
}

// encoder encodes values one by one into a reused buffer, as
// claimdiff's other JSON is: no HTML escaping, controls and bidi
// characters escaped.
type encoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newEncoder(prefix string, indent bool) *encoder {
	e := &encoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	if indent {
		e.enc.SetIndent(prefix, "  ")
	}
	return e
}

func (e *encoder) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return render.EscapeJSONControls(bytes.TrimSuffix(e.buf.Bytes(), []byte("\n"))), nil
}

// JSONL writes one record a line.
func JSONL(w io.Writer, r *resolve.Result, values []resolve.Value) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	eachRecord(r.Ledger, values, false, "", func(_ int, b []byte) {
		// Printed in CI logs too, where "##[" is a command.
		bw.Write(safetext.JSONWorkflow(b))
		bw.WriteByte('\n')
	})
	return bw.Flush()
}

// JSON writes --format json: the values and the sources' estimates, how
// the estimate went and the ledger it read, indented as claimdiff's other
// JSON is. The document's keys are, in order: values, sources, method,
// iterations, converged, count, ledger, and skipped when --skip-invalid
// was given. Records are written as they are made, so that a million of
// them are never held at once.
func JSON(w io.Writer, r *resolve.Result, values []resolve.Value, ledger disputedout.LedgerJSON, skipped *disputedout.SkippedJSON) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	top := newEncoder("  ", true)
	bw.WriteString("{\n  \"values\": [")
	eachRecord(r.Ledger, values, true, "    ", func(i int, b []byte) {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(safetext.JSONWorkflow(b))
	})
	if len(values) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n")
	srcs := SourceRecords(r)
	type field struct {
		key string
		v   any
	}
	fields := []field{{"sources", srcs}, {"method", r.Method}, {"iterations", r.Iterations}, {"converged", r.Converged},
		{"count", len(values)}, {"ledger", ledger}}
	if skipped != nil {
		fields = append(fields, field{"skipped", skipped})
	}
	for i, f := range fields {
		b, err := top.encode(f.v)
		if err != nil {
			return err
		}
		bw.WriteString("  \"" + f.key + "\": ")
		bw.Write(safetext.JSONWorkflow(b))
		if i < len(fields)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("}\n")
	return bw.Flush()
}
