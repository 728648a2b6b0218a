// Package cli is the plumbing every claimdiff command shares: exit codes,
// the --format flag and how errors reach the user.
package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes, documented in README.
const (
	ExitOK     = 0 // the command did its job, whatever it found
	ExitFailed = 1 // a gate failed: lint, check, diff --fail-on
	ExitUsage  = 2 // bad usage, or input that cannot be read
)

// ErrGateFailed is returned by a gate whose findings are already printed;
// it maps to exit 1 with nothing more said.
var ErrGateFailed = errors.New("gate failed")

// UsageError is a mistake in how the command was called.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef makes a UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{fmt.Errorf(format, args...)}
}

// HintError is an error with a suggestion, which is printed on its own
// line below it.
type HintError struct {
	Err  error
	Hint string
}

func (e *HintError) Error() string { return e.Err.Error() }
func (e *HintError) Unwrap() error { return e.Err }

// Silent is an error whose message was already printed (for example every
// problem of an invalid ledger); it only sets the exit code.
type Silent struct{ Code int }

func (e *Silent) Error() string { return fmt.Sprintf("exit %d", e.Code) }

// FormatFlag adds --format with the given choices, the first being the
// default, and completes them in the shell.
func FormatFlag(cmd *cobra.Command, target *string, formats ...string) {
	cmd.Flags().StringVar(target, "format", formats[0], "output format: "+strings.Join(formats, ", "))
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return formats, cobra.ShellCompDirectiveNoFileComp
	})
	cmd.PreRunE = chain(cmd.PreRunE, func(*cobra.Command, []string) error {
		if !slices.Contains(formats, *target) {
			return Usagef("unknown format %q; choose %s", *target, strings.Join(formats, ", "))
		}
		return nil
	})
}

func chain(a, b func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
	if a == nil {
		return b
	}
	return func(cmd *cobra.Command, args []string) error {
		if err := a(cmd, args); err != nil {
			return err
		}
		return b(cmd, args)
	}
}
