"""EU sanctions designations transcribed from the Official Journal (OpenSanctions CSVs)."""
