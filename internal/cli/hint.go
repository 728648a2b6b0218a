package cli

// UsageHint is a usage error whose hint stands on its own line below
// it, inside the message, as add, edit, fmt and the filters word them.
func UsageHint(msg, hint string) error {
	return Usagef("%s\n  hint: %s", msg, hint)
}
