// The guide's search in the browser: the analyser of guide/search/analyser.py and the query side and ranking of
// guide/search/query.py, run on what the reader types. Keep them in step: tests check that the two reduce the
// same words to the same roots and rank every benchmark query the same. The word tables, the affix lists and the
// clause marks come in search/index.json, from data/search/<lang>.yml, so they have one source.
// Loaded by assets/site.js the first time the reader opens search, with search/index.json; search/texts.json (the
// sentences for snippets) is fetched only after the first results are on screen.

const MAX_RESULTS = 5;
const SNIPPET_CHARS = 200;
const FUZZY_WEIGHT = 0.7;
const SKELETON_WEIGHT = 0.8;
const CONTEXT = 0.7;
const SELF = 0.2;
const PREFIX_TRACES = "dtksbmp";
const SHORT = /^[^aeiou][aeiou][^aeiouwxy]$/;

const unique = (list) => [...new Set(list)];
const has = Object.hasOwn;
const vowels = (word) => (word.match(/[aeiou]/g) || []).length;

// --- words: the same steps as analyser.py --------------------------------------------------------------

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
  if (has(irregular, word)) return enTidy(irregular[word]);
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  for (const suffix of index.words.suffixes) {
    let rest = word.slice(0, -suffix.length);
    // -ly needs a longer stem: quick-ly, but not rep-ly or app-ly
    if (word.endsWith(suffix) && rest.length >= (suffix === "ly" ? 4 : 3) && /[aeiouy]/.test(rest)) {
      if (suffix === "ied" || suffix === "ies") rest += "y";
      else if (suffix === "s" && /(ss|us|is)$/.test(word)) return enTidy(word);
      else if (suffix === "es" && !/(ss|sh|ch|x|z)$/.test(rest)) rest = word.slice(0, -1);
      else if ((suffix === "ing" || suffix === "ed") && SHORT.test(rest)) rest += "e";
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

// The first root the affix rules reach, or the word; with `spoken`, then the spoken forms (dateng, ke-liat-an).
export function stemId(word, roots, slang, spoken = true) {
  if (word.length <= 3 || roots.has(word) || !/^[a-z]+$/.test(word)) return word;
  const forms = idCandidates(word, { min_root: 3, words: { affixes: ID_AFFIXES.affixes } });
  const found = forms.find((form) => roots.has(form));
  if (found !== undefined) return found;
  if (!spoken) return word;
  for (const form of [word, ...forms]) {
    const root = spokenForms(form, slang || {}).find((written) => roots.has(written));
    if (root !== undefined) return root;
  }
  return word;
}

const ID_AFFIXES = { affixes: {} }; // set by prepare() from the index: the suffix lists of data/search/id.yml

function spokenForms(form, slang) {
  const out = has(slang, form) && !slang[form].includes(" ") ? [slang[form]] : [];
  if (form.length > 3) {
    const last = form.match(/e([^aeiouy]+)$/);
    if (last) out.push(form.slice(0, last.index) + "a" + last[1]);
    if (/[^aeiou]e$/.test(form)) out.push(form.slice(0, -1) + "ai");
  }
  return out;
}

// --- the query side: the same steps as query.py --------------------------------------------------------

export function allowed(word) {
  return word.length < 4 ? 0 : word.length <= 7 ? 1 : 2;
}

// Damerau-Levenshtein (optimal string alignment), stopping once it is past `limit`.
export function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i].concat(new Array(b.length).fill(0));
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    if (Math.min(...current) > limit) return limit + 1;
    before = row;
    row = current;
  }
  return row[b.length];
}

export function skeleton(word) {
  word = word.replaceAll("ng", "g");
  return (word.slice(0, 1) + word.slice(1).replace(/[aeiou]/g, "")).replace(/(.)\1+/g, "$1");
}

const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function skeletonMap(candidates, stop, df, exceptions) {
  const seen = new Map();
  for (const word of candidates) {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) continue;
    const shape = skeleton(word);
    if (!seen.has(shape)) seen.set(shape, []);
    seen.get(shape).push([df(word), stop.has(word) ? "" : word]);
  }
  const out = new Map();
  for (const [shape, found] of seen) {
    const ranked = found.sort((x, y) => y[0] - x[0] || byText(x[1], y[1]));
    const clear = ranked.length === 1 || (ranked[0][0] >= 3 * ranked[1][0] && 3 * ranked[1][0] > 0) || (ranked[0][0] > 0 && ranked[1][0] === 0);
    if (!exceptions.includes(shape) && shape.length >= 2 && clear) out.set(shape, ranked[0][1]);
  }
  return out;
}

// term:gap,score,gap,score;… (index.py `encode`) -> {term: [doc, score, doc, score, …]}
function decodeTerms(text) {
  const terms = Object.create(null);
  for (const chunk of text ? text.split(";") : []) {
    const at = chunk.indexOf(":");
    const values = chunk.slice(at + 1).split(",").map(Number);
    let doc = 0;
    for (let i = 0; i < values.length; i += 2) {
      doc += values[i];
      values[i] = doc;
    }
    terms[chunk.slice(0, at)] = values;
  }
  return terms;
}

// "0abad 4i 3h" (index.py `front_code`) -> ["abad", "abadi", "abah"]
function frontDecode(text) {
  const out = [];
  for (const chunk of text ? text.split(" ") : []) out.push((out.length ? out.at(-1).slice(0, Number(chunk[0])) : "") + chunk.slice(1));
  return out;
}

export function prepare(index) {
  ID_AFFIXES.affixes = index.words.affixes || {};
  index.terms = decodeTerms(index.terms);
  index.stopSet = new Set(index.words.stop);
  index.clauseEnd = new RegExp(index.clause_end);
  index.reduplicated = new RegExp(`^(?:${index.reduplicated_word})$`);
  index.keys = Object.keys(index.terms);
  index.vocab = new Set(index.keys.filter((key) => !key.includes(" ")));
  index.protectSet = new Set(frontDecode(index.protect));
  index.df = (term) => (has(index.terms, term) ? index.terms[term].length / 2 : 0);
  const words = [...new Set([...index.vocab, ...index.stopSet])].sort(byText);
  index.skeletons = skeletonMap(words, index.stopSet, index.df, index.words.skeleton_exceptions);
  // What a typo may be taken for: a site word, a function word (""), or a slang word, as the site word it stands for.
  const meaning = new Map(words.map((word) => [word, index.stopSet.has(word) ? "" : word]));
  for (const said of Object.keys(index.words.slang).sort(byText)) {
    const written = index.words.slang[said];
    if (meaning.has(said) || said.length < 5 || written.includes(" ")) continue;
    meaning.set(said, written && !index.stopSet.has(written) ? stem(written, index, false) : "");
  }
  index.meaning = new Map([...meaning].filter(([, v]) => v === "" || index.vocab.has(v)));
  index.candidates = [...index.meaning.keys()].sort(byText);
  index.resolved = new Map();
  return index;
}

function stem(word, index, spoken) {
  if (index.lang !== "id") return stemEn(word, index);
  return stemId(word, index.vocab, spoken ? index.words.slang : null, spoken);
}

function known(word, index) {
  return index.stopSet.has(word) || index.vocab.has(stem(word, index, false));
}

function fuzzy(word, term, index) {
  const stripped = index.lang === "id" ? idCandidates(word, index).filter((form) => form.length >= 5) : [];
  const forms = unique([word, term, ...stripped]); // a short stripped form is too easily near another word
  let best = null;
  for (const form of forms) {
    const limit = allowed(form);
    if (!limit) continue;
    for (const candidate of index.candidates) {
      if (Math.abs(candidate.length - form.length) > limit) continue;
      // a typo keeps its first letter, or swaps the first two
      if (form[0] !== candidate[0] && !(form[1] === candidate[0] && form[0] === candidate[1])) continue;
      const d = distance(form, candidate, limit);
      if (d > limit) continue;
      const key = [d, -index.df(index.meaning.get(candidate)), candidate];
      if (best === null || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && byText(key[2], best[2]) < 0)))) best = key;
    }
  }
  return best ? best[2] : null;
}

function skeletal(word, index) {
  let found = index.skeletons.get(skeleton(word));
  if (found === undefined && word.length >= 4 && PREFIX_TRACES.includes(word[0])) found = index.skeletons.get(skeleton(word.slice(1)));
  return found;
}

// The site term a query word stands for, and how much it counts; null for a typo of a function word.
export function resolve(word, index) {
  if (index.resolved.has(word)) return index.resolved.get(word);
  let out;
  const term = stem(word, index, false);
  const n = vowels(word);
  // dkirim, dbayar: a prefix's last trace (di-kirim) before a consonant
  const traced = PREFIX_TRACES.includes(word[0]) && !"aeiou".includes(word[1]) && word.length >= 5 ? stem(word.slice(1), index, true) : null;
  if (index.vocab.has(term) || !/^[a-z]+$/.test(word)) out = [term, 1];
  else if (traced !== null && index.vocab.has(traced)) out = [traced, 1];
  else {
    const near = n && !index.protectSet.has(word) ? fuzzy(word, term, index) : null;
    const said = near === null ? stem(word, index, true) : null;
    if (near !== null) out = index.meaning.get(near) ? [index.meaning.get(near), FUZZY_WEIGHT] : null;
    else if (index.vocab.has(said)) out = [said, 1];
    else {
      const found = !/[aeiou]/.test(word.slice(1)) ? skeletal(word, index) : undefined; // only the first may be a vowel
      out = found !== undefined ? (found ? [found, SKELETON_WEIGHT] : null) : [term, 1];
    }
  }
  index.resolved.set(word, out);
  return out;
}

// Joined words apart: gajadi is ga jadi, when the word is unknown and its second part is known.
function split(words, index) {
  const slang = index.words.slang;
  return words.flatMap((word) => {
    const head = index.words.joined.find((p) => {
      const rest = word.slice(p.length);
      return word.startsWith(p) && rest.length >= 3 && !known(word, index) && !has(slang, word) && (known(rest, index) || has(slang, rest));
    });
    return head ? [head, word.slice(head.length)] : [word];
  });
}

// The weighted terms of each clause of a query: [[[term, weight], …], …].
export function queryClauses(text, index) {
  return text
    .split(index.clauseEnd)
    .map((clause) => normalize(split(tokens(clause), index), index).map((word) => resolve(word, index)).filter(Boolean))
    .filter((terms) => terms.length);
}

// The terms of a text as the site's pages are indexed: for tests of the analyser.
export function analyze(text, index) {
  return text
    .split(index.clauseEnd)
    .flatMap((clause) => normalize(tokens(clause), index).map((word) => (index.lang === "id" ? stemId(word, index.vocab, index.words.slang) : stemEn(word, index))));
}

// Each two neighbouring terms as one more term, counting as much as the less sure of the two. A negation begins a
// phrase: "pesanan belum dikirim" is "belum kirim", not also "pesanan belum".
function pairs(terms, negations) {
  return terms.slice(1).flatMap((term, i) => (negations.includes(term[0]) ? [] : [[`${terms[i][0]} ${term[0]}`, Math.min(terms[i][1], term[1])]]));
}

const rarity = (foundIn, docs) => (foundIn ? Math.log(1 + (docs - foundIn + 0.5) / (foundIn + 0.5)) : 0);

// Ranked sections: [[doc, score], …]. While the last word is still being typed (no space after it) and is not a
// whole term, it matches every term it begins (or, if it begins none, is taken as a whole word).
export function search(index, query) {
  const parts = queryClauses(query, index);
  const terms = parts.flat();
  const last = terms.length ? terms.at(-1)[0] : null;
  let partial = last !== null && !/\s$/.test(query) && !has(index.terms, last) ? last : null;
  if (partial !== null && !index.keys.some((key) => key.startsWith(partial))) partial = null;
  const lookup = (term) =>
    term !== partial ? (has(index.terms, term) ? index.terms[term] : []) : index.keys.filter((key) => key.startsWith(term)).flatMap((key) => index.terms[key]);
  const weights = new Map();
  for (const [term, weight] of terms.concat(parts.flatMap((part) => pairs(part, index.words.negations)))) {
    weights.set(term, Math.max(weights.get(term) || 0, weight));
  }
  const found = new Map([...weights.keys()].map((term) => [term, lookup(term)]));
  const docsOf = (rows) => new Set(rows.filter((_, i) => i % 2 === 0)).size;
  const said = new Map([...weights].map(([term, weight]) => [term, rarity(docsOf(found.get(term)), index.docs.length) * weight]));
  const each = new Map(); // doc -> term -> score (a word being typed: its best term's)
  for (const [term, weight] of weights) {
    const rows = found.get(term);
    for (let i = 0; i < rows.length; i += 2) {
      if (!each.has(rows[i])) each.set(rows[i], new Map());
      const mine = each.get(rows[i]);
      mine.set(term, Math.max(mine.get(term) || 0, rows[i + 1] * weight));
    }
  }
  const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);
  const own = new Map([...each].map(([doc, mine]) => [doc, sum(mine)]));
  const held = new Map([...each].map(([doc, mine]) => [doc, new Set(mine.keys())]));
  // A section's own matches, plus CONTEXT times its page's first section's (that one: SELF times its own); times the
  // share of the reader's words, by rarity, the two hold between them.
  const total = [...said.values()].reduce((a, b) => a + b, 0) || 1;
  const final = new Map();
  for (const [doc, score] of own) {
    const parent = index.docs[doc][3];
    const words = parent !== -1 ? new Set([...held.get(doc), ...(held.get(parent) || [])]) : held.get(doc);
    const boost = parent !== -1 ? CONTEXT * (own.get(parent) || 0) : SELF * score;
    let share = 0;
    for (const term of [...words].sort(byText)) share += said.get(term);
    final.set(doc, ((score + boost) * share) / total);
  }
  const order = (doc) => Math.round(final.get(doc) * 1e6);
  const ranked = [...final.keys()].sort((a, b) => order(b) - order(a) || a - b).map((doc) => [doc, final.get(doc)]);
  return toLimits(index, weights, ranked);
}

// A question about a time limit ("brp hari batas retur") is answered by the time limits of the guide that answers
// it best: the first result's guide's time limits come first, at its score (query.py `to_limits`).
function toLimits(index, weights, ranked) {
  if (!ranked.length || !index.limits.terms.some((term) => weights.has(term))) return ranked;
  const first = ranked[0][0];
  const page = index.docs[first][3] !== -1 ? index.docs[first][3] : first;
  const facts = index.limits.docs.find((doc) => index.docs[doc][3] === page);
  if (facts === undefined || facts === first) return ranked;
  return [[facts, ranked[0][1]], ...ranked.filter(([doc]) => doc !== facts)];
}
