// Package example holds claimdiff's built-in example ledger: the reporting of
// the leaked US 28-point peace plan for Ukraine in November 2025. It lets a
// new user see real disputes before writing a ledger of their own, and gives
// the tests a ledger with every kind of dispute in it.
package example

import _ "embed"

// YAML is the example ledger, one file in the format of LEDGER.md.
//
//go:embed claims.yaml
var YAML []byte

// Name is how messages refer to the example in place of a file name.
const Name = "claimdiff example"
