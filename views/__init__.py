"""The dashboard's pages (one file each) and their shared sidebar and caches (``_state``)."""
