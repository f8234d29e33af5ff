"""The footage library: ingest, footage items and their flags."""
