"""The guide's search: per language, affix- and slang-aware, ranked by BM25F over the guide's sections, with
weights learned from how buyers ask. How it works, and how it is tested: ``README.md`` beside this file.

Build side:
- ``words``: the word tables of each language (``data/search/<lang>.yml``)
- ``sections``: what a result can be, taken from the model's views and the pages' own prose (``prose``)
- ``index``: BM25F postings over the sections' fields, and the index one language's site loads
- ``learn``: the postings corrected by the examples of ``data/search/examples-<lang>.tsv``
- ``wire``: ``search/index.json``, the contract with the browser (``encode``, and ``decode`` for tests)

Both sides, the reference that ``engine.js`` ports (same order, same names):
- ``analyser``: text -> terms (tokens, slang, stop words, Indonesian roots, English stems)
- ``typos``: how far a typo may be, and the common words never taken for one
- ``query``: a typed word -> a term of the site (typos, texting, spoken and joined forms)
- ``rank``: the ranking of the sections those terms reach

- ``queries``: the query sets search is measured with (``benchmarks/queries*.tsv``)
"""
