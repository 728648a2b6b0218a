package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// Parquet is binary: on a terminal, export says where to put it instead
// of printing it, and exits 2 before loading anything. Through a pipe it
// is written.
func TestExportParquetNotToATerminal(t *testing.T) {
	for _, args := range [][]string{{"export", "--format", "parquet"}, {"export", "--format", "parquet", "-f", "missing.yaml"}} {
		ios, _, out, errOut := iostreams.Test()
		ios.OutTTY = true
		if code := runWith(ios, args); code != 2 {
			t.Fatalf("%v: exit %d, want 2\n%s", args, code, errOut)
		}
		if out.Len() != 0 {
			t.Errorf("%v: wrote %d bytes to the terminal", args, out.Len())
		}
		msg := errOut.String()
		if !strings.Contains(msg, "claimdiff: parquet is a binary format; export does not print it on a terminal\n") ||
			!strings.Contains(msg, "hint: write it to a file with -o claims.parquet, or redirect stdout") {
			t.Errorf("%v: stderr\n%s", args, msg)
		}
	}

	ios, _, out, errOut := iostreams.Test()
	if code := runWith(ios, []string{"export", "--format", "parquet"}); code != 0 {
		t.Fatalf("to a pipe: exit %d\n%s", code, errOut)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("PAR1")) || !bytes.HasSuffix(out.Bytes(), []byte("PAR1")) {
		t.Errorf("to a pipe: not a Parquet file: %q…", out.Bytes()[:min(out.Len(), 16)])
	}
}
