"""The guide's search: one analyser for Indonesian and English, and the index each language's site loads.

Pure functions. ``hooks/search.py`` feeds the built pages in; the browser runs the same analyser
(``overrides/assets/search-engine.js``) on what the reader types, with the word tables shipped in the index.

Indonesian words are reduced to their root by stripping affixes (me-, di-, ter-, ber-, pe-, ke-, se- and their
sound changes; -kan, -an, -i, -nya, -lah, -kah; the spoken nge- and -in) until a known root is left. Known roots
come from a dictionary of Indonesian root words at build time; the index ships only the roots of this
site's own words, which is all the browser needs: a root that is not on the site cannot match anything.
"""

from __future__ import annotations

import html.parser
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

INDEX_VERSION = 2
MIN_ROOT = 3  # shorter words are never stemmed, and no affix leaves a root shorter than this

# Words that stay as they are although they look affixed: pesanan (an order) is not pesan (a message).
KEEP = frozenset({"pesanan"})

# Spoken and texting forms -> the written word (a value may be several words, or "" to drop it).
SLANG: dict[str, dict[str, str]] = {
    "id": {
        "gak": "tidak",
        "ga": "tidak",
        "gk": "tidak",
        "nggak": "tidak",
        "ngga": "tidak",
        "enggak": "tidak",
        "engga": "tidak",
        "tdk": "tidak",
        "tak": "tidak",
        "ndak": "tidak",
        "udah": "sudah",
        "udh": "sudah",
        "sdh": "sudah",
        "dah": "sudah",
        "blm": "belum",
        "lom": "belum",
        "dimana": "di mana",
        "dmn": "di mana",
        "gimana": "bagaimana",
        "gmn": "bagaimana",
        "knp": "kenapa",
        "aja": "saja",
        "bgt": "banget",
        "tp": "tapi",
        "yg": "yang",
        "sy": "saya",
        "utk": "untuk",
        "dgn": "dengan",
        "krn": "karena",
        "kalo": "kalau",
        "klo": "kalau",
        "bs": "bisa",
        "gabisa": "tidak bisa",
        "liat": "lihat",
        "ilang": "hilang",
        "bener": "benar",
        "pengen": "ingin",
        "pingin": "ingin",
        "duit": "uang",
        "ongkir": "ongkos kirim",
        "hp": "ponsel",
        "jd": "jadi",
        "sm": "sama",
        "trs": "terus",
        "tau": "tahu",
        "nyampe": "sampai",
        "nyampai": "sampai",
        "sampe": "sampai",
        "brp": "berapa",
        # texting abbreviations
        "no": "nomor",
        "nmr": "nomor",
        "dpt": "dapat",
        "hrs": "harus",
        "jg": "juga",
        "lg": "lagi",
        "msh": "masih",
        "skrg": "sekarang",
        "tgl": "tanggal",
        "org": "orang",
        "bnr": "benar",
        "tlg": "tolong",
        "bbrp": "beberapa",
        "kmrn": "kemarin",
        "pdhl": "padahal",
        "emg": "memang",
        "kemana": "ke mana",
        "kmn": "ke mana",
        "napa": "kenapa",
        "telat": "terlambat",
        "tf": "transfer",
        "trf": "transfer",
        "rek": "rekening",
        "norek": "nomor rekening",
        # words the guide says another way: brands by what they are, loanwords by the guide's word
        "gopay": "dompet",
        "ovo": "dompet",
        "shopeepay": "dompet",
        "linkaja": "dompet",
        "ewallet": "dompet",
        "bca": "bank",
        "bri": "bank",
        "bni": "bank",
        "jne": "kurir",
        "jnt": "kurir",
        "sicepat": "kurir",
        "anteraja": "kurir",
        "spx": "kurir",
        "idexpress": "kurir",
        "ekspedisi": "kurir",
        "estimasi": "perkiraan",
        "cacat": "rusak",
        "pecah": "rusak",
        "penyok": "rusak",
        "sobek": "rusak",
        "respon": "jawab",
        "respons": "jawab",
    },
    "en": {
        "cant": "can not",
        "cannot": "can not",
        "dont": "do not",
        "didnt": "did not",
        "doesnt": "does not",
        "wont": "will not",
        "isnt": "is not",
        "hasnt": "has not",
        "havent": "have not",
        "im": "i",
        "ive": "i have",
        "pls": "please",
        "u": "you",
        "ur": "your",
        "wheres": "where",
        "whats": "what",
        "no": "not",  # one word for every "no": "no reply" is "did not reply", "no button" is "button not there"
        "never": "not",
        "nothing": "not",
        "none": "not",
        "e": "",
        "package": "parcel",  # the guide says parcel
        "packages": "parcels",
        "shipment": "parcel",
        "cancelation": "cancellation",
        "canceled": "cancelled",
        "canceling": "cancelling",
        # words the guide says another way: brands by what they are, then the guide's own word
        "gopay": "wallet",
        "ovo": "wallet",
        "shopeepay": "wallet",
        "linkaja": "wallet",
        "ewallet": "wallet",
        "ewallets": "wallet",
        "bca": "bank",
        "bri": "bank",
        "bni": "bank",
        "jne": "courier",
        "jnt": "courier",
        "sicepat": "courier",
        "anteraja": "courier",
        "spx": "courier",
        "idexpress": "courier",
        "dispatched": "shipped",
        "broken": "damaged",
        "defective": "damaged",
        "faulty": "damaged",
        "cracked": "damaged",
        "smashed": "damaged",
    },
}


# Words that say nothing about which section answers: function words, and the platform's own name.
def _wordlist(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP: dict[str, frozenset[str]] = {
    "id": _wordlist(
        """yang di ke dari dan atau ini itu untuk dengan saya aku gue gw anda kamu kita kami mereka dia
        apa apakah bagaimana gimana cara caranya ada adalah akan jadi sih dong deh kok ya nya lah kah pun
        juga saja banget sangat lagi kalau tapi tetapi karena agar supaya oleh pada para
        tentang sebelum selama setelah sesudah terhadap bila jika lalu kemudian serta pun nih tuh
        bisa mau ingin boleh harus perlu pernah kenapa mengapa padahal tolong mohon dalam sedang
        misalnya contohnya seperti sama katanya bilang masih
        kan loh lho nah yah toh eh gitu gini begitu begini memang emang
        kak kakak gan sis min bang bro mas mbak
        tiktok"""
    ),
    "en": _wordlist(
        """a an the i me my mine we our you your it its is are was were be been am do does did to of on in
        at by for from with and or but if so as that this these those there here how what which who
        why can could will would should shall may might must have has had get got please just about into
        any some want wants wanted need needs able anymore also too very really
        he him his she her hers they them their theirs us ours yours myself yourself itself themselves
        until while then than because during through whose whom being having doing each both yet such
        someone somebody anyone anybody something anything everything
        say says said still hi hello thanks thank ok okay tiktok"""
    ),
}
# Texting writes a doubled word with a 2: barang2 is barang-barang.
REDUPLICATED = re.compile(r"[a-z]{3,}2")
# Words that deny the word after them ("belum dibayar", "not paid"), and begin a phrase rather than end one.
NEGATIONS = {"id": frozenset({"tidak", "belum", "bukan", "tanpa", "jangan"}), "en": frozenset({"not", "without"})}
# Words that, last in a question, only ask "or not?".
QUESTION_TAGS = {"id": ("tidak", "belum")}
# Phrases said as one word, or dropped whole (""): "shop" alone is the Shop tab, but "tiktok shop" is just the
# platform; "as long as" is not "how long"; a parcel "on the way" is in transit.
PHRASES: dict[str, dict[str, str]] = {
    "id": {"tiktok shop": "", "dompet digital": "dompet", "e wallet": "dompet", "tidak mau": "tolak"},
    "en": {
        "tiktok shop": "",
        "as long as": "",
        "as soon as": "",
        "too late": "time limit",
        "do not want": "refuse",
        "not want": "refuse",
        "for example": "",
        "on the way": "transit",
        "on its way": "transit",
        "on their way": "transit",
        "pick up": "pickup",
        "picks up": "pickup",
        "picked up": "pickup",
        "drop off": "dropoff",
        "log in": "login",
        "logged in": "login",
    },
}

# English: irregular forms, then suffixes stripped by rule (no dictionary needed for English's few affixes).
EN_IRREGULAR = {
    "paid": "paid",  # the order's state, as in "paid, not shipped": not the "pay" of "to pay" and "unpaid"
    "payment": "pay",
    "payments": "pay",
    "sent": "send",
    "bought": "buy",
    "got": "get",
    "gone": "go",
    "went": "go",
    "left": "leave",
    "took": "take",
    "taken": "take",
    "made": "make",
    "children": "child",
    "men": "man",
    "women": "woman",
    "lost": "lose",
    "said": "say",
    "told": "tell",
    "received": "receive",
    "receiving": "receive",
    "arrived": "arrive",
    "arriving": "arrive",
}
EN_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "ly", "es", "s")

# Indonesian affixes. The order is the order they are tried in.
ID_PARTICLES = ("lah", "kah", "tah", "pun")
ID_POSSESSIVES = ("nya", "ku", "mu")
ID_DERIVATIONAL = ("kan", "an", "in", "i")


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
    if lang == "id":
        words = [word[:-1] if REDUPLICATED.fullmatch(word) else word for word in words]
    out = [part for word in words for part in SLANG[lang].get(word, word).split()]
    if len(out) > 1 and out[-1] in QUESTION_TAGS.get(lang, ()):
        out.pop()
    for phrase, said in PHRASES[lang].items():
        out = _replace(out, phrase.split(), said.split())
    return [word for word in out if word not in STOP[lang] and not word.isdigit()]


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
    if word in EN_IRREGULAR:
        return EN_IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in EN_SUFFIXES:
        rest = word[: -len(suffix)]
        if word.endswith(suffix) and len(rest) >= 3 and re.search(r"[aeiouy]", rest):
            if suffix in ("ied", "ies"):
                rest += "y"
            elif suffix == "s" and word.endswith(("ss", "us", "is")):
                return _en_tidy(word)
            elif suffix == "es" and not rest.endswith(("ss", "sh", "ch", "x", "z")):
                rest = word[:-1]
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
    for group in (ID_PARTICLES, ID_POSSESSIVES, ID_DERIVATIONAL):
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
    for plain in ("di", "ke", "se", "ter", "ber", "per", "be"):
        if word.startswith(plain):
            found.append(word[len(plain) :])
    if word.startswith(("ter", "ber", "per")):
        found.append(word[2:])  # te-r..., be-r..., pe-r...: the r belongs to the root (berasa -> rasa)
    for head in ("me", "pe", "ng", "ny", "n", "m"):  # meN-, peN-, and spoken ng-/ny-/n-/m- (ngirim, nyari)
        if word.startswith(head):
            found += _nasal(word[len(head) :] if head in ("me", "pe") else word, spoken=head not in ("me", "pe"))
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


def stem_id(word: str, roots: frozenset[str] | set[str], slang: dict[str, str] | None = None) -> str:
    """The first root the affix rules reach, or the word itself.

    When no written root is reached, the spoken forms are tried: a root said the Jakarta way (dateng, pesen,
    sampe: the last a or ai said as e) or a slang root under affixes (ke-liat-an, ngeliatin).
    """
    if len(word) <= MIN_ROOT or word in roots or not word.isalpha():
        return word
    forms = id_candidates(word)
    found = next((form for form in forms if form in roots), None)
    if found is None:
        spoken = [word, *forms]
        found = next((root for form in spoken for root in _spoken(form, slang or {}) if root in roots), word)
    return found


def _spoken(form: str, slang: dict[str, str]) -> list[str]:
    """The written roots a spoken form may stand for."""
    out = [slang[form]] if form in slang and " " not in slang[form] else []
    if len(form) > MIN_ROOT:
        if last := re.search(r"e([^aeiouy]+)$", form):
            out.append(form[: last.start()] + "a" + last[1])  # dateng -> datang, pesen -> pesan, bales -> balas
        if re.search(r"[^aeiou]e$", form):
            out.append(form[:-1] + "ai")  # sampe -> sampai, pake -> pakai
    return out


# Marks that end a phrase: "Cash on delivery (COD)" has no phrase "delivery cod", nor "paid, not shipped" "paid not".
CLAUSE_END = re.compile(r"[.,;:!?()\[\]{}|/\"\u201c\u201d\u203a]+")


def clauses(text: str, lang: str, roots: frozenset[str] | set[str] = frozenset()) -> list[list[str]]:
    """The terms of each clause of a text or a query: words, slang made standard, function words out, each reduced
    to its root."""
    out = []
    for clause in CLAUSE_END.split(text):
        words = normalize(tokens(clause), lang)
        if lang == "id":
            out.append([stem_id(word, roots, SLANG["id"]) for word in words])
        else:
            out.append([stem_en(word) for word in words])
    return [terms for terms in out if terms]


def analyze(text: str, lang: str, roots: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The terms of a text or a query, clause after clause."""
    return [term for terms in clauses(text, lang, roots) for term in terms]


@cache
def dictionary() -> frozenset[str]:
    """Indonesian root words (Sastrawi's list), used at build time only, plus the words kept whole."""
    path = resources.files("Sastrawi") / "Stemmer" / "data" / "kata-dasar.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) | KEEP


def site_roots(texts: Iterable[str], known: frozenset[str]) -> set[str]:
    """The root of every word on the site, or the word itself when it has none.

    A root that the site itself uses wins over one it doesn't: memesan is pesan (on the site), not mesan.
    """
    words = {word for text in texts for word in normalize(tokens(text), "id")}
    attested = frozenset(words & known)
    roots = set()
    for word in words:
        root = stem_id(word, attested)
        roots.add(stem_id(word, known) if root == word else root)
    return roots


def pairs(terms: list[str], lang: str) -> list[str]:
    """Each two neighbouring terms as one more term: "sudah bayar" is not "sudah kirim" + "bayar".

    A negation begins a phrase: "pesanan belum dikirim" is "belum kirim", not also "pesanan belum".
    """
    return [f"{a} {b}" for a, b in itertools.pairwise(terms) if b not in NEGATIONS[lang]]


# --- sections of the built pages ---------------------------------------------------------------


@dataclass
class Section:
    """One search result: a heading and what follows it, up to the next heading."""

    page: str  # the page's URL in its language's site, e.g. cancel-order.html
    target: str  # the id the result links to
    title: str = ""
    page_title: str = ""
    flow: str = ""  # the id of the flow this section is part of, if any
    body: list[str] = field(default_factory=list)  # sentences, in page order

    @property
    def href(self) -> str:
        return f"{self.page}#{self.target}" if self.target else self.page


class _PageParser(html.parser.HTMLParser):
    """Splits a built page's article into sections at h1-h3, leaving out what is not an answer."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
    HIDDEN = frozenset({"script", "style", "template", "noscript", "svg", "button"})
    BLOCKS = frozenset({"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "td", "th", "div", "section", "summary"})

    def __init__(self, page: str, skip: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.skip = page, skip
        self.stack: list[tuple[str, str | None, bool]] = []  # tag, id, skipped
        self.in_article = 0
        self.heading: list[str] | None = None
        self.sections: list[Section] = []
        self.flow = ""
        self.line: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        classes = set((attr.get("class") or "").split())
        if tag == "article" and "md-content__inner" in classes:
            self.in_article = len(self.stack) + 1
        if tag in self.VOID:
            return
        skipped = bool(classes & self.skip) or tag in self.HIDDEN or (bool(self.stack) and self.stack[-1][2])
        self.stack.append((tag, attr.get("id"), skipped))
        if not self.in_article or skipped:
            return
        if "g-flow" in classes and attr.get("id"):
            self.flow = attr["id"] or ""
        if tag in self.BLOCKS:
            self._break()
        if tag in ("h1", "h2", "h3"):
            target = next((ident for _, ident, _ in reversed(self.stack) if ident), "")
            self.sections.append(Section(self.page, target, flow=self.flow))
            self.heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self.stack:
            return
        while self.stack:
            open_tag, _, skipped = self.stack.pop()
            if open_tag == tag:
                break
        if self.in_article and len(self.stack) < self.in_article:
            self.in_article = 0
        if tag in ("h1", "h2", "h3") and self.heading is not None and self.sections:
            self.sections[-1].title = _squash(" ".join(self.heading))
            self.heading = None
        elif tag in self.BLOCKS and not skipped:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.in_article or (self.stack and self.stack[-1][2]) or not self.sections:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.line.append(data)

    def _break(self) -> None:
        text = _squash(" ".join(self.line))
        self.line = []
        if text and self.sections and self.heading is None:
            self.sections[-1].body += [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_sections(html_text: str, page: str, skip: frozenset[str], summary_only: bool = False) -> list[Section]:
    """The sections of one built page. The page's first section (its title and introduction) stands for the
    whole page: it links to the page's flow, if it has one, so that a result lands on the guide itself."""
    parser = _PageParser(page, skip)
    parser.feed(html_text)
    parser.close()
    parser._break()
    sections = [s for s in parser.sections if s.title]
    if not sections:
        return []
    top = sections[0]
    top.page_title = top.title
    if parser.flow:
        top.target, top.flow = parser.flow, parser.flow
    for section in sections[1:]:
        section.page_title = top.title
    return sections[:1] if summary_only else sections


# What is not an answer: sources, jump links, screen-reader-only words, the home page's list of guides
# (each guide answers for itself), the notes on what is not confirmed, and the "can I still cancel?" helper
# (a form whose answers repeat the cases below it, hidden until the reader picks a status).
SKIP_CLASSES = frozenset(
    {
        "g-meta",
        "g-jump",
        "g-sources",
        "g-about-flow",
        "g-sr",
        "g-tasks",
        "g-uncertain",
        "g-step__n",
        "g-tap__lead",
        "g-helper",
    }
)


def guide_extras(guide: dict[str, Any], lang: str) -> dict[str, Extra]:
    """Keywords and summaries from the data, by the id of the element they belong to."""
    out: dict[str, Extra] = {}
    for flow in guide["flows"]:
        words = tuple(flow.get("keywords", {}).get(lang, ()))
        out[flow["id"]] = Extra(words, flow["summary"][lang])
        for kind in ("routes", "cases", "sections"):
            for group in flow.get(kind, []):
                out[f"{flow['id']}-{group['id']}"] = Extra(tuple(group.get("keywords", {}).get(lang, ())))
        for tip in flow.get("tips", []):  # a tip's heading is <flow>-<tip>
            out[f"{flow['id']}-{tip['id']}"] = Extra(tuple(tip.get("keywords", {}).get(lang, ())))
        for status in flow.get("statuses", []):  # a status's block is <flow>-status-<status>
            out[f"{flow['id']}-status-{status['id']}"] = Extra(tuple(status.get("keywords", {}).get(lang, ())))
    return out


# --- the index -------------------------------------------------------------------------------

# How much a word counts where it is found. A section's own keywords and heading count most.
BOOST = {"title": 3.0, "keywords": 3.0, "page": 1.0, "flow_keywords": 2.0, "summary": 2.0, "body": 1.0}
# BM25: how fast repeats stop counting, and how much a long section is discounted. A heading word already counts 3
# times (BOOST), so repeats stop counting 3 times later than BM25's usual 1.2: a section whose heading, keywords
# and steps all say "paid" is told apart from one that says it once in passing.
K1, B = 3.6, 0.75


@dataclass(frozen=True)
class Extra:
    """What the data adds to a section: keywords, and (for a flow) its summary."""

    keywords: tuple[str, ...] = ()
    summary: str = ""


# Fields whose neighbouring words also count as pairs: the short ones, where a pair is a phrase.
PAIRED = frozenset({"title", "keywords", "page", "flow_keywords"})


def section_fields(section: Section, extras: dict[str, Extra]) -> dict[str, list[str]]:
    """The texts of a section, by field; each keyword is a text of its own.

    A flow's keywords count for every section of the flow, so they should be words for the whole guide: a word
    that names one section ("cod", "refuse parcel") belongs in that section's keywords, or every case of the flow
    has it and they cannot be told apart.

    A flow's summary describes all its sections ("…, and how to reach customer service"), so it counts like the
    flow's keywords, for each of them: it does not make the introduction the answer to what one section says.
    Its neighbouring words are not paired: it lists the sections, and "unpaid, paid" is not a phrase.
    """
    own = extras.get(section.target, Extra()) if section.target != section.flow else Extra()
    flow = extras.get(section.flow, Extra())
    return {
        "title": [section.title],
        "keywords": list(own.keywords),
        "page": [section.page_title] if section.page_title != section.title else [],
        "flow_keywords": list(flow.keywords),
        "summary": [flow.summary] if flow.summary else [],
        "body": section.body,
    }


def build_index(sections: list[Section], extras: dict[str, Extra], lang: str) -> dict[str, Any]:
    """The index one language's site loads: its sections, each term's weighted postings, and the word tables."""
    fields = [section_fields(s, extras) for s in sections]
    roots: set[str] = set()
    if lang == "id":
        roots = site_roots((text for f in fields for texts in f.values() for text in texts), dictionary())

    def terms(name: str, texts: list[str]) -> list[tuple[str, float]]:
        out = []
        for text in texts:
            for words in clauses(text, lang, roots):
                out += list(zip(words, negation_weights(words, lang), strict=True))
                out += [(pair, 1.0) for pair in pairs(words, lang)] if name in PAIRED else []
        return out

    docs = [{name: terms(name, texts) for name, texts in f.items()} for f in fields]
    return {
        "version": INDEX_VERSION,
        "lang": lang,
        "slang": SLANG[lang],
        "stop": sorted(STOP[lang]),
        "phrases": PHRASES[lang],
        "negations": sorted(NEGATIONS[lang]),
        "tags": list(QUESTION_TAGS.get(lang, ())),
        "irregular": EN_IRREGULAR if lang == "en" else {},
        "roots": sorted(roots),
        "docs": [
            [s.href, s.title, s.page_title if s.page_title != s.title else "", s.body, parent]
            for s, parent in zip(sections, parents(sections), strict=True)
        ],
        "terms": postings(docs),
    }


def parents(sections: list[Section]) -> list[int]:
    """For each section, the index of its page's first section (-1 for that first section itself)."""
    first: dict[str, int] = {}
    out = []
    for i, section in enumerate(sections):
        out.append(first.setdefault(section.page, i) if section.page in first else -1)
        first.setdefault(section.page, i)
    return out


NEGATED = 0.3  # how much a word right after a negation counts: "not paid yet" is hardly about being paid


def negation_weights(terms: list[str], lang: str) -> list[float]:
    """How much each term of a text counts: a term right after a negation counts less than one said plainly."""
    denied = [False] + [before in NEGATIONS[lang] for before in terms[:-1]]
    return [NEGATED if no and term not in NEGATIONS[lang] else 1.0 for term, no in zip(terms, denied, strict=True)]


def postings(docs: list[dict[str, list[tuple[str, float]]]]) -> dict[str, list[list[float]]]:
    """BM25F: term -> [[doc, score], …], best first, scores rounded to keep the file small.

    Each field's count is boosted; only the body is discounted for length, so a short section does not
    win on the keywords it shares with the rest of its guide.
    """
    n = len(docs)
    average = sum(len(doc["body"]) for doc in docs) / max(n, 1) or 1.0
    weighted: list[Counter[str]] = []
    for doc in docs:
        counts: Counter[str] = Counter()
        for name, words in doc.items():
            norm = 1 - B + B * len(words) / average if name == "body" else 1.0
            for word, weight in words:
                counts[word] += weight * BOOST[name] / norm
        weighted.append(counts)
    df = Counter(term for counts in weighted for term in counts)
    out: dict[str, list[list[float]]] = {}
    for i, counts in enumerate(weighted):
        for term, tf in counts.items():
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            out.setdefault(term, []).append([i, round(idf * tf * (K1 + 1) / (tf + K1), 3)])
    return {term: sorted(rows, key=lambda r: -r[1]) for term, rows in sorted(out.items())}


def search(index: dict[str, Any], query: str) -> list[tuple[str, float]]:
    """The same ranking as the browser's, for tests: ``[(href, score), …]`` best first.

    While the last word is still being typed (no space after it) and is not a whole term, it matches
    every term it begins.
    """
    parts = clauses(query, index["lang"], frozenset(index["roots"]))
    terms = [term for terms in parts for term in terms]
    table = index["terms"]
    partial = terms[-1] if terms and not query[-1:].isspace() and terms[-1] not in table else None

    def lookup(term: str) -> list[list[float]]:
        if term != partial:
            return table.get(term, [])
        return [row for key, rows in table.items() if key.startswith(term) for row in rows]

    return rank(index, terms + [pair for terms in parts for pair in pairs(terms, index["lang"])], lookup)


def rarity(found_in: int, docs: int) -> float:
    """How much a word tells, from the number of sections it is in (a word in none tells nothing)."""
    return math.log(1 + (docs - found_in + 0.5) / (found_in + 0.5)) if found_in else 0.0


def rank(
    index: dict[str, Any], terms: list[str], lookup: Callable[[str], list[list[float]]]
) -> list[tuple[str, float]]:
    scores: dict[int, float] = {}
    covered: dict[int, float] = {}
    wanted = list(dict.fromkeys(terms))
    weights = {term: rarity(len(lookup(term)), len(index["docs"])) for term in wanted}
    for term in wanted:
        for doc, score in lookup(term):
            scores[int(doc)] = scores.get(int(doc), 0.0) + score
            covered[int(doc)] = covered.get(int(doc), 0.0) + weights[term]
    # A section that has more of the reader's words, counted by how rare each word is, beats one that has a
    # lot of one word.
    total = sum(weights.values()) or 1.0
    final = {doc: score * covered[doc] / total for doc, score in scores.items()}
    # A page's introduction yields to a section of that page that has as much of the reader's words: the
    # section is the more precise answer.
    for doc in final:
        parent = index["docs"][doc][4]
        if parent in final and covered[doc] >= covered[parent] and final[parent] > final[doc]:
            final[parent] = final[doc] * 0.999
    order = sorted(final, key=lambda doc: (-final[doc], doc))
    return [(index["docs"][doc][0], round(final[doc], 3)) for doc in order]
