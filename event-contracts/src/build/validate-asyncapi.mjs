// Validates the module's AsyncAPI document (asyncapi.yaml, or the file given as the first argument) with the AsyncAPI
// parser: the document's structure, its $refs (the payload schema files included, resolved relative to the document)
// and the parser's rules. Prints every diagnostic and exits with 1 when one of them is an error, so that the Maven
// build (exec-maven-plugin in pom.xml, verify phase) fails on a broken document. Warnings are printed, not fatal.
//
//   node src/build/validate-asyncapi.mjs [document]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { DiagnosticSeverity, Parser, fromFile } from '@asyncapi/parser';

const SEVERITY = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

const document = process.argv[2]
  ? resolve(process.argv[2])
  : fileURLToPath(new URL('../../asyncapi.yaml', import.meta.url));

// fromFile passes the file's path as the source, which the parser resolves relative $refs against
const { document: parsed, diagnostics } = await fromFile(new Parser(), document).parse();

for (const diagnostic of diagnostics) {
  console.log(describe(diagnostic));
}
const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
if (errors > 0 || parsed === undefined) {
  console.error(`${document}: ${errors} error(s) - not a valid AsyncAPI document`);
  process.exit(1);
}
console.log(`${document}: valid AsyncAPI ${parsed.version()}, ${parsed.channels().length} channels, `
  + `${parsed.messages().length} messages, ${parsed.operations().length} operations`
  + (diagnostics.length > 0 ? ` (${diagnostics.length} diagnostic(s) below error)` : ''));

/** One line: severity, file:line:column (1-based), rule, message and the JSON path it is about. */
function describe({ severity, source, range, code, message, path }) {
  const start = range?.start;
  const where = `${source ?? document}${start ? `:${start.line + 1}:${start.character + 1}` : ''}`;
  const at = path?.length ? ` at ${path.join('.')}` : '';
  return `${SEVERITY[severity] ?? severity} ${where} [${code}] ${message}${at}`;
}
