// The guide's search in the browser: the port of the Python engine of guide/search/, which is the reference. Each
// part below mirrors one Python file, in its order and with its names (snake_case in camelCase; a Python method
// is a function that takes the prepared index):
//
//   analyser  guide/search/analyser.py  tokens, normalize, replace, stemEn, enTidy, idCandidates, stripPrefixes,
//                                       prefixOnce, nasal, long, stemId, spokenForms, analyze
//   typos     guide/search/typos.py     allowed, distance, typo
//   query     guide/search/query.py     skeleton, skeletonMap, clearlyFirst; prepare (Resolver.__init__, with
//                                       wire's decode), df, stem, known, resolve, resolveWord (_resolve), skeletal,
//                                       fuzzy, split, joinedAt, queryClauses (Resolver.clauses), queryProblems
//                                       (problems), pairs, withPairs
//   rank      guide/search/rank.py      search, eachProblem, byGuide, rank, order, rarity, scores, toLimits
//   wire      guide/search/wire.py      decodeTerms (decode), decodeDocs (long_docs), frontDecode
//
// What Python has and this has not is the build's: the pages' analysis (analyser.clauses, site_roots, the
// dictionary), the typo-protection list (typos.protected), the index (index.py) and learning (learn.py). Where
// they differ in form: a term is [text, weight]; search and rank give [[doc, score], …], the section's number and
// the unrounded score, where Python gives its href and the score to 3 places.
// The word tables, the analyser's rules (affixes, prefixes, nasal heads, min_root, clause marks), the weights and
// the prefix traces come in search/index.json (wire.py lists them): nothing here is typed twice.
// tests/unit/test_engine_parity.py runs this file under Node on an index of tests/fixtures/mini.yaml and on golden
// cases; tests/site/test_engine_parity.py on the built site's index, with every example and benchmark query: the
// same terms, the same number of results, and the same first five with their scores to 3 places, as the Python.
// Loaded by assets/site.js the first time the reader opens search, with search/index.json; search/texts.json (the
// sentences for snippets) is fetched only after the first results are on screen.

const unique = (list) => [...new Set(list)];
const has = Object.hasOwn;
const vowels = (word) => (word.match(/[aeiou]/g) || []).length;
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// --- analyser.py: text -> terms ------------------------------------------------------------------------

export function tokens(text) {
  const plain = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/['\u2019]/g, "");
  return plain.match(/[a-z0-9]+/g) || [];
}

// The words are tokens (never a space): each is itself, or the words its slang stands for (index.slang). The phrases,
// split once in prepare (Python's _phrases), are looked for only when their first word is there.
export function normalize(words, index) {
  if (index.lang === "id") words = words.map((word) => (index.reduplicated.test(word) ? word.slice(0, -1) : word));
  let out = words.flatMap((word) => index.slang.get(word) ?? word);
  if (out.length > 1 && index.words.question_tags.includes(out.at(-1))) out.pop();
  for (const [phrase, said] of index.phrases) if (out.includes(phrase[0])) out = replace(out, phrase, said);
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
      else if ((suffix === "ing" || suffix === "ed") && index.shortStem.test(rest)) rest += "e";
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
  let forms = [word];
  for (const group of Object.values(index.words.affixes)) {
    const more = [];
    for (const form of forms) {
      for (const suffix of group) {
        if (form.endsWith(suffix) && form.length - suffix.length >= index.min_root) more.push(form.slice(0, -suffix.length));
      }
    }
    forms = forms.concat(more);
  }
  let out = forms.slice(1);
  for (const form of [...forms].reverse()) out = out.concat(stripPrefixes(form, index));
  return unique(out);
}

function stripPrefixes(word, index, depth = 2) {
  const out = [];
  for (const rest of prefixOnce(word, index)) {
    out.push(rest);
    if (depth > 1) out.push(...stripPrefixes(rest, index, depth - 1));
  }
  return out;
}

function prefixOnce(word, index) {
  const prefixes = index.prefixes;
  const found = [];
  for (const plain of prefixes.plain) {
    if (word.startsWith(plain)) found.push(word.slice(plain.length));
  }
  if (prefixes.r.some((head) => word.startsWith(head))) found.push(word.slice(2)); // be-rasa: the r is the root's
  for (const head of prefixes.nasal) {
    if (!word.startsWith(head)) continue;
    const written = prefixes.written_nasal.includes(head);
    found.push(...nasal(written ? word.slice(head.length) : word, !written));
  }
  return unique(found).filter((rest) => rest.length >= index.min_root);
}

// Before a vowel the nasal stands for a dropped p, t, k or s; before a consonant it is only the prefix.
function nasal(rest, spoken) {
  const found = spoken ? [] : long([rest]);
  const vowel = rest.length > 2 && "aeiou".includes(rest[/^n[gy]/.test(rest) ? 2 : 1]);
  if (rest.startsWith("nge")) found.push(rest.slice(3));
  if (rest.startsWith("ng")) found.push(...long(vowel ? [rest.slice(2), "k" + rest.slice(2)] : [rest.slice(2)]));
  else if (rest.startsWith("ny")) found.push(...long(["s" + rest.slice(2)]));
  else if (rest.startsWith("m")) found.push(...long(vowel ? ["p" + rest.slice(1)] : [rest.slice(1)]));
  else if (rest.startsWith("n")) found.push(...long(vowel ? ["t" + rest.slice(1)] : [rest.slice(1)]));
  return found;
}

// meN-/peN- take a root of two or more syllables; one-syllable roots take menge-/penge- instead.
function long(roots) {
  return roots.filter((root) => (root.match(/ai|au|oi|ei|[aeiou]/g) || []).length >= 2);
}

// The first root the affix rules reach, or the word; with `spoken`, then the spoken forms (dateng, ke-liat-an).
// The roots are the index's own one-word terms (Python's `roots`).
export function stemId(word, index, slang, spoken = true) {
  const roots = index.vocab;
  if (word.length <= index.min_root || roots.has(word) || !/^[a-z]+$/.test(word)) return word;
  const forms = idCandidates(word, index);
  const found = forms.find((form) => roots.has(form));
  if (found !== undefined) return found;
  if (!spoken) return word;
  for (const form of [word, ...forms]) {
    const root = spokenForms(form, slang || {}, index).find((written) => roots.has(written));
    if (root !== undefined) return root;
  }
  return word;
}

function spokenForms(form, slang, index) {
  const out = has(slang, form) && !slang[form].includes(" ") ? [slang[form]] : [];
  if (form.length > index.min_root) {
    const last = form.match(/e([^aeiouy]+)$/);
    if (last) out.push(form.slice(0, last.index) + "a" + last[1]);
    if (/[^aeiou]e$/.test(form)) out.push(form.slice(0, -1) + "ai");
  }
  return out;
}

// The terms of a text as the site's pages are indexed: to mark the reader's words in the results. Each word's
// term is worked out once (the texts are the site's own, so the words are few).
export function analyze(text, index) {
  const stems = index.stems;
  const term = (word) => stems.get(word) ?? stems.set(word, stem(word, index, true)).get(word);
  return text.split(index.clauseEnd).flatMap((clause) => normalize(tokens(clause), index).map(term));
}

// --- typos.py: how far a typed word may be from a word of the site ---------------------------------------

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

// A typo keeps its first letter, or swaps the first two.
export function typo(a, b, limit) {
  return (a[0] === b[0] || (a[1] === b[0] && a[0] === b[1])) && distance(a, b, limit) <= limit;
}

// --- query.py: query word -> term ----------------------------------------------------------------------

export function skeleton(word) {
  word = word.replaceAll("ng", "g");
  return (word.slice(0, 1) + word.slice(1).replace(/[aeiou]/g, "")).replace(/(.)\1+/g, "$1");
}

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
    if (!exceptions.includes(shape) && shape.length >= 2 && clearlyFirst(ranked)) out.set(shape, ranked[0][1]);
  }
  return out;
}

function clearlyFirst(ranked) {
  if (ranked.length === 1) return true;
  const [first, second] = [ranked[0][0], ranked[1][0]];
  return (first >= 3 * second && 3 * second > 0) || (first > 0 && second === 0);
}

// The index, made ready to search: the Resolver of query.py, kept on the index itself.
export function prepare(index) {
  index.terms = decodeTerms(index);
  index.docs = decodeDocs(index.docs);
  index.protectSet = new Set(frontDecode(index.protect));
  index.stopSet = new Set(index.words.stop);
  const wordsOf = (text) => text.split(/\s+/).filter(Boolean);
  index.slang = new Map(Object.entries(index.words.slang).map(([said, written]) => [said, wordsOf(written)]));
  index.phrases = Object.entries(index.words.phrases).map(([phrase, said]) => [phrase.split(" "), wordsOf(said)]);
  index.clauseEnd = new RegExp(index.clause_end);
  index.reduplicated = new RegExp(`^(?:${index.reduplicated_word})$`);
  index.shortStem = new RegExp(`^(?:${index.short_stem})$`);
  index.keys = Object.keys(index.terms);
  index.vocab = new Set(index.keys.filter((key) => !key.includes(" ")));
  index.df = (term) => df(term, index);
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
  index.byLetter = new Map();
  for (const candidate of index.candidates) {
    if (!index.byLetter.has(candidate[0])) index.byLetter.set(candidate[0], []);
    index.byLetter.get(candidate[0]).push(candidate);
  }
  index.resolved = new Map();
  index.stems = new Map(); // analyze's: each word of the site's texts
  return index;
}

// The number of sections a term is in (a function word: none).
function df(term, index) {
  return has(index.terms, term) ? index.terms[term].length / 2 : 0;
}

function stem(word, index, spoken) {
  if (index.lang !== "id") return stemEn(word, index);
  return stemId(word, index, spoken ? index.words.slang : null, spoken);
}

function known(word, index) {
  return index.stopSet.has(word) || index.vocab.has(stem(word, index, false));
}

// The site term a query word stands for, and how much it counts; null for a typo of a function word.
export function resolve(word, index) {
  if (!index.resolved.has(word)) index.resolved.set(word, resolveWord(word, index));
  return index.resolved.get(word);
}

function resolveWord(word, index) {
  const term = stem(word, index, false);
  if (index.vocab.has(term) || !/^[a-z]+$/.test(word)) return [term, 1];
  if (index.prefix_traces.includes(word[0]) && !"aeiou".includes(word[1]) && word.length >= 5) {
    const traced = stem(word.slice(1), index, true); // dkirim, dbayar: di-kirim
    if (index.vocab.has(traced)) return [traced, 1];
  }
  const near = vowels(word) && !index.protectSet.has(word) ? fuzzy(word, term, index) : null;
  if (near !== null) return index.meaning.get(near) ? [index.meaning.get(near), index.weights.fuzzy] : null;
  const spoken = stem(word, index, true);
  if (index.vocab.has(spoken)) return [spoken, 1];
  const found = !/[aeiou]/.test(word.slice(1)) ? skeletal(word, index) : undefined; // only the first may be a vowel
  if (found !== undefined) return found ? [found, index.weights.skeleton] : null;
  return [term, 1];
}

function skeletal(word, index) {
  let found = index.skeletons.get(skeleton(word));
  if (found === undefined && word.length >= 4 && index.prefix_traces.includes(word[0])) found = index.skeletons.get(skeleton(word.slice(1)));
  return found;
}

// The nearest word the site knows within the typo distance of the word or its stripped forms: the fewest edits,
// then the one in most sections, then the first in the alphabet.
function fuzzy(word, term, index) {
  const stripped = index.lang === "id" ? idCandidates(word, index).filter((form) => form.length >= 5) : [];
  const forms = unique([word, term, ...stripped]); // a short stripped form is too easily near another word
  let best = null;
  for (const form of forms) {
    const limit = allowed(form);
    if (!limit) continue;
    let near = index.byLetter.get(form[0]) || [];
    if (form.length > 1 && form[1] !== form[0]) near = near.concat(index.byLetter.get(form[1]) || []);
    for (const candidate of near) {
      if (Math.abs(candidate.length - form.length) > limit || !typo(form, candidate, limit)) continue;
      const key = [distance(form, candidate, limit), -index.df(index.meaning.get(candidate)), candidate];
      if (best === null || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && byText(key[2], best[2]) < 0)))) best = key;
    }
  }
  return best ? best[2] : null;
}

// Joined words apart: gajadi is ga jadi, when the word is unknown and its second part is known.
function split(words, index) {
  return words.flatMap((word) => {
    const head = index.words.joined.find((p) => joinedAt(word, p, index));
    return head ? [head, word.slice(head.length)] : [word];
  });
}

function joinedAt(word, head, index) {
  const slang = index.words.slang;
  const rest = word.slice(head.length);
  if (!word.startsWith(head) || rest.length < 3 || known(word, index) || has(slang, word)) return false;
  return known(rest, index) || has(slang, rest);
}

// The weighted terms of each clause of a query: [[[term, weight], …], …].
export function queryClauses(text, index) {
  return text
    .split(index.clauseEnd)
    .map((clause) => normalize(split(tokens(clause), index), index).map((word) => resolve(word, index)).filter(Boolean))
    .filter((terms) => terms.length);
}

// The weighted terms of each problem a query may name: its clauses, each cut again at the words that join two.
function queryProblems(text, index) {
  const cut = (part) => tokens(part).map((word) => (index.words.joins.includes(word) ? "." : word)).join(" ");
  return queryClauses(text.split(index.clauseEnd).map(cut).join("."), index);
}

// Each two neighbouring terms as one more term, counting as much as the less sure of the two. A negation begins a
// phrase: "pesanan belum dikirim" is "belum kirim", not also "pesanan belum".
function pairs(terms, index) {
  const negations = index.words.negations;
  return terms.slice(1).flatMap((term, i) => (negations.includes(term[0]) ? [] : [[`${terms[i][0]} ${term[0]}`, Math.min(terms[i][1], term[1])]]));
}

// The terms the clauses look up: each clause's words, and each two neighbouring words as a pair.
function withPairs(parts, index) {
  return parts.flat().concat(parts.flatMap((part) => pairs(part, index)));
}

// --- rank.py: the ranking ------------------------------------------------------------------------------

// Ranked sections: [[doc, score], …]. While the last word is still being typed (no space after it) and is not a
// whole term, it matches every term it begins (or, if it begins none, is taken as a whole word).
export function search(index, query) {
  const parts = queryClauses(query, index);
  const last = parts.length ? parts.at(-1).at(-1)[0] : null;
  let partial = last !== null && !/\s$/.test(query) && !has(index.terms, last) ? last : null;
  if (partial !== null && !index.keys.some((key) => key.startsWith(partial))) partial = null;
  const lookup = (term) =>
    term !== partial ? (has(index.terms, term) ? index.terms[term] : []) : index.keys.filter((key) => key.startsWith(term)).flatMap((key) => index.terms[key]);
  const looked = withPairs(parts, index);
  return eachProblem(index, queryProblems(query, index), lookup, byGuide(index, toLimits(index, looked, rank(index, looked, lookup))));
}

// The best section of each problem the query names (weights.problem_words words or more, ranked alone) comes into
// the first three, after the first result; of more than two, those the whole query scores highest (to 3 places, as
// Python rounds), in the order named when equal; each keeps its score, the rest follow in order.
function eachProblem(index, problems, lookup, ranked) {
  const top = ranked.slice(0, 1);
  for (const terms of problems.length > 1 ? problems : []) {
    const looked = withPairs([terms], index);
    const best = terms.length >= index.weights.problem_words && toLimits(index, looked, rank(index, looked, lookup))[0];
    const row = best && ranked.find(([doc]) => doc === best[0]);
    if (row && !top.includes(row)) top.push(row);
  }
  const shown = top.slice(0, 1).concat(top.slice(1).sort((a, b) => Math.round(b[1] * 1000) - Math.round(a[1] * 1000)).slice(0, 2));
  return shown.concat(ranked.filter((row) => !shown.includes(row)));
}

// A page's sections past its first weights.per_guide go after every other page's first ones, in their order.
function byGuide(index, ranked) {
  const shown = new Map();
  const first = [];
  const later = [];
  for (const row of ranked) {
    const page = index.docs[row[0]][3] === -1 ? row[0] : index.docs[row[0]][3];
    shown.set(page, (shown.get(page) || 0) + 1);
    (shown.get(page) <= index.weights.per_guide ? first : later).push(row);
  }
  return first.concat(later);
}

function rank(index, terms, lookup) {
  const final = scores(index, terms, lookup);
  return [...final.keys()].sort((a, b) => order(final, a) - order(final, b) || a - b).map((doc) => [doc, final.get(doc)]);
}

// Sorted on the score to six places, so a last-digit difference cannot reorder two; then in the site's order.
function order(final, doc) {
  return -Math.round(final.get(doc) * 1e6);
}

const rarity = (foundIn, docs) => (foundIn ? Math.log(1 + (docs - foundIn + 0.5) / (foundIn + 0.5)) : 0);

// A section's own matches, plus weights.context times its page's first section's (that one: weights.self times its
// own); times the share of the reader's words, by rarity, the two hold between them (in a question of more than
// weights.long words, that share to the power weights.long_share).
function scores(index, terms, lookup) {
  const weights = new Map(); // a term said twice counts once, as surely as its surest saying
  for (const [term, weight] of terms) weights.set(term, Math.max(weights.get(term) || 0, weight));
  const docs = index.docs;
  const found = new Map([...weights.keys()].map((term) => [term, lookup(term)]));
  const docsOf = (rows) => new Set(rows.filter((_, i) => i % 2 === 0)).size;
  const worth = new Map([...weights].map(([term, weight]) => [term, rarity(docsOf(found.get(term)), docs.length) * weight]));
  const each = new Map(); // doc -> term -> score (a word being typed: its best term's)
  for (const [term, weight] of weights) {
    const rows = found.get(term);
    for (let i = 0; i < rows.length; i += 2) {
      if (!each.has(rows[i])) each.set(rows[i], new Map());
      const mine = each.get(rows[i]);
      mine.set(term, Math.max(mine.get(term) || 0, rows[i + 1] * weight));
    }
  }
  const sum = (values) => [...values].reduce((a, b) => a + b, 0);
  const total = sum(worth.values()) || 1;
  const own = new Map([...each].map(([doc, mine]) => [doc, sum(mine.values())]));
  const long = [...weights.keys()].filter((term) => !term.includes(" ")).length > index.weights.long; // words, not pairs
  const final = new Map();
  for (const [doc, mine] of each) {
    const parent = docs[doc][3];
    const up = parent !== -1 ? each.get(parent) : undefined;
    const words = [...new Set([...mine.keys(), ...(up ? up.keys() : [])])].sort(byText);
    const boost = parent === -1 ? index.weights.self * own.get(doc) : index.weights.context * (own.get(parent) || 0);
    let share = 0;
    for (const term of words) share += worth.get(term);
    final.set(
      doc,
      long
        ? (own.get(doc) + boost) * Math.pow(share / total, index.weights.long_share)
        : ((own.get(doc) + boost) * share) / total,
    );
  }
  return final;
}

// A question about a time limit ("brp hari batas retur") is answered by the time limits of the guide that answers
// it best: the first result's guide's time limits come first, at its score.
function toLimits(index, terms, ranked) {
  const asked = new Set(terms.map(([term]) => term));
  if (!ranked.length || !index.limits.terms.some((term) => asked.has(term))) return ranked;
  const first = ranked[0][0];
  const page = index.docs[first][3] !== -1 ? index.docs[first][3] : first;
  const facts = index.limits.docs.find((doc) => index.docs[doc][3] === page);
  if (facts === undefined || facts === first) return ranked;
  return [[facts, ranked[0][1]], ...ranked.filter(([doc]) => doc !== facts)];
}

// --- wire.py: search/index.json as read ------------------------------------------------------------------

// Front-coded terms, each posting's gap and score as one character each of wire.DIGITS (wire.py `encode`) ->
// {term: [doc, score, doc, score, …]}
const digit = (char) => char.charCodeAt(0) - 60 - (char > "\\"); // wire.DIGITS: "<" to "~" but "\\"
function decodeTerms(index) {
  const terms = Object.create(null);
  const gaps = index.gaps.split(";");
  let before = "";
  let posting = 0;
  (index.terms ? index.terms.split(";") : []).forEach((head, n) => {
    const term = before.slice(0, digit(head[0])) + head.slice(1);
    const rows = [];
    let doc = 0;
    for (const char of gaps[n]) {
      doc += digit(char);
      if (char !== "~") rows.push(doc, index.levels[digit(index.scores[posting++])]);
    }
    terms[term] = rows;
    before = term;
  });
  return terms;
}

// [href, #id or -rest of the parent's id, title, parent, page title?] (wire.py `short_doc`) -> [href, title, page
// title, parent]
function decodeDocs(docs) {
  const out = [];
  for (const [href, title, parent, page] of docs) {
    const above = out[parent];
    const full = !above ? href : href[0] === "-" ? above[0] + href : href[0] === "#" ? above[0].split("#")[0] + href : href;
    out.push([full, title, page ?? (above ? above[1] : ""), parent]);
  }
  return out;
}

// "0abad4i3h" (wire.py `front_code`) -> ["abad", "abadi", "abah"]
function frontDecode(text) {
  const out = [];
  for (const chunk of text.match(/[0-9][^0-9]*/g) || []) out.push((out.length ? out.at(-1).slice(0, Number(chunk[0])) : "") + chunk.slice(1));
  return out;
}
