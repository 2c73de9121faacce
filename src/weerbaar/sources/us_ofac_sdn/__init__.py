"""US OFAC: the SDN list and the Consolidated (non-SDN) list, XML and legacy CSV."""
