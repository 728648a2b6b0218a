package extract

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/sources"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two!", []string{"One.", "Two!"}},
		{"Mr. Rahman said 1.5 million. Next", []string{"Mr. Rahman said 1.5 million.", "Next"}},
		{"Headline 340 dead\nBody text.", []string{"Headline 340 dead", "Body text."}},
		{`He said "no." Then left.`, []string{`He said "no."`, "Then left."}},
		{"John F. Kennedy spoke in Sept. 1962.", []string{"John F. Kennedy spoke in Sept. 1962."}},
		{"  \n\n ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range sentences(tt.text) {
			got = append(got, tt.text[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFigures(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The toll rose to at least 340 on Sunday.", []string{"at least 340"}},
		{"Between 3,000 and 5,000 workers were inside.", []string{"Between 3,000 and 5,000"}},
		{"as many as 2.5 million people came", []string{"as many as 2.5 million"}},
		{"nearly 400 died and up to 60 percent fled", []string{"nearly 400", "up to 60 percent"}},
		{"two dozen workers and thousands of others", []string{"two dozen", "thousands"}},
		{"one of the workers said", nil},
		{"In 2013, at 7 p.m., on the 9th floor", nil},
		{"It fell on April 24, 2013 with 1,127 dead", []string{"April 24, 2013", "1,127"}},
		{"on 24 April 2013", []string{"24 April 2013"}},
		{"the $26 billion fine", []string{"$26 billion"}},
		{"flow of 35,000 to 60,000 barrels", []string{"35,000 to 60,000"}},
		{"code A320 and 10:30", nil},
		{"the eight-storey building, one-third of it", []string{"eight"}},
		{"as high as 2 million", []string{"as high as 2 million"}},
		// "-odd" and "-plus" are part of the figure: "600-odd" is not 600.
		{"home to some 600-odd residents", []string{"some 600-odd"}},
		{"40 odd families and 500-plus guests", []string{"40 odd", "500-plus"}},
		{"forty-odd years later", []string{"forty-odd"}},
		{"an odd 12 people, an odd number", []string{"12"}},
		{"hundreds if not thousands of people", []string{"hundreds if not thousands"}},
		{"300, if not more, died", []string{"300, if not more"}},
		// An increase is no count: "500 more" proposes nothing.
		{"500 more died on Monday, 300 or more on Tuesday", []string{"300 or more"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range figures(tt.sentence) {
			got = append(got, tt.sentence[f.at.start:f.at.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("figures(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}

func TestAttribution(t *testing.T) {
	tests := []struct{ sentence, who, told string }{
		{"The toll is 340, police said.", "police", ""},
		{"The toll is 340, according to deputy administrator Zillur Rahman.", "deputy administrator Zillur Rahman", ""},
		{"Habibur Rahman told Reuters that 340 died.", "Habibur Rahman", "Reuters"},
		{"340 died, said Habibur Rahman, a police officer.", "Habibur Rahman", ""},
		{"340 died.", "", ""},
		{"12 died, the county fire service said.", "county fire service", ""},
		{"Officials on Tuesday said 12 died.", "", ""},
		{"92 reports, according to the U.S. Consumer Product Safety Commission.", "U.S. Consumer Product Safety Commission", ""},
		{"Chilean police say 630 may have died.", "Chilean police", ""},
	}
	for _, tt := range tests {
		who, told := attribution(tt.sentence)
		if who != tt.who || told != tt.told {
			t.Errorf("attribution(%q) = %q, %q; want %q, %q", tt.sentence, who, told, tt.who, tt.told)
		}
	}
}

func TestTextQuotesAreFound(t *testing.T) {
	text := "https://example.org/a\nThe toll rose to at least 340, police said. Officials denied it. It is not true."
	ps := Text(text, Options{Source: "wire"})
	if len(ps) != 3 {
		t.Fatalf("got %d proposals, want 3: %+v", len(ps), ps)
	}
	if ps[0].Value != "at least 340" || ps[0].Speaker != "police" || ps[0].Denies {
		t.Errorf("first proposal = %+v", ps[0])
	}
	if ps[1].Kind != Denial || ps[2].Value != "no" {
		t.Errorf("denials = %+v, %+v", ps[1], ps[2])
	}
	a := sources.NewArchive(text)
	for _, p := range ps {
		if !a.Find(p.Quote).Exact || text[p.Start:p.End] != p.Quote {
			t.Errorf("quote %q is not the text's", p.Quote)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add("https://x\nAt least 340 died, police said on April 24, 2013.")
	f.Add("between 1 and\n2 million. Mr. . . 9th 10:30 thousands")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		for _, p := range Text(text, Options{Source: "s"}) {
			if p.Start < 0 || p.End > len(text) || p.Start > p.End {
				t.Fatalf("quote out of the text: %+v", p)
			}
			if p.Quote != strings.TrimSpace(text[p.Start:p.End]) {
				t.Fatalf("quote %q is not text[%d:%d]", p.Quote, p.Start, p.End)
			}
		}
	})
}

func TestDateLine(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Headline\nPosted: June 15th, 2010\nBody 5 dead.", "2010-06-15"},
		{"Published 17 May 2010\nBody.", "2010-05-17"},
		{"The toll reached 340 on April 24, 2013, after the building fell in Savar today.", ""},
		{"Headline\nNo date here.", ""},
	}
	for _, tt := range tests {
		if got, _ := dateLine(tt.text); got != tt.want {
			t.Errorf("dateLine(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	ps := Text("https://x\nPosted: June 15th, 2010\nAt least 5 died.", Options{Source: "s", Published: "2010-06-01"})
	if len(ps) != 1 || ps[0].Date != "2010-06-15" {
		t.Errorf("the date line gives the date and no proposal: %+v", ps)
	}
}

func TestVerbHedges(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The real toll exceeds 4,700.", "more than 4,700"},
		{"Deaths may hit 630.", "up to 630"},
		{"The toll is lower than the 802 figure.", "less than 802"},
		{"The toll rose to 340.", "340"},
		{"It could reach at least 12.", "at least 12"},
	}
	for _, tt := range tests {
		ps := Text(tt.text, Options{Source: "s"})
		if len(ps) != 1 || ps[0].Value != tt.want {
			t.Errorf("Text(%q) = %+v, want value %q", tt.text, ps, tt.want)
		}
	}
}

// A text with no full stop is cut into pieces, so each quote stays short
// and the work stays linear in the text.
func TestLongLineIsCut(t *testing.T) {
	t.Parallel()
	// 2,000 repeats make 54 KB, over a hundred times maxSentence.
	const n = 2000
	text := strings.Repeat("7 dead and more words here ", n)
	ps := Text(text, Options{Source: "s"})
	if len(ps) != n {
		t.Fatalf("got %d proposals, want %d", len(ps), n)
	}
	for _, p := range ps {
		if len(p.Quote) > maxSentence || text[p.Start:p.End] != p.Quote {
			t.Fatalf("quote %q is too long or not the text's", p.Quote)
		}
	}
}

func TestAttribute(t *testing.T) {
	srcs := []Source{{ID: "police", Name: "Dhaka police (Habibur Rahman)"}, {ID: "reuters", Name: "Reuters"}, {ID: "dawn", Name: "Dawn"}}
	tests := []struct {
		who, told, source, via, speaker string
	}{
		{"Habibur Rahman", "Reuters", "police", "reuters,dawn", ""},
		{"Habibur Rahman", "", "police", "dawn", ""},
		{"police", "the Dawn", "police", "dawn", ""},
		{"a witness", "Reuters", "dawn", "", "a witness"},
		{"", "", "dawn", "", ""},
	}
	for _, tt := range tests {
		source, via, speaker := attribute(tt.who, tt.told, "dawn", srcs)
		if source != tt.source || strings.Join(via, ",") != tt.via || speaker != tt.speaker {
			t.Errorf("attribute(%q, %q) = %q, %q, %q; want %q, %q, %q", tt.who, tt.told, source, via, speaker, tt.source, tt.via, tt.speaker)
		}
	}
}
