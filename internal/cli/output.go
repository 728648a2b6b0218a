package cli

import (
	"path/filepath"
	"strings"
)

// Target is one place a command's output goes: the file at Path, or
// stdout when Path is "", in Format.
type Target struct {
	Path, Format string
}

// Outputs say where a command that writes files sends its results.
type Outputs struct {
	// Paths are the -o files, in order; none means stdout.
	Paths []string
	// Format is --format, and FormatSet whether it was given.
	Format    string
	FormatSet bool
	// FormatOf picks a file's format from its name's extension.
	FormatOf func(path string) (string, bool)
	// Known says which extensions FormatOf knows, for the error about
	// one it does not.
	Known string
}

// Targets works out where each format goes, before any work is done, so
// a mistake in the flags costs nothing. Every command that takes -o picks
// formats this way: a file's extension picks its format, unless --format
// is given with a single -o.
func (o Outputs) Targets() ([]Target, error) {
	switch {
	case len(o.Paths) == 0:
		return []Target{{Format: o.Format}}, nil
	case len(o.Paths) == 1 && o.FormatSet:
		if o.Paths[0] == "" {
			return nil, Usagef("-o needs a file name")
		}
		return []Target{{Path: o.Paths[0], Format: o.Format}}, nil
	case o.FormatSet:
		return nil, Usagef("--format applies to a single -o; with several, each file's extension picks its format")
	}
	var out []Target
	seen := map[string]bool{}
	for _, p := range o.Paths {
		if p == "" {
			return nil, Usagef("-o needs a file name")
		}
		if seen[p] {
			return nil, Usagef("-o %s is given twice", p)
		}
		seen[p] = true
		f, ok := o.FormatOf(p)
		if !ok {
			return nil, Usagef("cannot tell the format of %s from its extension; %s", p, o.Known)
		}
		out = append(out, Target{Path: p, Format: f})
	}
	return out, nil
}

// Extension maps a file name ending to a format. An ending that does not
// start with a dot is a whole file name, such as GitLabReportName.
type Extension struct{ Ext, Format string }

// GitLabReportName is the name GitLab's documentation gives a Code Quality
// report; a file so named (or ending so) is one.
const GitLabReportName = "gl-code-quality-report.json"

// Extensions is a table of file name endings, longest first where one
// ends another (.sarif.json before .json).
type Extensions []Extension

// FormatOf picks the format of a file from its name's ending.
func (es Extensions) FormatOf(path string) (string, bool) {
	name := strings.ToLower(filepath.Base(path))
	for _, e := range es {
		if strings.HasSuffix(name, e.Ext) && (len(name) > len(e.Ext) || !strings.HasPrefix(e.Ext, ".")) {
			return e.Format, true
		}
	}
	return "", false
}

// String lists the endings, for messages.
func (es Extensions) String() string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Ext
	}
	return strings.Join(out, ", ")
}
