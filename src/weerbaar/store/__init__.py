"""The local statement store: every imported list version, as statements with validity intervals.

A statement says: in source S, entity E (schema X) has property P = V. Each
row carries the first and last version (per source, numbered 1, 2, ...) in
which the list said it. Importing version N extends the rows that version
N-1 also said and adds new rows for the rest; rows N does not repeat keep
their old last version. So the state of any version k is the rows with
``first_seq <= k <= last_seq``, and every value is traced to the list
versions (with their list dates and file checksums) that stated it.
"""
