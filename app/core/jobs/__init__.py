"""Unattended work: jobs queued in the store and run by workers on a Dask cluster."""
