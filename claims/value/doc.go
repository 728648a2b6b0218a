// Package value reads what a claim says as a set on a typed axis, so that
// two claims can be said to conflict exactly when their sets do not meet.
//
// A topic's Spec says how its values read: "600,000", "about 850,000",
// "at least 10 years", "between 5 and 10", "$100B", "2025-11-27", "yes",
// "G8" or "half of ukraine.army-size". Parse turns such text into a Value;
// Meets, Same and Gap compare Values; Resolve scales a relative Value by a
// value of the topic it refers to.
//
// Sources write numbers as their country does: a Spec with DecimalComma
// reads "2.100,5" as 2100.5, and AmbiguousDecimal finds the values that a
// decimal point may have misread ("2.100").
//
// Feeds write times as their web pages do ("12/1/11 2:06 PM (-05:00)",
// "Thu., Dec.01, 2011 1:55 p.m.", "2:07 PMDec 01"): a Spec's Zone reads
// those written without a zone, its DateOrder the all-numeric dates,
// and its Near supplies a year or a date the value leaves out (the
// claim's date). AmbiguousDate finds the dates that month-first may have
// misread. Placeholders such as "N/A" or "--" are no value: Parse
// returns ErrNoValue, and IsNoValue says so beforehand. Notes in
// parentheses after a value ("600,000 (estimated)") are not part of it:
// SplitNote cuts them off, and Parse reads the value without them.
//
// A names topic holds lists of people or organisations, compared as sets
// of names whatever their order, case or form ("Knuth, Donald E." is
// "Donald E. Knuth"; "D. E. Knuth" meets both); NamesSubset tells a
// partial list from a conflicting one.
//
// Nothing is ever converted between currencies: a value in euros on a
// dollar topic is an error, not an exchange-rate guess.
//
// The package is pure and knows nothing of YAML, sources or claims. Its
// input is untrusted: every function returns an error or a sensible value
// for any string and never panics.
package value
