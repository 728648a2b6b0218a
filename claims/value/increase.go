package value

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// increaseWords follow a figure that adds to an earlier one: "500 more",
// "hundreds more", "1.5 million additional".
var increaseWords = []string{"more", "additional", "extra"}

// countWords end a figure written in words: "hundreds more", "1.5
// million more".
var countWords = []string{"dozen", "dozens", "scores", "hundred", "hundreds", "thousand", "thousands",
	"million", "millions", "billion", "billions", "trillion", "bn", "m", "k"}

// increase reports whether s gives a figure as an increase on another
// ("500 more died"), which is no count: read as one, "500 more" was 500,
// the word taken for a unit. "500 or more" is a bound, and "more than
// 500" names the count.
func increase(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	for i := 0; i+1 < len(words); i++ {
		w := strings.TrimLeft(words[i], "$€£¥~≈")
		figure := w != "" && lex.IsDigit(w[0]) || slices.Contains(countWords, w)
		if figure && slices.Contains(increaseWords, words[i+1]) {
			return true
		}
	}
	return false
}

// increaseError refuses a figure given as an increase.
func increaseError(raw string) error {
	return fmt.Errorf("%s is an increase on another figure, not a count: "+
		"write the total the source gives, or give the increase a topic of its own", lex.Quote(raw))
}
