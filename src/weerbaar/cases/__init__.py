"""The Central Sanctions Reporting Office: reports, cases, links and a hash-chained audit log."""
