// Runs guide/search/engine.js under Node for tests/node_engine.py: reads one request as JSON on stdin,
// {engine: path of a copy of engine.js ending in .mjs, index: search/index.json as written, queries: [...],
// words: [...]}, and writes on stdout, for each query, [its clauses, how many results, the first five as
// [href, score to 3 places]], and for each text, the terms `analyze` gives.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const request = JSON.parse(readFileSync(0, "utf-8"));
const engine = await import(pathToFileURL(request.engine).href);
const index = engine.prepare(request.index);
const queries = request.queries.map((query) => {
  const found = engine.search(index, query);
  const top = found.slice(0, 5).map(([doc, score]) => [index.docs[doc][0], +score.toFixed(3)]);
  return [engine.queryClauses(query, index), found.length, top];
});
const words = request.words.map((text) => engine.analyze(text, index));
process.stdout.write(JSON.stringify({ queries, words }));
