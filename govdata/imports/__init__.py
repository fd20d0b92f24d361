"""``govdata import``: portal listings and platform exports into catalog files, with a loss report.

Sources (:mod:`sources`) become records of label → value; :mod:`convert` maps each label to a
field (built-in aliases of :mod:`labels`, overridden by a per-source mapping file), normalises
the value (:mod:`values`, :mod:`tables`), resolves the provider (:mod:`providers`) and takes
what no listing carries from the reviewed defaults file (:mod:`defaults`). Every source value
leaves one :class:`~govdata.imports.events.ValueEvent`: mapped, normalised, defaulted, dropped
or not understood. :mod:`run` ties it together; :mod:`write` writes the files.
"""
