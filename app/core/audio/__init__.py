"""Sound: speech-to-text with word timings, suggestions of personal details, audio redaction."""
