// The results' snippets (search-results.js): which sentences of a section to show under its title. Loaded with
// search/texts.json, once the first results are on screen, as assets/search-snippets.js (guide/postbuild/js.py): so
// its bytes, like the texts', never delay the first results.

const SNIPPET_LENGTH = 200; // characters of a snippet at most
const isText = (value) => typeof value === "string";

// The snippets' texts: one list of texts per section of the index, or none (the results then show no snippet).
export function validTexts(texts, docs) {
  return Array.isArray(texts) && texts.length === docs.length && texts.every((entry) => Array.isArray(entry) && entry.length > 0 && entry.every(isText));
}

// A section's one-line answer, or the sentence that holds most of the reader's words, so two results can be told
// apart. ``sentences``: the section's texts (its line first); ``score(sentence)``: how many of the reader's words it
// holds; ``asked``: whether the reader asked anything.
export function snippet(sentences, asked, score) {
  const [line, ...body] = sentences;
  if (!asked || !body.length) return line || body[0] || "";
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
