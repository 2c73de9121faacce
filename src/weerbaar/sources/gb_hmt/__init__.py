"""OFSI Consolidated List of Financial Sanctions Targets (UK, HM Treasury)."""
