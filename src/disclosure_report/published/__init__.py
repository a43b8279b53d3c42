"""What a published document carries besides its tables, shared by the readers and the renderers.

* :mod:`.embedded` — the metadata record hidden in HTML, Markdown and Word output;
* :mod:`.fee_statement` — what the text of 六 says about 信息处理费.
"""
