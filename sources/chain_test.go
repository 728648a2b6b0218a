package sources

import (
	"slices"
	"testing"
)

func TestChain(t *testing.T) {
	r := ledger(t,
		"us-official: reuters",
		"reuters",
		"reopen-media: novaya",
		"novaya",
		"loop-a: loop-b",
		"loop-b: loop-a",
		"tass",
	)
	tests := []struct {
		name   string
		origin string
		via    []string
		want   []string
	}{
		{"origin alone", "reuters", nil, []string{"reuters"}},
		{"origin's own via", "us-official", nil, []string{"us-official", "reuters"}},
		{"claim via after the origin's", "us-official", []string{"reopen-media"},
			[]string{"us-official", "reuters", "reopen-media", "novaya"}},
		{"no id twice", "us-official", []string{"reuters", "novaya", "reopen-media"},
			[]string{"us-official", "reuters", "novaya", "reopen-media"}},
		{"cycle", "loop-a", []string{"loop-b", "tass"}, []string{"loop-a", "loop-b", "tass"}},
		{"unknown ids listed, not followed", "ghost", []string{"phantom", "reuters"},
			[]string{"ghost", "phantom", "reuters"}},
		{"empty origin", "", []string{"tass", ""}, []string{"tass"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Chain(tt.origin, tt.via); !slices.Equal(got, tt.want) {
				t.Errorf("Chain(%q, %q) = %q, want %q", tt.origin, tt.via, got, tt.want)
			}
		})
	}
	var nilReg *Registry
	if got := nilReg.Chain("x", []string{"y"}); !slices.Equal(got, []string{"x", "y"}) {
		t.Errorf("nil registry Chain = %q", got)
	}
}

func TestChainString(t *testing.T) {
	tests := []struct {
		chain []string
		want  string
	}{
		{nil, ""},
		{[]string{"reuters"}, "reuters"},
		{[]string{"us-official", "reuters", "reopen-media"}, "us-official → reuters → reopen-media"},
	}
	for _, tt := range tests {
		if got := ChainString(tt.chain); got != tt.want {
			t.Errorf("ChainString(%q) = %q, want %q", tt.chain, got, tt.want)
		}
	}
}

func TestSupport(t *testing.T) {
	r := ledger(t,
		"us-official: reuters",
		"reuters",
		"ap",
		"afp",
		"reopen-media",
		"umerov",
	)
	tests := []struct {
		name    string
		claims  []Attribution
		origins []string
		reach   []string
		text    string
	}{
		{
			name:   "nothing",
			claims: nil,
			text:   "0 outlets, 0 independent origins",
		},
		{
			name:    "one direct claim",
			claims:  []Attribution{{Origin: "umerov"}},
			origins: []string{"umerov"},
			reach:   []string{"umerov"},
			text:    "1 outlet, 1 independent origin",
		},
		{
			name: "one origin repeated",
			claims: []Attribution{
				{Origin: "us-official"},
				{Origin: "us-official", Via: []string{"reopen-media"}},
			},
			origins: []string{"us-official"},
			reach:   []string{"reopen-media", "reuters", "us-official"},
			text:    "3 outlets, 1 independent origin",
		},
		{
			name: "independent origins",
			claims: []Attribution{
				{Origin: "reuters"},
				{Origin: "ap", Via: []string{"afp"}},
				{Origin: "ap"},
			},
			origins: []string{"ap", "reuters"},
			reach:   []string{"afp", "ap", "reuters"},
			text:    "3 outlets, 2 independent origins",
		},
		{
			name:    "claim without an origin",
			claims:  []Attribution{{Via: []string{"afp"}}},
			origins: []string{},
			reach:   []string{"afp"},
			text:    "1 outlet, 0 independent origins",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := r.Support(tt.claims)
			if !slices.Equal(s.OriginIDs, tt.origins) || s.Origins != len(tt.origins) {
				t.Errorf("origins = %d %q, want %q", s.Origins, s.OriginIDs, tt.origins)
			}
			if !slices.Equal(s.ReachIDs, tt.reach) || s.Reach != len(tt.reach) {
				t.Errorf("reach = %d %q, want %q", s.Reach, s.ReachIDs, tt.reach)
			}
			if got := s.String(); got != tt.text {
				t.Errorf("String() = %q, want %q", got, tt.text)
			}
		})
	}
}
