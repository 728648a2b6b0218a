// Package schema holds the JSON Schema of a ledger file, so that editors
// using yaml-language-server can complete and check ledgers as they are
// typed. The loader in package claims is the authority; the schema mirrors
// LEDGER.md for editors and is tested against the same ledgers.
package schema

import _ "embed"

// JSON is the draft-07 JSON Schema of one ledger file.
//
//go:embed ledger.schema.json
var JSON []byte
