// The search box's results (partials/search.html), drawn from its <template>s, and the keys that move through them.
// Not on the first view: joined after the engine into assets/search-engine.js (guide/postbuild/js.py), which
// search.js loads, with this language's search/index.json, the first time the reader opens search; search.js keeps
// the keys that open and close the box. search/texts.json (the sentences for snippets) and search-snippets.js (what
// chooses them) are fetched only once the first results are on screen, so they never delay them.

import { analyze, prepare, queryClauses, search } from "./search-engine.js";

const SHOWN = 5; // results shown, when as many are found
const MORE = 8; // results shown at most: past SHOWN, only those scoring at least RELEVANT times the first
const RELEVANT = 0.2;
export const MAX_QUERY = 200; // characters of a query read at most (search.js and the box's maxlength say the same)

const isText = (value) => typeof value === "string";
const isList = (value, each) => Array.isArray(value) && value.every(each);
const isTexts = (value) => isList(value, isText);
const isTable = (each) => (value) => Object(value) === value && !Array.isArray(value) && Object.values(value).every(each);
const isAt = (n, list) => Number.isInteger(n) && n >= 0 && n < list.length; // a position in the list
const every = (object, keys, each) => keys.split(" ").every((key) => each(object[key]));

// The index has the shape the build writes (wire.py): every field the engine reads is checked before it reads it,
// so a damaged or tampered index (``docs: [null]``, ``levels: []``, a posting past the last section) makes the box
// say search is unavailable, rather than throw as the reader types or rank on numbers it cannot trust. Either
// answer does: false, or an exception (a field of the wrong type), which attach's promise turns into that message.
export function validIndex(index) {
  const { docs, words, limits } = index;
  const isDoc = (n) => isAt(n, docs);
  return (
    // on the wire a section is [href, title, parent, page title?]; its parent (or -1) comes before it
    docs.length > 0 &&
    docs.every((doc, i) => isText(doc[0]) && isText(doc[1]) && (doc[2] === -1 || (doc[2] < i && isDoc(doc[2]))) && (doc.length === 3 || (doc.length === 4 && isText(doc[3])))) &&
    every(index, "common guides fallback", (list) => isList(list, isDoc)) &&
    isList(limits.docs, isDoc) &&
    isTexts(limits.terms) &&
    every(index, "lang clause_end reduplicated_word short_stem", isText) &&
    every(words, "stop negations question_tags joined joins suffixes skeleton_exceptions", isTexts) &&
    every(words, "slang phrases irregular", isTable(isText)) &&
    every(words, "affixes", isTable(isTexts)) &&
    every(index.prefixes, "plain r nasal written_nasal", isTexts) &&
    every(index.weights, "fuzzy skeleton context self per_guide long long_share problem_words", Number.isFinite) &&
    index.min_root > 0 &&
    Number.isInteger(index.min_root) &&
    // one list of gaps per term, one score per posting (wire.py ``encode``: "~" is a gap without a posting)
    index.terms.split(";").length === index.gaps.split(";").length &&
    index.gaps.replace(/[~;]/g, "").length === index.scores.length
  );
}

// Once decoded (the engine's ``prepare``): every posting is a section of the index, with a score (one of the levels).
function validPostings(index) {
  return Object.values(index.terms).every((rows) => rows.every((value, i) => (i % 2 ? value > 0 : isAt(value, index.docs))));
}

// ``setOpen(false)`` closes the box (search.js).
export function attach(box, index, root, setOpen) {
  if (!validIndex(index) || !validPostings(prepare(index))) throw new Error("search/index.json is not a search index");
  let texts = null;
  let snippets = null; // search-snippets.js, once it is in with the texts
  let loading = false; // texts.json asked for: once
  const loadTexts = () => {
    Promise.all([fetch(new URL("search/texts.json", root)).then((r) => (r.ok ? r.json() : null)), import("./search-snippets.js")])
      .then(([data, module]) => {
        snippets = module;
        texts = module.validTexts(data, index.docs) ? data : null;
        fill();
      })
      .catch(() => {});
  };
  const list = box.querySelector("[data-g-search-results]");
  const meta = box.querySelector("#g-search-meta");
  const item = box.querySelector("[data-g-search-item]");
  const heading = box.querySelector("[data-g-search-heading]");
  const mark = box.querySelector("[data-g-search-mark]");
  const input = box.querySelector("[data-g-search-input]");

  // Down from the box to the first result and on, up back to the box; a result taken closes the box; the clear
  // button leaves the reader in the box, with the common questions.
  box.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(event.target);
    if (event.key === "ArrowDown" && links.length && (at >= 0 || event.target === input)) links[Math.min(at + 1, links.length - 1)].focus();
    else if (event.key === "ArrowUp" && at >= 0) (at > 0 ? links[at - 1] : input).focus();
    else return;
    event.preventDefault();
  });
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) setOpen(false);
  });
  box.querySelector("[data-g-search-form]").addEventListener("reset", () => {
    setTimeout(() => {
      input.focus();
      run("");
    });
  });

  // A query is read up to MAX_QUERY characters; anything the engine cannot take says search is unavailable.
  function run(typed) {
    try {
      showResults(typed.slice(0, MAX_QUERY));
    } catch (error) {
      list.replaceChildren();
      meta.textContent = box.dataset.error;
    }
  }

  // What a text of the site (a title, a sentence, a word of one) is to the engine, worked out once: these are the
  // site's own texts, so this holds no more than the index's titles and texts.json, whatever the reader types.
  const analyzed = new Map();
  const termsOf = (text) => {
    if (!analyzed.has(text)) analyzed.set(text, analyze(text, index));
    return analyzed.get(text);
  };
  let wanted = new Set(); // the terms of the query shown, worked out once per drawing

  function showResults(query) {
    list.dataset.query = query;
    const asked = Boolean(query.trim());
    const found = asked ? search(index, query) : null;
    wanted = asked ? new Set(queryClauses(query, index).flat().map((term) => term[0])) : new Set();
    const shown = found ? found.slice(0, MORE).filter(([, score], i) => i < SHOWN || score >= RELEVANT * found[0][1]).map(([doc]) => doc) : [];
    const nodes = shown.map((doc) => draw(doc, asked));
    if (!found) nodes.push(head(box.dataset.common), ...index.common.map((doc) => draw(doc, false)));
    else if (!shown.length) nodes.push(head(box.dataset.guides), ...[...new Set([...index.guides, ...index.fallback])].map((doc) => draw(doc, false)));
    list.replaceChildren(...nodes);
    if (found && !texts && !loading) {
      loading = true;
      requestAnimationFrame(() => setTimeout(loadTexts));
    }
    const n = found ? found.length : 0;
    meta.textContent = !found ? box.dataset.hint : n === 0 ? box.dataset.none : n === 1 ? box.dataset.one : box.dataset.many.replace("{n}", shown.length);
  }

  // The snippets go into the results already shown, never a redraw: a keyboard reader may be on one of them.
  function fill() {
    try {
      const asked = Boolean((list.dataset.query || "").trim());
      for (const node of texts ? list.querySelectorAll("[data-doc]") : []) {
        const text = node.querySelector("[data-text]");
        highlight(text, snippet(Number(node.dataset.doc), asked), asked);
        text.hidden = false;
      }
    } catch (error) {
      texts = null; // the results stay, without snippets
    }
  }

  function head(text) {
    const node = heading.content.firstElementChild.cloneNode(true);
    node.textContent = text;
    return node;
  }

  // A section's result; with ``asked``, the reader's words marked in it.
  function draw(doc, asked) {
    const [href, title, page] = index.docs[doc];
    const node = item.content.firstElementChild.cloneNode(true);
    node.dataset.doc = doc;
    node.querySelector("a").href = new URL(href, root).href;
    highlight(node.querySelector("[data-title]"), title, asked);
    node.querySelector("[data-page]").textContent = page;
    const text = node.querySelector("[data-text]");
    if (texts) highlight(text, snippet(doc, asked), asked);
    else text.hidden = true; // until the texts are in: the title and the guide say enough
    return node;
  }

  // The section's snippet (search-snippets.js): a sentence scores the reader's words it holds.
  function snippet(doc, asked) {
    return snippets.snippet(texts[doc], asked, (sentence) => termsOf(sentence).filter((term) => wanted.has(term)).length);
  }

  function highlight(element, text, asked) {
    if (!asked) {
      element.textContent = text;
      return;
    }
    // One text node for each run of unmarked words, not one per word: fewer nodes for the browser to lay out.
    const nodes = [""];
    text.split(/([\p{L}\p{N}'\u2019]+)/u).forEach((part, i) => {
      if (i % 2 && termsOf(part).some((term) => wanted.has(term))) {
        const node = mark.content.firstElementChild.cloneNode();
        node.textContent = part;
        nodes.push(node, "");
      } else nodes[nodes.length - 1] += part;
    });
    element.replaceChildren(...nodes.filter((node) => node !== ""));
  }

  return { run };
}
