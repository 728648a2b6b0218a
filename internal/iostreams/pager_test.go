package iostreams

import (
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

func TestPagerOnlyOnATerminal(t *testing.T) {
	s, _, out, _ := Test()
	s.Pager = "tr a-z A-Z"
	if err := s.StartPager(); err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(s.Out, "plain")
	s.StopPager()
	if out.String() != "plain" {
		t.Errorf("a pipe went through the pager: %q", out.String())
	}
}

func TestPagerCarriesOutput(t *testing.T) {
	if _, err := exec.LookPath("tr"); err != nil {
		t.Skip("no tr")
	}
	s, _, out, _ := Test()
	s.OutTTY, s.Pager = true, "tr a-z A-Z"
	if err := s.StartPager(); err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(s.Out, "paged")
	s.StopPager()
	if out.String() != "PAGED" {
		t.Errorf("got %q through the pager", out.String())
	}
	if _, ok := s.Out.(quitWriter); ok {
		t.Error("Out not given back")
	}
}

func TestNoPager(t *testing.T) {
	for _, p := range []string{"", "cat", "  "} {
		s, _, out, _ := Test()
		s.OutTTY, s.Pager = true, p
		_ = s.StartPager()
		fmt.Fprint(s.Out, "x")
		s.StopPager()
		if out.String() != "x" {
			t.Errorf("pager %q: got %q", p, out.String())
		}
	}
}

func TestPagerEnv(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want []string
	}{
		{"unset", nil, []string{"LESS=FRX", "LV=-c"}},
		{"user's LESS wins", map[string]string{"LESS": "-S"}, []string{"LV=-c"}},
		{"both chosen", map[string]string{"LESS": "R", "LV": "-a"}, nil},
	} {
		got := pagerEnv(func(k string) string { return tc.env[k] })
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestPagerGetsLess runs env as the pager, which prints its environment:
// with LESS unset in the injected environment the pager sees LESS=FRX, so
// less shows colour rather than raw escapes; a LESS the user set is left.
func TestPagerGetsLess(t *testing.T) {
	if _, err := exec.LookPath("env"); err != nil {
		t.Skip("no env")
	}
	for _, tc := range []struct{ less, want, not string }{
		{"", "LESS=FRX", ""},
		{"-S", "LESS=-S", "LESS=FRX"},
	} {
		t.Setenv("LESS", tc.less) // what the pager inherits
		s, _, out, _ := Test()
		s.OutTTY, s.Pager = true, "env"
		s.Getenv = func(k string) string {
			if k == "LESS" {
				return tc.less
			}
			return ""
		}
		_ = s.StartPager()
		s.StopPager()
		lines := strings.Split(out.String(), "\n")
		if !slices.Contains(lines, tc.want) {
			t.Errorf("LESS=%q: the pager's environment lacks %s", tc.less, tc.want)
		}
		if tc.not != "" && slices.Contains(lines, tc.not) {
			t.Errorf("LESS=%q: the pager's environment has %s", tc.less, tc.not)
		}
	}
}
