"""Rules of the evidence store that every workstation shares (sign-in, approval, retention,
owned folders): above the store, which knows nothing of them."""
