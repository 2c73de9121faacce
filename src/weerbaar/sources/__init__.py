"""Sanctions list sources: one folder each, with ``source.yml`` and ``parse.py``.

A source folder's ``parse.py`` exposes ``FORMATS``, the file formats it
reads. Each ``Format`` says how to recognise its files from their content
(``detect``) and how to walk them (``parse``), emitting followthemoney
entities through a ``Context``. The registry finds the folders; outside
packages add sources through the ``weerbaar.sources`` entry point group.
"""
