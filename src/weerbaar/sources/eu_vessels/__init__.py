"""EU designated vessels: Annex XLII to Council Regulation (EU) No 833/2014, as CSV."""
