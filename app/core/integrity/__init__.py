"""Evidence integrity: the chain format, signing keys and who vouched for them, the ledger and
state replay that check the trail, anchors, sealed extracts and the whole-store check.
"""
