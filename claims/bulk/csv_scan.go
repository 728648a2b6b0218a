package bulk

// csvScan follows where a CSV record stands, byte by byte, without keeping
// its text: what the reader needs to find the end of a record it skips.
// A record whose quoted cell passes the cap must be skipped to the cell's
// closing quote and the line end after it; starting again at the next
// line would read the rest of the cell as rows, one problem a line.
//
// It reads as csvReader does: a " opens a quoted cell only at the cell's
// start, "" inside one is a quote, and text after a closing quote or a "
// in a cell that is not quoted breaks the record, which the reader then
// leaves at the end of that line.
type csvScan struct {
	comma byte
	state scanState
}

type scanState uint8

const (
	scanCellStart scanState = iota
	scanUnquoted
	scanQuoted
	scanQuoteInQuoted // a " inside a quoted cell: the end, or the first of ""
	scanBroken        // the record is malformed; it ends with the line
)

// feed follows the bytes b, which may hold line breaks.
func (s *csvScan) feed(b []byte) {
	for _, c := range b {
		switch s.state {
		case scanCellStart, scanUnquoted:
			switch {
			case c == '"' && s.state == scanCellStart:
				s.state = scanQuoted
			case c == '"':
				s.state = scanBroken
			case c == s.comma:
				s.state = scanCellStart
			case c == '\n':
				s.state = scanCellStart // a new record
			default:
				s.state = scanUnquoted
			}
		case scanQuoted:
			if c == '"' {
				s.state = scanQuoteInQuoted
			}
		case scanQuoteInQuoted:
			switch c {
			case '"':
				s.state = scanQuoted
			case s.comma:
				s.state = scanCellStart
			case '\n':
				s.state = scanCellStart
			default:
				// Text after the closing quote, or the \r of a \r\n:
				// either way the record ends with the line.
				s.state = scanBroken
			}
		case scanBroken:
			if c == '\n' {
				s.state = scanCellStart
			}
		}
	}
}

// open reports whether the bytes fed so far end inside a quoted cell, so
// that the record goes on past the line end.
func (s *csvScan) open() bool { return s.state == scanQuoted }
