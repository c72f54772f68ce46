/** npm run lint: fails when the import rule (scripts/import-rule.ts, docs/ARCHITECTURE.md "Who may import whom") is broken. */
import { resolve } from 'node:path';
import { formatViolation, importRuleViolations } from './import-rule';

const violations = importRuleViolations(resolve(import.meta.dirname, '..'));
if (violations.length > 0) {
  console.error(`Import rule broken:\n  ${violations.map(formatViolation).join('\n  ')}`);
  process.exit(1);
}
console.log(
  'import rule holds: shared ← geo ← server/client; packages declared; no Node or native code in shared, geo, client',
);
