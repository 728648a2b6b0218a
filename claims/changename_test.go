package claims_test

import (
	"slices"
	"testing"
)

// One change that replaced several of the origin's claims of one day is
// one line, named by the claim that best says what the origin had said.
func TestAChangeIsNamedByItsRecord(t *testing.T) {
	const header = `ledger: 1
sources:
  company: {name: Company, kind: official}
  early: {name: Early paper, kind: outlet, published: 2016-12-21}
  late: {name: Late paper, kind: outlet, published: 2017-10-04}
  later: {name: Later paper, kind: outlet, published: 2017-10-05}
  undated: {name: Undated page, kind: outlet}
topics:
  accounts: {type: number, tolerance: 1%}
claims:
`
	tests := []struct{ name, claims, want string }{
		{
			// Yahoo: "more than one billion" printed in December 2016;
			// "one billion" and "up to 1 billion" recalled in October
			// 2017, after Yahoo said three billion.
			name: "a relay printed before the change over ones that recall it",
			claims: `  - {topic: accounts, value: "1 billion", source: company, via: [late], date: 2016-12-14}
  - {topic: accounts, value: "up to 1 billion", source: company, via: [later], date: 2016-12-14}
  - {topic: accounts, value: "more than 1 billion", source: company, via: [early], date: 2016-12-14}
  - {topic: accounts, value: "3 billion", source: company, via: [late], date: 2017-10-03}
`,
			want: "company revised more than 1 billion (14 Dec 2016) → 3 billion (3 Oct 2017)",
		},
		{
			name: "the origin's own words over a relay's",
			claims: `  - {topic: accounts, value: "about 1 billion", source: company, via: [late], date: 2016-12-14}
  - {topic: accounts, value: "more than 1 billion", source: company, date: 2016-12-14}
  - {topic: accounts, value: "3 billion", source: company, date: 2017-10-03}
`,
			want: "company revised more than 1 billion (14 Dec 2016) → 3 billion (3 Oct 2017)",
		},
		{
			// Deepwater Horizon, 10 June: one release printed as 20,000 to
			// 40,000, as 25,000 to 30,000 and as "as many as 40,000".
			name: "a range over a bound, and the range that holds the others",
			claims: `  - {topic: accounts, value: "as many as 40,000", source: company, via: [undated], date: 2010-06-10}
  - {topic: accounts, value: "25,000 to 30,000", source: company, via: [undated], date: 2010-06-10}
  - {topic: accounts, value: "between 20,000 and 40,000", source: company, via: [undated], date: 2010-06-10}
  - {topic: accounts, value: "between 35,000 and 60,000", source: company, via: [undated], date: 2010-06-15}
`,
			want: "company revised between 20,000 and 40,000 (10 Jun) → between 35,000 and 60,000 (15 Jun)",
		},
		{
			// Beirut 2020: the health ministry's 2,500, 2,700 and 3,000
			// wounded through three outlets, none with a time, then "more
			// than 3,500".
			name: "the figure nearest the change was its last step",
			claims: `  - {topic: accounts, value: "2,500", source: company, via: [undated], date: 2020-08-04}
  - {topic: accounts, value: "3,000", source: company, via: [undated], date: 2020-08-04}
  - {topic: accounts, value: "2,700", source: company, via: [undated], date: 2020-08-04}
  - {topic: accounts, value: "more than 3,500", source: company, via: [undated], date: 2020-08-05}
`,
			want: "company revised 3,000 (4 Aug) → more than 3,500 (5 Aug)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, header+tt.claims)
			var revs []string
			for _, r := range a.Revisions {
				revs = append(revs, r.String())
			}
			if want := []string{tt.want}; !slices.Equal(revs, want) {
				t.Errorf("revisions = %q, want %q", revs, want)
			}
		})
	}
}
