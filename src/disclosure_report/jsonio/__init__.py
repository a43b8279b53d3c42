"""The JSON boundary: documents in and out, and the files published for other languages.

* :mod:`.convert` — the one cattrs converter: strict JSON in, canonical JSON out, every problem located;
* :mod:`.fast` — the all-or-nothing fast path of ``loads`` for documents that are valid;
* :mod:`.handlers` — what both paths share: the leaf checks and how a union of classes is told apart;
* :mod:`.unchecked` — instances made from values already checked;
* :mod:`.schema`, :mod:`.dialect` — the JSON Schemas generated from the model and the declaration;
* :mod:`.publish` — every published file under ``schemas/``.
"""
