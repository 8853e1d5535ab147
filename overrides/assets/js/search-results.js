// The search box's results (partials/search.html), drawn from its <template>s, and the keys that move through them.
// Not on the first view: joined after the engine into assets/search-engine.js (guide/postbuild/js.py), which
// search.js loads, with this language's search/index.json, the first time the reader opens search; search.js keeps
// the keys that open and close the box. search/texts.json (the sentences for snippets) is fetched only once the
// first results are on screen, so it never delays them.

import { analyze, prepare, queryClauses, search } from "./search-engine.js";

const SHOWN = 5; // results shown, when as many are found
const MORE = 8; // results shown at most: past SHOWN, only those scoring at least RELEVANT times the first
const RELEVANT = 0.2;
const SNIPPET_LENGTH = 200; // characters of a snippet at most
export const MAX_QUERY = 200; // characters of a query read at most (search.js and the box's maxlength say the same)

const isText = (value) => typeof value === "string";
const isList = (value, each) => Array.isArray(value) && value.every(each);

// The index has the shape the build writes: a damaged or tampered one (``docs: [null]``) is refused here, before
// the engine reads it, so the box says search is unavailable instead of throwing as the reader types.
export function validIndex(index) {
  if (!index || typeof index !== "object" || !isList(index.docs, (doc) => Array.isArray(doc) && doc.length >= 3)) return false;
  const docs = index.docs;
  const isDoc = (n) => Number.isInteger(n) && n >= 0 && n < docs.length;
  const words = index.words;
  return (
    docs.length > 0 &&
    // on the wire a section is [href, title, …, parent]: texts first, the parent section (or -1) last
    docs.every((doc) => isText(doc[0]) && isText(doc[1]) && (doc.at(-1) === -1 || isDoc(doc.at(-1)))) &&
    isList(index.common, isDoc) && isList(index.guides, isDoc) && isList(index.fallback, isDoc) &&
    !!index.limits && isList(index.limits.docs, isDoc) && isList(index.limits.terms, isText) &&
    !!words && typeof words === "object" && isList(words.stop, isText) && isList(words.negations, isText) &&
    isText(index.terms) && isText(index.protect) && isText(index.clause_end)
  );
}

// The snippets' texts: one list of texts per section of the index, or none (the results then show no snippet).
function validTexts(texts, index) {
  return isList(texts, (entry) => isList(entry, isText) && entry.length > 0) && texts.length === index.docs.length;
}

// ``setOpen(false)`` closes the box (search.js).
export function attach(box, index, root, setOpen) {
  if (!validIndex(index)) throw new Error("search/index.json is not a search index");
  prepare(index);
  let texts = null;
  let loading = false; // texts.json asked for: once
  const loadTexts = () => {
    fetch(new URL("search/texts.json", root))
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => {
        texts = validTexts(data, index) ? data : null;
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
      fillSnippets();
    } catch (error) {
      texts = null; // the results stay, without snippets
    }
  }

  function fillSnippets() {
    if (!texts) return;
    const asked = Boolean((list.dataset.query || "").trim());
    for (const node of list.querySelectorAll("[data-doc]")) {
      const text = node.querySelector("[data-text]");
      highlight(text, snippet(Number(node.dataset.doc), asked), asked);
      text.hidden = false;
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

  // The one-line answer, or the sentence that holds most of the reader's words, so two results can be told apart.
  function snippet(doc, asked) {
    const [line, ...body] = texts[doc];
    if (!asked || !body.length) return line || body[0] || "";
    const score = (sentence) => termsOf(sentence).filter((term) => wanted.has(term)).length;
    const scores = body.map(score);
    let best = 0;
    scores.forEach((value, i) => {
      if (value > scores[best]) best = i;
    });
    if (line && score(line) >= scores[best]) return line;
    let text = body[best];
    for (let i = best + 1; i < body.length && text.length + body[i].length < SNIPPET_LENGTH; i += 1) text += " " + body[i];
    return text.length > SNIPPET_LENGTH ? text.slice(0, SNIPPET_LENGTH).replace(/\s+\S*$/, "") + " …" : text;
  }

  function highlight(element, text, asked) {
    if (!asked) {
      element.textContent = text;
      return;
    }
    const parts = text.split(/([\p{L}\p{N}'\u2019]+)/u);
    element.replaceChildren(
      ...parts.map((part, i) => {
        if (i % 2 === 0 || !termsOf(part).some((term) => wanted.has(term))) return document.createTextNode(part);
        const node = mark.content.firstElementChild.cloneNode();
        node.textContent = part;
        return node;
      }),
    );
  }

  return { run };
}
