"""A folder of reports as one static page for an oversight office: which reports fail and why, the region's totals,
outcomes and trends, the agencies that changed most (``disclosure-report report DIR -o site/``).

:func:`build_site` reads and checks every document (JSON or published) and writes ``site/index.html``;
:func:`corpus_page` gives the page of a :class:`Corpus` as a string. Charts need the ``charts`` extra (matplotlib);
without it the page is complete with a note in place of each chart.
"""

from disclosure_report.corpus.page.corpus import Corpus, Entry, check_entry, read_corpus
from disclosure_report.corpus.page.site import build_site, corpus_page

__all__ = ["Corpus", "Entry", "build_site", "check_entry", "corpus_page", "read_corpus"]
