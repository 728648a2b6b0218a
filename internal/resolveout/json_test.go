package resolveout

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/claimdiff/claimdiff/internal/render"
)

func encodingJSON(t *testing.T, v any, prefix string, indent bool) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent(prefix, "  ")
	}
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(render.EscapeJSONControls(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))))
}

// The hand-written record writer writes what encoding/json would, so the
// struct tags of Record are the contract.
func TestRecordWriterMatchesEncodingJSON(t *testing.T) {
	hostile := "a\"b\\c\n\r\t\b\f\x01\x1f <&> \u2028\u2029 \u0085\u009b \u202e\u2066 \xff é 中"
	recs := []Record{
		{Topic: "t", Value: "v", Canonical: "v", Confidence: 0.9999, Claims: []string{"c1"}, Origins: 1},
		{Topic: hostile, Context: map[string]string{"z": hostile, "a": "1"}, AsOf: "2025-11-20", Currency: "USD",
			Value: hostile, Canonical: hostile, Confidence: 0, Claims: []string{hostile, "x"}, Origins: 2,
			Alternatives: []AltRecord{{Value: "w", Canonical: "w", Probability: 1e-7, Claims: []string{"c2"}, Origins: 1},
				{Value: hostile, Canonical: "", Probability: 0.5, Claims: []string{}, Origins: 0}}},
	}
	for _, rec := range recs {
		for _, indent := range []bool{false, true} {
			prefix := ""
			if indent {
				prefix = "    "
			}
			w := &jsonWriter{indent: indent, prefix: prefix}
			w.record(&rec)
			if got, want := string(w.b), encodingJSON(t, rec, prefix, indent); got != want {
				t.Errorf("indent %v:\n got %s\nwant %s", indent, got, want)
			}
		}
	}
	for _, x := range []float64{0, 1, 0.5, 0.9999, 1e-7, 1.5e-9, 123456789, 1e21, 2.5e22} {
		if got, want := string(appendJSONFloat(nil, x)), encodingJSON(t, x, "", false); got != want {
			t.Errorf("float %v: %s, want %s", x, got, want)
		}
	}
}
