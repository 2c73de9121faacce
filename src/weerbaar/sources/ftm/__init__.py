"""Any followthemoney JSON-lines file (OpenSanctions ``entities.ftm.json`` exports)."""
