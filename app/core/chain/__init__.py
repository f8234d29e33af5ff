"""The audit chain's own formats, below the store: the canonical line and its hash
(``chain_format``), signing keys and signatures (``signing``), and the ledger that rebuilds
accounts, roles and keys from signed events (``ledger``). The store writes with them and the
standalone verifier reads with them; none of them knows the store."""
