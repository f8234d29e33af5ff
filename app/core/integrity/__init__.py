"""Evidence integrity above the store: the accounts a signature stands for, read from the
trail alone (``trail_accounts``), anchors of the chain's head kept outside the store, the
seals of audit extracts, and what a copy outside the store must match in it. The chain's
format, signing and ledger are below the store (``app.core.chain``); the key registry is
sign-in's (``app.core.sign_in``); the whole-store checks are at the top
(``app.core.checks``)."""
