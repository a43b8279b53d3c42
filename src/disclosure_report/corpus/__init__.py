"""Many reports at once, as an oversight office works: check a folder, sum a region, compare years, one page.

* :mod:`.batch` — validate a corpus in parallel, JSON lines, the tidy CSV, Dask;
* :mod:`.rollup` — ``aggregate`` and ``check_rollup``;
* :mod:`.summary` — a report's key figures in a few lines;
* :mod:`.compare` — two years of one agency, cell by cell;
* :mod:`.page` — the corpus page (``disclosure-report report``).
"""
