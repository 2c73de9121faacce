"""Any OpenSanctions ``targets.simple.csv`` export."""
