"""The guide's search: per language, affix- and slang-aware, ranked by BM25F over the guide's sections.

- ``words``: the word tables of each language (``data/search/<lang>.yml``)
- ``analyser``: text -> terms (tokens, slang, stop words, Indonesian roots, English stems)
- ``sections``: what a result can be, taken from the model's views and the pages' own prose
- ``index``: the index one language's site loads (``search/index.json``)
- ``query``: what the reader typed -> weighted terms (typos, texting, joined words), and the ranking; the same as
  the browser's
- ``engine.js``: the analyser, query side and ranking in the browser; keep the two in step (a test checks)
"""
