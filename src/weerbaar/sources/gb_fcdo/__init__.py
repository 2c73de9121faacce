"""FCDO UK Sanctions List (the single UK designations list since January 2026)."""
