"""Remake data/search/common-<lang>.txt, the common words the search never takes for typos, from wordfreq.

    pip install wordfreq==3.1.1   # about 57 MB; not needed to build the site, only to remake these lists
    python -m scripts.common_words

Keeps words of letters only, 4 letters or more, with a Zipf frequency of 3.5 or more (about once in 300,000 words).
"""

from __future__ import annotations

import sys

from guide.languages import languages
from guide.paths import SEARCH_WORDS

ZIPF = 3.5


def main() -> int:
    try:
        from wordfreq import top_n_list, zipf_frequency  # type: ignore[import-not-found]
    except ImportError:
        print("wordfreq is not installed: pip install wordfreq==3.1.1", file=sys.stderr)
        return 1
    for lang in languages():
        path = SEARCH_WORDS / f"common-{lang.code}.txt"
        head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        words = {
            w.lower()
            for w in top_n_list(lang.code, 60000)
            if w.isalpha() and w.isascii() and len(w) >= 4 and zipf_frequency(w, lang.code) >= ZIPF
        }
        path.write_text("\n".join([*head, *sorted(words)]) + "\n", encoding="utf-8")
        print(f"Wrote {path} ({len(words)} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
