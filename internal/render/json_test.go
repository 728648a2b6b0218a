package render

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestWriteJSONEscapesControls(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Reuters", `"Reuters"`},
		{"C0 by encoding/json", "a\x1b[31mb", `"a\u001b[31mb"`},
		{"C1", "a\u009b31m", `"a\u009b31m"`},
		{"bidi override", "\u202eevil", `"\u202eevil"`},
		{"isolates", "\u2066x\u2069", `"\u2066x\u2069"`},
		{"other text kept", "Zelenskyy’s “plan” — <b>", `"Zelenskyy’s “plan” — <b>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteJSON(&buf, tt.in); err != nil {
				t.Fatal(err)
			}
			if got := string(bytes.TrimSpace(buf.Bytes())); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			var back string
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back != tt.in {
				t.Errorf("round trip gave %q, %v", back, err)
			}
		})
	}
}
