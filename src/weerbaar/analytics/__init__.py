"""Strategic-dependency monitor: bilateral trade, concentration and critical raw materials.

``readers`` reads BACI, Comext, Comtrade and mapped extracts; ``store``
keeps them as Parquet under WEERBAAR_HOME/trade and queries them with
DuckDB; ``analyses`` holds the registered indicators; ``report`` writes the
offline HTML report.
"""
