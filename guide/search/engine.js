// The guide's search in the browser: the analyser and ranking of guide/search (analyser.py, rank.py), run on
// what the reader types. Keep the two in step: tests check that they reduce the same words to the same roots and
// rank the same results. The word tables, the affix lists and the clause marks come in search/index.json, from
// data/search/<lang>.yml, so they have one source.
// Loaded by assets/search.js the first time the reader opens search, together with search/index.json.

const MAX_RESULTS = 10;
const SNIPPET_CHARS = 220;

const unique = (list) => [...new Set(list)];
const has = Object.hasOwn;

export function tokens(text) {
  const plain = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/['\u2019]/g, "");
  return plain.match(/[a-z0-9]+/g) || [];
}

export function normalize(words, index) {
  const w = index.words;
  if (index.lang === "id") words = words.map((word) => (index.reduplicated.test(word) ? word.slice(0, -1) : word));
  let out = words.flatMap((word) => (has(w.slang, word) ? w.slang[word] : word).split(/\s+/).filter(Boolean));
  if (out.length > 1 && w.question_tags.includes(out.at(-1))) out.pop();
  for (const [phrase, said] of Object.entries(w.phrases)) out = replace(out, phrase.split(" "), said.split(" ").filter(Boolean));
  return out.filter((word) => !index.stopSet.has(word) && !/^[0-9]+$/.test(word));
}

function replace(words, phrase, said) {
  const out = [];
  for (let i = 0; i < words.length; ) {
    if (phrase.every((part, j) => words[i + j] === part)) {
      out.push(...said);
      i += phrase.length;
      continue;
    }
    out.push(words[i]);
    i += 1;
  }
  return out;
}

export function stemEn(word, index) {
  const irregular = index.words.irregular;
  if (has(irregular, word)) return irregular[word];
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  for (const suffix of index.words.suffixes) {
    let rest = word.slice(0, -suffix.length);
    if (word.endsWith(suffix) && rest.length >= 3 && /[aeiouy]/.test(rest)) {
      if (suffix === "ied" || suffix === "ies") rest += "y";
      else if (suffix === "s" && /(ss|us|is)$/.test(word)) return enTidy(word);
      else if (suffix === "es" && !/(ss|sh|ch|x|z)$/.test(rest)) rest = word.slice(0, -1);
      return enTidy(rest);
    }
  }
  return enTidy(word);
}

function enTidy(word) {
  if (word.length > 4 && word.endsWith("e")) word = word.slice(0, -1);
  if (word.length > 3 && word.at(-1) === word.at(-2) && !"aeiousz".includes(word.at(-1))) word = word.slice(0, -1);
  return word;
}

export function idCandidates(word, index) {
  const minRoot = index.min_root;
  let forms = [word];
  for (const group of Object.values(index.words.affixes)) {
    const more = [];
    for (const form of forms) {
      for (const suffix of group) {
        if (form.endsWith(suffix) && form.length - suffix.length >= minRoot) more.push(form.slice(0, -suffix.length));
      }
    }
    forms = forms.concat(more);
  }
  let out = forms.slice(1);
  for (const form of [...forms].reverse()) out = out.concat(stripPrefixes(form, 2, minRoot));
  return unique(out);
}

function stripPrefixes(word, depth, minRoot) {
  const out = [];
  for (const rest of prefixOnce(word, minRoot)) {
    out.push(rest);
    if (depth > 1) out.push(...stripPrefixes(rest, depth - 1, minRoot));
  }
  return out;
}

function prefixOnce(word, minRoot) {
  const found = [];
  for (const plain of ["di", "ke", "se", "ter", "ber", "per", "be"]) {
    if (word.startsWith(plain)) found.push(word.slice(plain.length));
  }
  if (/^(ter|ber|per)/.test(word)) found.push(word.slice(2));
  for (const head of ["me", "pe", "ng", "ny", "n", "m"]) {
    if (!word.startsWith(head)) continue;
    const nasalized = head === "me" || head === "pe";
    found.push(...nasal(nasalized ? word.slice(head.length) : word, !nasalized));
  }
  return unique(found).filter((rest) => rest.length >= minRoot);
}

// Before a vowel the nasal stands for a dropped p, t, k or s; before a consonant it is only the prefix.
function nasal(rest, spoken) {
  const long = (roots) => roots.filter((root) => (root.match(/ai|au|oi|ei|[aeiou]/g) || []).length >= 2);
  const found = spoken ? [] : long([rest]);
  const vowel = rest.length > 2 && "aeiou".includes(rest[/^n[gy]/.test(rest) ? 2 : 1]);
  if (rest.startsWith("nge")) found.push(rest.slice(3));
  if (rest.startsWith("ng")) found.push(...long(vowel ? [rest.slice(2), "k" + rest.slice(2)] : [rest.slice(2)]));
  else if (rest.startsWith("ny")) found.push(...long(["s" + rest.slice(2)]));
  else if (rest.startsWith("m")) found.push(...long(vowel ? ["p" + rest.slice(1)] : [rest.slice(1)]));
  else if (rest.startsWith("n")) found.push(...long(vowel ? ["t" + rest.slice(1)] : [rest.slice(1)]));
  return found;
}

// When no written root is reached, the spoken forms are tried: dateng, pesen, sampe; ke-liat-an.
export function stemId(word, index) {
  const roots = index.rootSet;
  if (word.length <= index.min_root || roots.has(word) || !/^[a-z]+$/.test(word)) return word;
  const forms = idCandidates(word, index);
  const found = forms.find((form) => roots.has(form));
  if (found !== undefined) return found;
  for (const form of [word, ...forms]) {
    const root = spoken(form, index).find((written) => roots.has(written));
    if (root !== undefined) return root;
  }
  return word;
}

function spoken(form, index) {
  const slang = index.words.slang;
  const out = has(slang, form) && !slang[form].includes(" ") ? [slang[form]] : [];
  if (form.length > index.min_root) {
    const last = form.match(/e([^aeiouy]+)$/);
    if (last) out.push(form.slice(0, last.index) + "a" + last[1]);
    if (/[^aeiou]e$/.test(form)) out.push(form.slice(0, -1) + "ai");
  }
  return out;
}

// The terms of each clause of a text: words, slang made standard, function words out, each reduced to its root.
export function clauses(text, index) {
  return text
    .split(index.clauseEnd)
    .map((clause) => {
      const words = normalize(tokens(clause), index);
      if (index.lang === "id") return words.map((word) => cached(index, word, () => stemId(word, index)));
      return words.map((word) => cached(index, word, () => stemEn(word, index)));
    })
    .filter((terms) => terms.length);
}

export const analyze = (text, index) => clauses(text, index).flat();

function cached(index, word, stem) {
  let root = index.stems.get(word);
  if (root === undefined) index.stems.set(word, (root = stem()));
  return root;
}

// Each two neighbouring terms as one more term: "sudah bayar" is not "sudah kirim" + "bayar". A negation begins
// a phrase: "pesanan belum dikirim" is "belum kirim", not also "pesanan belum".
export const pairs = (terms, negations) =>
  terms.slice(1).flatMap((term, i) => (negations.includes(term) ? [] : [`${terms[i]} ${term}`]));

export function prepare(index) {
  index.stopSet = new Set(index.words.stop);
  index.clauseEnd = new RegExp(index.clause_end);
  index.reduplicated = new RegExp(`^(?:${index.reduplicated_word})$`);
  index.rootSet = new Set(index.roots);
  index.stems = new Map();
  index.keys = Object.keys(index.terms);
  return index;
}

// Ranked sections: [[doc, score], …]. While the last word is still being typed (no space after it) and is not
// a whole term, it matches every term it begins.
export function search(index, query) {
  const parts = clauses(query, index);
  const terms = parts.flat();
  const last = terms.at(-1);
  const partial = last !== undefined && !/\s$/.test(query) && !has(index.terms, last) ? last : null;
  const lookup = (term) =>
    term !== partial
      ? (has(index.terms, term) ? index.terms[term] : [])
      : index.keys.filter((key) => key.startsWith(term)).flatMap((key) => index.terms[key]);
  const wanted = unique(terms.concat(parts.flatMap((part) => pairs(part, index.words.negations))));
  const weights = new Map(wanted.map((term) => [term, rarity(lookup(term).length, index.docs.length)]));
  const scores = new Map();
  const covered = new Map();
  for (const term of wanted) {
    for (const [doc, score] of lookup(term)) {
      scores.set(doc, (scores.get(doc) || 0) + score);
      covered.set(doc, (covered.get(doc) || 0) + weights.get(term));
    }
  }
  // A section that has more of the reader's words, counted by how rare each word is, beats one that has a
  // lot of one word.
  const total = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  const final = new Map([...scores].map(([doc, score]) => [doc, (score * covered.get(doc)) / total]));
  // A page's introduction yields to a section of that page that has as much of the reader's words.
  for (const doc of final.keys()) {
    const parent = index.docs[doc][4];
    if (final.has(parent) && covered.get(doc) >= covered.get(parent) && final.get(parent) > final.get(doc)) {
      final.set(parent, final.get(doc) * 0.999);
    }
  }
  return { terms: new Set(wanted), partial, ranked: [...final].sort((a, b) => b[1] - a[1] || a[0] - b[0]) };
}

function rarity(foundIn, docs) {
  return foundIn ? Math.log(1 + (docs - foundIn + 0.5) / (foundIn + 0.5)) : 0;
}

// --- drawing the results, from the templates in overrides/partials/search.html ---------------------------

export function attach(box, index, root) {
  prepare(index);
  const list = box.querySelector("[data-g-search-results]");
  const meta = box.querySelector("#g-search-meta");
  const item = box.querySelector("[data-g-search-item]");
  const mark = box.querySelector("[data-g-search-mark]");

  function run(query) {
    const found = query.trim() ? search(index, query) : null;
    const shown = found ? found.ranked.slice(0, MAX_RESULTS) : [];
    list.replaceChildren(...shown.map(([doc]) => draw(index.docs[doc], found)));
    list.dataset.query = query;
    const n = found ? found.ranked.length : 0;
    meta.textContent = !found ? box.dataset.hint : n === 0 ? box.dataset.none : n === 1 ? box.dataset.one : box.dataset.many.replace("{n}", n);
  }

  function draw([href, title, page, body], found) {
    const node = item.content.firstElementChild.cloneNode(true);
    node.querySelector("a").href = new URL(href, root).href;
    highlight(node.querySelector("[data-title]"), title, found);
    node.querySelector("[data-page]").textContent = page;
    highlight(node.querySelector("[data-text]"), snippet(body, found), found);
    return node;
  }

  // The sentences that hold most of the reader's words, so two results can be told apart.
  function snippet(body, found) {
    const score = (sentence) => analyze(sentence, index).filter((term) => matches(term, found)).length;
    let best = 0;
    body.forEach((sentence, i) => {
      if (score(sentence) > score(body[best])) best = i;
    });
    let text = body[best] || "";
    for (let i = best + 1; i < body.length && text.length + body[i].length < SNIPPET_CHARS; i += 1) text += " " + body[i];
    return text.length > SNIPPET_CHARS ? text.slice(0, SNIPPET_CHARS).replace(/\s+\S*$/, "") + " …" : text;
  }

  function matches(term, found) {
    return found.terms.has(term) || (found.partial !== null && term.startsWith(found.partial));
  }

  function highlight(element, text, found) {
    const parts = text.split(/([\p{L}\p{N}'\u2019]+)/u);
    element.replaceChildren(
      ...parts.map((part, i) => {
        if (i % 2 === 0 || !analyze(part, index).some((term) => matches(term, found))) return document.createTextNode(part);
        const node = mark.content.firstElementChild.cloneNode();
        node.textContent = part;
        return node;
      }),
    );
  }

  return { run };
}
