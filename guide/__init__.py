"""The guide's core: its data model and checks, languages, rendering and search. Nothing here imports MkDocs.

- ``load``: read and check ``data/steps.yaml`` into a typed ``model.Guide``
- ``languages``, ``ui``: the language table and each language's interface words
- ``views``, ``render``, ``language_site``: one language's view of the guide, drawn through ``templates/``
- ``context``: one language build's context, shared by the MkDocs adapters (``macros/``, ``hooks/``); the build
  of the whole site is ``scripts/build.py``
- ``search``: the analyser, the sections, the index and the ranking (``engine.js`` is the browser twin)
- ``postbuild``: steps that take a built site folder (CSS slimming, the search index, …)
- ``htmlq``: a small HTML tree, for the tests and tools that read built pages
"""
