"""What the command line and the UI are handed: plain, immutable copies of stored rows with
the rules that describe them (retention status, deadline standing) already applied, never
a database object."""
