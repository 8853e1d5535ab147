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

// ``setOpen(false)`` closes the box (search.js).
export function attach(box, index, root, setOpen) {
  prepare(index);
  let texts = null;
  let asked = false;
  const loadTexts = () => {
    fetch(new URL("search/texts.json", root))
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => {
        texts = data;
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

  function run(query) {
    list.dataset.query = query;
    const found = query.trim() ? search(index, query) : null;
    const shown = found ? found.slice(0, MORE).filter(([, score], i) => i < SHOWN || score >= RELEVANT * found[0][1]).map(([doc]) => doc) : [];
    const nodes = shown.map((doc) => draw(doc, found));
    if (!found) nodes.push(head(box.dataset.common), ...index.common.map((doc) => draw(doc, null)));
    else if (!shown.length) nodes.push(head(box.dataset.guides), ...[...new Set([...index.guides, ...index.fallback])].map((doc) => draw(doc, null)));
    list.replaceChildren(...nodes);
    if (found && !asked) {
      asked = true;
      requestAnimationFrame(() => setTimeout(loadTexts));
    }
    const n = found ? found.length : 0;
    meta.textContent = !found ? box.dataset.hint : n === 0 ? box.dataset.none : n === 1 ? box.dataset.one : box.dataset.many.replace("{n}", shown.length);
  }

  // The snippets go into the results already shown, never a redraw: a keyboard reader may be on one of them.
  function fill() {
    if (!texts) return;
    const query = list.dataset.query || "";
    const found = query.trim() ? search(index, query) : null;
    for (const node of list.querySelectorAll("[data-doc]")) {
      const text = node.querySelector("[data-text]");
      highlight(text, snippet(Number(node.dataset.doc), found), found);
      text.hidden = false;
    }
  }

  function head(text) {
    const node = heading.content.firstElementChild.cloneNode(true);
    node.textContent = text;
    return node;
  }

  function draw(doc, found) {
    const [href, title, page] = index.docs[doc];
    const node = item.content.firstElementChild.cloneNode(true);
    node.dataset.doc = doc;
    node.querySelector("a").href = new URL(href, root).href;
    highlight(node.querySelector("[data-title]"), title, found);
    node.querySelector("[data-page]").textContent = page;
    const text = node.querySelector("[data-text]");
    if (texts) highlight(text, snippet(doc, found), found);
    else text.hidden = true; // until the texts are in: the title and the guide say enough
    return node;
  }

  // The one-line answer, or the sentence that holds most of the reader's words, so two results can be told apart.
  function snippet(doc, found) {
    const [line, ...body] = texts[doc];
    if (!found || !body.length) return line || body[0] || "";
    const score = (sentence) => matched(sentence, found).length;
    let best = 0;
    body.forEach((sentence, i) => {
      if (score(sentence) > score(body[best])) best = i;
    });
    if (line && score(line) >= score(body[best])) return line;
    let text = body[best];
    for (let i = best + 1; i < body.length && text.length + body[i].length < SNIPPET_LENGTH; i += 1) text += " " + body[i];
    return text.length > SNIPPET_LENGTH ? text.slice(0, SNIPPET_LENGTH).replace(/\s+\S*$/, "") + " …" : text;
  }

  function matched(text, found) {
    const wanted = new Set(queryClauses(list.dataset.query || "", index).flat().map((term) => term[0]));
    return analyze(text, index).filter((term) => wanted.has(term));
  }

  function highlight(element, text, found) {
    if (!found) {
      element.textContent = text;
      return;
    }
    const wanted = new Set(queryClauses(list.dataset.query || "", index).flat().map((term) => term[0]));
    const parts = text.split(/([\p{L}\p{N}'\u2019]+)/u);
    element.replaceChildren(
      ...parts.map((part, i) => {
        if (i % 2 === 0 || !analyze(part, index).some((term) => wanted.has(term))) return document.createTextNode(part);
        const node = mark.content.firstElementChild.cloneNode();
        node.textContent = part;
        return node;
      }),
    );
  }

  return { run };
}
