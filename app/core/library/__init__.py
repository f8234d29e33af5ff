"""The footage library: ingest, footage items and their flags, their links to cases, pages
of the list, and the deletions the retention rule allows."""
