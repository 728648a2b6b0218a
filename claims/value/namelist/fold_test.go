package namelist

import (
	"strings"
	"testing"
	"unicode"
)

// TestFoldAccents: a name written with its accents and the same name as
// a store that cannot print them writes it are one person, in every
// language that writes with Latin letters, not only those whose letters
// lie in Latin-1 and Latin Extended-A.
func TestFoldAccents(t *testing.T) {
	for _, tc := range []struct {
		lang, accented, plain string
	}{
		{"vietnamese", "Nguyễn, An", "Nguyen, An"},
		{"vietnamese", "Đặng Văn Lâm", "Dang Van Lam"},
		{"vietnamese", "Trần Thị Thu Hương", "Tran Thi Thu Huong"},
		{"vietnamese", "Phạm Nhật Vượng", "Pham Nhat Vuong"},
		{"polish", "Łukasz Żółćiński", "Lukasz Zolcinski"},
		{"polish", "Wałęsa, Lech", "Walesa, Lech"},
		{"turkish", "Işık, Şükrü", "Isik, Sukru"},
		{"turkish", "İlkay Gündoğan", "Ilkay Gundogan"},
		{"icelandic", "Þórður Guðjohnsen", "Thordur Gudjohnsen"},
		{"icelandic", "Björk Guðmundsdóttir", "Bjork Gudmundsdottir"},
		{"icelandic", "Ævar Ólafsson", "Aevar Olafsson"},
		{"romanian", "Ștefan Țiriac", "Stefan Tiriac"},
		{"croatian", "Đurđević, Ivan", "Durdevic, Ivan"},
		{"danish", "Søren Kierkegaard", "Soren Kierkegaard"},
		{"german", "Strauß, Franz", "Strauss, Franz"},
		{"french", "Œuvray, Zoé", "Oeuvray, Zoe"},
		{"decomposed", "Nguye\u0302\u0303n, An", "Nguyen, An"},
	} {
		t.Run(tc.lang+"/"+tc.plain, func(t *testing.T) {
			a, err := Canonical(tc.accented)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Canonical(tc.plain)
			if err != nil {
				t.Fatal(err)
			}
			if a != b {
				t.Errorf("%q reads as %q, %q as %q", tc.accented, a, tc.plain, b)
			}
		})
	}
}

// TestFoldKeepsOtherScripts: marks that tell one letter from another
// outside the Latin script stay, as do letters with no plain form.
func TestFoldKeepsOtherScripts(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"がくと", "かくと"},                 // ga is not ka
		{"Καζαντζάκης", "Καζαντζακης"}, // Greek accents are left as written
		{"김민준", "김민준"},                 // Hangul stays whole
	} {
		a, _ := Canonical(tc.a)
		b, _ := Canonical(tc.b)
		if (tc.a == tc.b) != (a == b) {
			t.Errorf("%q reads as %q, %q as %q", tc.a, a, tc.b, b)
		}
	}
}

// latin1Folds is how names folded the letters of U+00C0 to U+017F before
// folding went by NFD: a dot where the letter stayed or became two.
const latin1Folds = "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y" +
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.lllllll" +
	"lllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"

// TestFoldKeepsLatin1: every letter of U+00C0 to U+017F folds as it did.
func TestFoldKeepsLatin1(t *testing.T) {
	for r := rune(0xC0); r < 0x180; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		want := string(latin1Folds[r-0xC0])
		if want == "." {
			continue
		}
		var b strings.Builder
		foldLetter(&b, unicode.ToLower(r))
		if b.String() != want {
			t.Errorf("%c (U+%04X) folds to %q, was %q", r, r, b.String(), want)
		}
	}
}
