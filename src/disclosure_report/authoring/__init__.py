"""What an agency's author does: start a report (empty, or from last year's), fill the totals.

* :mod:`.skeleton` — ``new_report``, the customary title;
* :mod:`.carry` — start from last year's report (the carry-over cells, the preamble);
* :mod:`.totals` — ``with_totals`` and ``blank_totals``;
* :mod:`.figures` — ``with_figures``: the figures of the filled workbook into the report, its narrative kept.
"""
