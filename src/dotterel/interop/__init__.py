"""In and out: exports to the formats event-data users already load, DataFrames, and
importers of other datasets' files (ICEWS, POLECAT) as outside events.

One module per export format (:mod:`~dotterel.interop.polecat`,
:mod:`~dotterel.interop.icews`, :mod:`~dotterel.interop.phoenix`,
:mod:`~dotterel.interop.gdelt`, :mod:`~dotterel.interop.plover_json`,
:mod:`~dotterel.interop.parquet`, :mod:`~dotterel.interop.table`), each a
:class:`~dotterel.interop.common.Writer` fed one :class:`~dotterel.interop.common.ExportRow`
at a time by :func:`~dotterel.interop.export.export_store`, which streams from the store.
Column lists and what each format cannot hold: ``docs/formats.md``.
"""
