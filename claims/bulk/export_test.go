package bulk

import (
	"bytes"
	"errors"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/value"
)

func TestExportFormat(t *testing.T) {
	cs := []claims.Claim{
		{ID: "a/1", Topic: "t", Value: value.Value{Raw: "1,000"}, Source: "a", Via: []string{"b", "c"}, Date: "2025-01-02",
			Quote: "say \"hi\"\n\tthen\u202eevil\x1b[31m", Context: "draft=2; lang=en", Denies: true, Note: "n"},
		{ID: "t@a", Topic: "t", Value: value.Value{Raw: "2"}, Source: "a", DerivedID: true},
	}
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, cs); err != nil {
		t.Fatal(err)
	}
	want := `{"id": "a/1", "topic": "t", "value": "1,000", "source": "a", "via": ["b", "c"], "date": "2025-01-02", "quote": "say \"hi\"\n\tthen\u202eevil\u001b[31m", "context": {"draft": "2", "lang": "en"}, "denies": true, "note": "n"}
{"topic": "t", "value": "2", "source": "a"}
`
	if buf.String() != want {
		t.Errorf("jsonl:\n%s\nwant:\n%s", buf.String(), want)
	}

	buf.Reset()
	err := WriteCSV(&buf, cs, ',')
	var unsafe *UnsafeCSVError
	if !errors.As(err, &unsafe) || unsafe.Field != "quote" || buf.Len() != 0 {
		t.Fatalf("csv of a control character: %v, wrote %q", err, buf.String())
	}
	cs[0].Quote = "say \"hi\"\n\tthen"
	if err := WriteCSV(&buf, cs, ','); err != nil {
		t.Fatal(err)
	}
	want = "id,topic,value,source,via,date,as_of,quote,context,denies,note\n" +
		"a/1,t,\"1,000\",a,b;c,2025-01-02,,\"say \"\"hi\"\"\n\tthen\",draft=2; lang=en,true,n\n" +
		",t,2,a,,,,,,,\n"
	if buf.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestExportFormatFor(t *testing.T) {
	for name, want := range map[string]string{"a.jsonl": "jsonl", "A.NDJSON": "jsonl", "dir/x.csv": "csv", "x.tsv": "tsv", "x.json": "json", "csv": ""} {
		if got, _ := ExportFormatFor(name); got != want {
			t.Errorf("ExportFormatFor(%q) = %q, want %q", name, got, want)
		}
	}
}
