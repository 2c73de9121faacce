"""The Netherlands' national terrorism sanctions list (Nationale sanctielijst terrorisme)."""
