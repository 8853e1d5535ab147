"""Text -> search terms, for Indonesian and English: the same steps for the site's pages and the reader's query.

Indonesian words are reduced to their root by stripping affixes (me-, di-, ter-, ber-, pe-, ke-, se- and their
sound changes; -kan, -an, -i, -nya, -lah, -kah; the spoken nge- and -in) until a known root is left. Known roots
come from a dictionary of Indonesian root words at build time; the index ships only the roots of this
site's own words, which is all the browser needs: a root that is not on the site cannot match anything.

The browser runs the same analyser (``engine.js``, in the same order and with the same names) with the word
tables, roots and rules shipped in the index.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

from .words import MIN_ROOT, word_tables

# Texting writes a doubled word with a 2: barang2 is barang-barang.
REDUPLICATED = re.compile(r"[a-z]{3,}2")
# Marks that end a phrase: "Cash on delivery (COD)" has no phrase "delivery cod", nor "paid, not shipped" "paid not".
CLAUSE_END = re.compile(r"[.,;:!?()\[\]{}|/\"\u201c\u201d\u203a]+")
NEGATED = 0.3  # how much a word right after a negation counts: "not paid yet" is hardly about being paid
# A short English stem that lost its e before -ing or -ed: consonant, vowel, consonant (not w, x or y).
SHORT = re.compile(r"[^aeiou][aeiou][^aeiouwxy]")
# Indonesian prefixes: the plain ones, stripped as they are; those whose r may belong to the root (be-rasa);
# the nasal heads (meN-, peN-, and the spoken ng-, ny-, n-, m-), of which these two are written prefixes.
PREFIXES = ("di", "ke", "se", "ter", "ber", "per", "be")
R_PREFIXES = ("ter", "ber", "per")
NASAL_HEADS = ("me", "pe", "ng", "ny", "n", "m")
WRITTEN_NASALS = ("me", "pe")
# The browser reads every one of these from index.json (``index.engine_rules``).


# --- words -------------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """Lowercase words of letters and digits; apostrophes join (don't -> dont), other marks split."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("'", "").replace("\u2019", "")
    return re.findall(r"[a-z0-9]+", plain)


def normalize(words: Iterable[str], lang: str) -> list[str]:
    """Slang to written words, then without the platform's name and the function words.

    A "ga" or "nggak" at the very end asks a question ("bisa dibatalkan ga?": can it or not?), so it goes.
    Indonesian texting writes a doubled word with a 2 (barang2, dikirim2): it is the word.
    """
    tables = word_tables(lang)
    if lang == "id":
        words = [word[:-1] if REDUPLICATED.fullmatch(word) else word for word in words]
    out = [part for word in words for part in tables.slang.get(word, word).split()]
    if len(out) > 1 and out[-1] in tables.question_tags:
        out.pop()
    for phrase, said in _phrases(lang):
        if phrase[0] in out:  # else it cannot be there: most are not, so most are not looked for
            out = _replace(out, phrase, said)
    return [word for word in out if word not in tables.stop and not word.isdigit()]


@cache
def _phrases(lang: str) -> tuple[tuple[list[str], list[str]], ...]:
    """The language's phrases as words, each with the words it is said as, in the table's order."""
    return tuple((phrase.split(), said.split()) for phrase, said in word_tables(lang).phrases.items())


def _replace(words: list[str], phrase: list[str], said: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(words):
        if words[i : i + len(phrase)] == phrase:
            out += said
            i += len(phrase)
            continue
        out.append(words[i])
        i += 1
    return out


def stem_en(word: str) -> str:
    """A light English stemmer: cancelled, cancellation, cancels -> cancel; tracking -> track; orders -> order."""
    tables = word_tables("en")
    if word in tables.irregular:
        return _en_tidy(tables.irregular[word])
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in tables.suffixes:
        rest = word[: -len(suffix)]
        # -ly needs a longer stem: quick-ly, but not rep-ly or app-ly
        if word.endswith(suffix) and len(rest) >= (4 if suffix == "ly" else 3) and re.search(r"[aeiouy]", rest):
            if suffix in ("ied", "ies"):
                rest += "y"
            elif suffix == "s" and word.endswith(("ss", "us", "is")):
                return _en_tidy(word)
            elif suffix == "es" and not rest.endswith(("ss", "sh", "ch", "x", "z")):
                rest = word[:-1]
            elif suffix in ("ing", "ed") and SHORT.fullmatch(rest):
                rest += "e"  # mov-ing is move, hop-ed is hope: a short stem had an e
            return _en_tidy(rest)
    return _en_tidy(word)


def _en_tidy(word: str) -> str:
    """One spelling for one word: no final e, no doubled final consonant (cancell -> cancel, shipp -> ship)."""
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousz":
        word = word[:-1]
    return word


def id_candidates(word: str) -> list[str]:
    """Every form the affix rules can reduce an Indonesian word to, in the order they are tried.

    Suffixes first (particle, then possessive, then derivational), least stripped first; then
    prefixes, on the most stripped form first. Each is a possible root, to be checked against the roots.
    """
    forms = [word]
    for group in word_tables("id").affixes.values():
        forms += [f[: -len(s)] for f in forms for s in group if f.endswith(s) and len(f) - len(s) >= MIN_ROOT]
    out = list(forms[1:])
    for form in reversed(forms):
        out += strip_prefixes(form)
    return list(dict.fromkeys(out))


def strip_prefixes(word: str, depth: int = 2) -> list[str]:
    """What is left after one or two prefixes, with the sound changes that meN- and peN- make."""
    out: list[str] = []
    for rest in _prefix_once(word):
        out.append(rest)
        if depth > 1:
            out += strip_prefixes(rest, depth - 1)
    return out


def _prefix_once(word: str) -> list[str]:
    found: list[str] = []
    for plain in PREFIXES:
        if word.startswith(plain):
            found.append(word[len(plain) :])
    if word.startswith(R_PREFIXES):
        found.append(word[2:])  # te-r..., be-r..., pe-r...: the r belongs to the root (berasa -> rasa)
    for head in NASAL_HEADS:  # meN-, peN-, and spoken ng-/ny-/n-/m- (ngirim, nyari)
        if word.startswith(head):
            written = head in WRITTEN_NASALS
            found += _nasal(word[len(head) :] if written else word, spoken=not written)
    return [rest for rest in dict.fromkeys(found) if len(rest) >= MIN_ROOT]


def _nasal(rest: str, spoken: bool) -> list[str]:
    """The root behind a nasal: mem-bayar, mem-(p)esan, men-cari, men-(t)olak, meng-ambil, meng-(k)irim, meny-(s)impan.

    Before a vowel the nasal stands for a dropped p, t, k or s (or is part of the root); before a consonant
    it is only the prefix.
    """
    found: list[str] = [] if spoken else _long([rest])  # me-lacak, pe-lacak-an
    vowel = len(rest) > 2 and rest[2 if rest.startswith(("ng", "ny")) else 1] in "aeiou"
    if rest.startswith("nge"):
        found.append(rest[3:])  # menge-cek, penge-cek-an, nge-cek: the one-syllable roots
    if rest.startswith("ng"):
        found += _long([rest[2:], "k" + rest[2:]] if vowel else [rest[2:]])
    elif rest.startswith("ny"):
        found += _long(["s" + rest[2:]])
    elif rest.startswith("m"):
        found += _long(["p" + rest[1:]] if vowel else [rest[1:]])
    elif rest.startswith("n"):
        found += _long(["t" + rest[1:]] if vowel else [rest[1:]])
    return found


def _long(roots: list[str]) -> list[str]:
    """meN-/peN- take a root of two or more syllables; one-syllable roots take menge-/penge- instead."""
    return [root for root in roots if len(re.findall(r"ai|au|oi|ei|[aeiou]", root)) >= 2]


def stem_id(
    word: str, roots: frozenset[str] | set[str], slang: dict[str, str] | None = None, spoken: bool = True
) -> str:
    """The first root the affix rules reach, or the word itself.

    When no written root is reached and ``spoken`` is on, the spoken forms are tried: a root said the Jakarta way
    (dateng, pesen, sampe: the last a or ai said as e) or a slang root under affixes (ke-liat-an, ngeliatin).
    """
    if len(word) <= MIN_ROOT or word in roots or not word.isalpha():
        return word
    forms = id_candidates(word)
    found = next((form for form in forms if form in roots), None)
    if found is None and not spoken:
        return word
    if found is None:
        said = [word, *forms]
        found = next((root for form in said for root in _spoken_forms(form, slang or {}) if root in roots), word)
    return found


def _spoken_forms(form: str, slang: dict[str, str]) -> list[str]:
    """The written roots a spoken form may stand for."""
    out = [slang[form]] if form in slang and " " not in slang[form] else []
    if len(form) > MIN_ROOT:
        if last := re.search(r"e([^aeiouy]+)$", form):
            out.append(form[: last.start()] + "a" + last[1])  # dateng -> datang, pesen -> pesan, bales -> balas
        if re.search(r"[^aeiou]e$", form):
            out.append(form[:-1] + "ai")  # sampe -> sampai, pake -> pakai
    return out


def clauses(text: str, lang: str, roots: frozenset[str] | set[str] = frozenset()) -> list[list[str]]:
    """The terms of each clause of a text or a query: words, slang made standard, function words out, each reduced
    to its root."""
    out = []
    slang = word_tables(lang).slang
    for clause in CLAUSE_END.split(text):
        words = normalize(tokens(clause), lang)
        if lang == "id":
            out.append([stem_id(word, roots, slang) for word in words])
        else:
            out.append([stem_en(word) for word in words])
    return [terms for terms in out if terms]


def analyze(text: str, lang: str, roots: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The terms of a text, clause after clause.

    The reference the browser engine is tested against (``engine.js`` ``analyze``, which marks the reader's words
    in results); the build itself uses ``clauses``."""
    return [term for terms in clauses(text, lang, roots) for term in terms]


@cache
def dictionary() -> frozenset[str]:
    """Indonesian root words (Sastrawi's list), used at build time only, plus the words kept whole."""
    path = resources.files("Sastrawi") / "Stemmer" / "data" / "kata-dasar.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) | word_tables("id").keep


def site_roots(texts: Iterable[str], known: frozenset[str]) -> set[str]:
    """The root of every word on the site, or the word itself when it has none.

    A root that the site itself uses wins over one it doesn't: memesan is pesan (on the site), not mesan; and a
    slang word under affixes is the word it stands for (di-cancel is batal), before it is taken for a root.
    """
    words = {word for text in texts for word in normalize(tokens(text), "id")}
    attested = frozenset(words & known)
    slang = word_tables("id").slang
    roots = set()
    for word in words:
        root = stem_id(word, attested, slang)
        roots.add(stem_id(word, known) if root == word else root)
    return roots


def pairs(terms: list[str], lang: str) -> list[str]:
    """Each two neighbouring terms as one more term: "sudah bayar" is not "sudah kirim" + "bayar".

    A negation begins a phrase: "pesanan belum dikirim" is "belum kirim", not also "pesanan belum".
    """
    negations = word_tables(lang).negations
    return [f"{a} {b}" for a, b in itertools.pairwise(terms) if b not in negations]


def negation_weights(terms: list[str], lang: str) -> list[float]:
    """How much each term of a text counts: a term right after a negation counts less than one said plainly."""
    negations = word_tables(lang).negations
    denied = [False] + [before in negations for before in terms[:-1]]
    return [NEGATED if no and term not in negations else 1.0 for term, no in zip(terms, denied, strict=True)]
