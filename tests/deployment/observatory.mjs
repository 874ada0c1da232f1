// Scores a site with the MDN HTTP Observatory's own retriever, tests and grader,
// on the ports given (its command-line scanner knows only ports 80 and 443).
// Usage: node observatory.mjs PACKAGE_DIR HOST HTTP_PORT HTTPS_PORT PATH
import path from "node:path";
import { pathToFileURL } from "node:url";

const [packageDir, host, httpPort, httpsPort, urlPath] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(path.join(packageDir, "src", file)).href);

const { retrieve } = await load("retriever/retriever.js");
const { ALL_TESTS } = await load("constants.js");
const grader = await load("grader/grader.js");
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load("grader/charts.js");

const r = await retrieve(host, { httpPort, httpsPort, path: urlPath });
if (!r.responses.auto) {
  console.log(JSON.stringify({ error: "no response" }));
  process.exit(1);
}
const results = ALL_TESTS.map((test) => test(r));
let withExtraCredit = 100;
let uncurved = 100;
const tests = {};
for (const result of results) {
  const modifier = result.result ? grader.getScoreModifier(result.result) : 0;
  withExtraCredit += modifier;
  if (modifier < 0) uncurved += modifier;
  tests[result.constructor.name] = { result: result.result, pass: result.pass, modifier };
}
const score = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved;
const final = grader.getGradeForScore(score);
console.log(
  JSON.stringify({
    score: final.score,
    grade: final.grade,
    status: r.responses.auto.status,
    tests,
  })
);
