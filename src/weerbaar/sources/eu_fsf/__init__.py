"""EU Financial Sanctions Files (FSF 1.1): the consolidated list as XML or CSV."""
