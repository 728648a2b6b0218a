package capread

import "bytes"

// blockScanner finds, while a file is being read, a block scalar (key: |
// or - >) whose lines already hold more than the cap on one scalar: its
// lines are short, so runScanner passes over them, and yaml.v3 built a
// 250 MB one (8 s, 1.4 GB) before the check on each value refused it.
//
// Like runScanner it must never call a legal file too long, so what it
// counts is a lower bound on the scalar: only lines indented more than
// the header's key (or dash), which YAML makes the scalar's, and of those
// neither blank lines nor lines that start with '#', without their
// indentation. A header it is unsure of (a comment after the indicator, a
// document-level scalar) is passed over: the check after decoding stays.
type blockScanner struct {
	limit int64
	// pos is where the next line not yet looked at starts.
	pos int64
	// in is set inside a block scalar, whose content lines are indented
	// more than parent; start is where its content starts, size what it
	// holds so far.
	in          bool
	parent      int
	start, size int64
}

// scan looks at the complete lines of data from pos, and returns where a
// block scalar over the limit starts, once there is one.
func (s *blockScanner) scan(data []byte) (int64, bool) {
	end := int64(bytes.LastIndexByte(data, '\n')) + 1 // past the last complete line
	for s.pos < end {
		if s.in {
			nl := s.pos + int64(bytes.IndexByte(data[s.pos:end], '\n'))
			line := data[s.pos:nl]
			indent := 0
			for indent < len(line) && line[indent] == ' ' {
				indent++
			}
			rest := bytes.TrimRight(line[indent:], " \t\r")
			switch {
			case len(rest) == 0:
			case indent > s.parent:
				if rest[0] != '#' {
					s.size += int64(len(rest))
					if s.size > s.limit {
						return s.start, true
					}
				}
			default:
				s.in = false
				continue // this line may start another
			}
			s.pos = nl + 1
			continue
		}
		// Outside a block scalar only lines with '|' or '>' matter.
		k := indexBlockIndicator(data[s.pos:end])
		if k < 0 {
			s.pos = end
			break
		}
		at := s.pos + int64(k)
		lineStart := int64(bytes.LastIndexByte(data[:at], '\n')) + 1
		nl := at + int64(bytes.IndexByte(data[at:end], '\n'))
		if parent, ok := blockHeader(data[lineStart:nl]); ok {
			s.in, s.parent, s.start, s.size = true, parent, nl+1, 0
		}
		s.pos = nl + 1
	}
	return 0, false
}

// indexBlockIndicator is the index of the first '|' or '>' in b, or -1.
func indexBlockIndicator(b []byte) int {
	i, j := bytes.IndexByte(b, '|'), bytes.IndexByte(b, '>')
	switch {
	case i < 0:
		return j
	case j < 0:
		return i
	}
	return min(i, j)
}

// blockHeader says whether line ends in a block scalar's header after a
// key ("  key: |-") or a dash ("- >"), and the column its content must be
// indented past: the key's, or the last dash's.
func blockHeader(line []byte) (parent int, ok bool) {
	t := bytes.TrimRight(line, " \t\r")
	i := len(t) - 1
	// At most two indicators: chomping and indentation, in either order.
	for n := 0; n < 2 && i >= 0 && (t[i] == '-' || t[i] == '+' || t[i] >= '1' && t[i] <= '9'); n++ {
		i--
	}
	if i < 1 || t[i] != '|' && t[i] != '>' || t[i-1] != ' ' {
		return 0, false
	}
	j := 0
	for j < i && t[j] == ' ' {
		j++
	}
	dash := -1
	for j+1 < i && t[j] == '-' && t[j+1] == ' ' {
		dash = j
		for j++; j < i && t[j] == ' '; j++ {
		}
	}
	if j == i {
		return dash, dash >= 0
	}
	if t[j] == '#' || t[j] == '[' || t[j] == '{' {
		return 0, false
	}
	k := i - 1
	for k > j && t[k] == ' ' {
		k--
	}
	if t[k] != ':' || bytes.Contains(t[j:k], []byte(" #")) {
		return 0, false
	}
	return j, true
}
