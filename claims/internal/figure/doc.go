// Package figure is what the engine knows about figures apart from the
// claims that carry them: a value's set as an interval of the number line,
// the orders and search trees the positions and revisions are found with,
// and how one figure relates to another, so that a desk's rules read the
// same wherever they are applied: a later figure restates an earlier one
// or moves it, a lone outlet's figure is a slip of the pen for another,
// two figures are near or far apart.
package figure
