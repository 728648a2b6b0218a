package sources

import "testing"

func TestParseKind(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
		ok   bool
	}{
		{"outlet", Outlet, true},
		{" Wire ", Wire, true},
		{"OFFICIAL", Official, true},
		{"dataset", Dataset, true},
		{"blog", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseKind(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, k := range Kinds {
		if got, ok := ParseKind(string(k)); !ok || got != k {
			t.Errorf("ParseKind(%q) does not round-trip", k)
		}
	}
}

func TestLooksAnonymous(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Senior US official (unnamed)", true},
		{"Senior Pentagon official", true},
		{"senior administration officials", true},
		{"Anonymous source", true},
		{"Official speaking on condition of anonymity", true},
		{"Unidentified Kremlin aide", true},
		{"People familiar with the talks", true},
		{"Sources in the Kremlin", true},
		{"A European diplomat", true},
		{"an aide to Zelensky", true},
		{"US officials", true},
		{"White House official", true},
		{"Official who asked not to be named", true},
		{"Rustem Umerov", false},
		{"Reuters", false},
		{"Valery Gerasimov", false},
		{"An Nguyen", false},
		{"Jake Sullivan, US official", false},
		{"Official Journal of the European Union", false},
		{"Senior Fellow Jane Doe", false},
		{"", false},
		{"()", false},
	}
	for _, tt := range tests {
		if got := LooksAnonymous(tt.name); got != tt.want {
			t.Errorf("LooksAnonymous(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSourceAnonymous(t *testing.T) {
	tests := []struct {
		src  *Source
		want bool
	}{
		{&Source{Name: "Senior US official (unnamed)", Kind: Official}, true},
		{&Source{Name: "Unnamed witness", Kind: Person}, true},
		// An outlet citing "sources" is still a named outlet.
		{&Source{Name: "Sources weekly", Kind: Outlet}, false},
		{&Source{Name: "Rustem Umerov", Kind: Person}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := tt.src.Anonymous(); got != tt.want {
			t.Errorf("%+v.Anonymous() = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestKindReportsOrKeepsCount(t *testing.T) {
	for _, tt := range []struct {
		kind          Kind
		reports, keep bool
	}{
		{Outlet, true, false}, {Wire, true, false}, {Person, false, false},
		{Official, false, true}, {Government, false, true}, {Document, false, true}, {Dataset, false, true},
		{"", false, false},
	} {
		if tt.kind.Reports() != tt.reports || tt.kind.KeepsCount() != tt.keep {
			t.Errorf("%q: reports %v, keeps the count %v; want %v, %v", tt.kind, tt.kind.Reports(), tt.kind.KeepsCount(), tt.reports, tt.keep)
		}
	}
}
