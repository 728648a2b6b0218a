package problemout

import "github.com/claimdiff/claimdiff/internal/sarif"

// lintHelpURI is where docs/LEDGER.md lists lint's problem codes; code
// scanning links each rule there.
const lintHelpURI = "https://github.com/claimdiff/claimdiff/blob/main/docs/LEDGER.md#error-codes"

// lintShort says in a line what each problem code means, for SARIF rules.
var lintShort = map[string]string{
	"yaml":             "The file is not valid YAML",
	"binary":           "The file is binary, not text",
	"encoding":         "The file is not valid UTF-8",
	"control-char":     "The file holds a control character",
	"empty":            "The file is empty",
	"too-large":        "The file is larger than claimdiff reads",
	"documents":        "The file holds more than one YAML document",
	"not-a-ledger":     "The file is not a claims ledger",
	"too-deep":         "The YAML nests deeper than claimdiff reads",
	"too-long":         "A value is longer than claimdiff reads",
	"alias":            "A YAML alias, which ledgers do not use",
	"alias-bomb":       "YAML aliases expand beyond the cap",
	"merge-key":        "A YAML merge key, which ledgers do not use",
	"wrong-type":       "A field has the wrong YAML type",
	"unknown-field":    "A field the ledger format does not know",
	"duplicate-key":    "A key given twice in one entry",
	"duplicate-id":     "An id given to two entries",
	"missing-field":    "A required field is missing",
	"bad-id":           "An id is not well formed",
	"bad-kind":         "An unknown kind",
	"bad-type":         "An unknown topic type",
	"bad-tolerance":    "A tolerance that cannot be read",
	"no-choices":       "A choice topic without choices",
	"bad-status":       "An unknown dispute status",
	"no-value":         "A claim without a value",
	"bad-date":         "A date that cannot be read",
	"version":          "A ledger version claimdiff does not know",
	"no-version":       "A ledger without a version",
	"too-many":         "More entries than claimdiff reads",
	"unknown-source":   "A claim names a source the ledger does not define",
	"unknown-topic":    "An entry names a topic the ledger does not define",
	"via-cycle":        "A chain of via: sources loops",
	"via-too-deep":     "A chain of via: sources is longer than claimdiff follows",
	"bad-value":        "A value does not read as its topic's type",
	"unknown-choice":   "A value is not one of its topic's choices",
	"unit-mismatch":    "A value's unit is not its topic's",
	"text-path":        "A source's text: path is not usable",
	"bad-decimal":      "A number's decimal separator is ambiguous or wrong",
	"bad-layout":       "A file's layout claimdiff cannot read",
	"bad-compression":  "A compressed file that cannot be expanded",
	"no-date":          "A claim without a date",
	"unused-source":    "A source no claim uses",
	"likely-typo":      "A name that looks like a typo of another",
	"ambiguous-number": "A number that reads two ways",
}

// lintRule is the SARIF rule of a problem code, with its description and
// a link to the list of codes; a code the table misses still gets both.
func lintRule(code string) sarif.Rule {
	short := lintShort[code]
	if short == "" {
		short = "claimdiff lint problem " + code
	}
	return sarif.Rule{ID: code, Short: short, HelpURI: lintHelpURI}
}
