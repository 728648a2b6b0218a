package ledgeredit

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/cli"
)

func TestParsePairs(t *testing.T) {
	keys := []string{"id", "name", "url", "kind"}
	tests := []struct {
		spec    string
		want    [][2]string
		wantErr string
	}{
		{"id=ap,name=AP", [][2]string{{"id", "ap"}, {"name", "AP"}}, ""},
		// An unquoted comma stays in the value unless a KEY= follows it.
		{"name=Reuters, London,kind=wire", [][2]string{{"name", "Reuters, London"}, {"kind", "wire"}}, ""},
		{`name="a, ""b""",id=x`, [][2]string{{"name", `a, "b"`}, {"id", "x"}}, ""},
		// A URL's query keeps its own KEY=VALUE.
		{"url=https://x.org/?a=1,b=2,id=x", [][2]string{{"url", "https://x.org/?a=1,b=2"}, {"id", "x"}}, ""},
		{"nmae=AP", nil, `did you mean name=?`},
		{"AP", nil, `"AP" is not KEY=VALUE`},
		{`name="AP`, nil, "has no closing quote"},
		{`name="AP"x`, nil, "the closing quote must end the value"},
	}
	for _, tt := range tests {
		got, err := parsePairs("--new-source", tt.spec, keys)
		if tt.wantErr != "" {
			var ue *cli.UsageError
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &ue) {
				t.Errorf("parsePairs(%q) = %v, %v; want a usage error saying %q", tt.spec, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("parsePairs(%q) = %q, %v; want %q", tt.spec, got, err, tt.want)
		}
	}
}

func TestParseTopicKeepsTheCause(t *testing.T) {
	_, err := ParseTopic("t.x", "tolerance=lots")
	var ue *cli.UsageError
	if !errors.As(err, &ue) || errors.Unwrap(ue.Err) == nil {
		t.Fatalf("ParseTopic = %v; want a usage error wrapping the tolerance's", err)
	}
	if top, err := ParseTopic("t.x", TopicAlone); err != nil || top.ID != "t.x" || top.Type != "" {
		t.Errorf("ParseTopic alone = %+v, %v", top, err)
	}
}
