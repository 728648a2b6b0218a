package ledgerfile

// The layouts, for the differential tests in ledgerfile_test.
var (
	FormatStream = formatStream
	FormatTree   = format
	ErrDecline   = errDecline
)
