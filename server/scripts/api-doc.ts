/**
 * Regenerates the request-schema tables of docs/API.md from the zod schemas the server parses with
 * (between the `<!-- generated:… -->` markers). Run: npm run api-doc
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { enterpriseCheckInputSchema } from '../../geo/layers/enterprise-check';
import { formFieldsSchema } from '../../shared/documents/forms';
import { noticeEditsSchema } from '../../shared/documents/notice';
import { newAccountSchema, passwordChangeSchema, roleChangeSchema } from '../auth/accounts';
import { environmentSchema } from '../config';
import { auditQuerySchema } from '../http/audit';
import { loginSchema } from '../http/auth';
import { enterpriseChecksQuerySchema } from '../http/enterprise-checks';
import { observationQuerySchema } from '../http/ingest';
import { layerImportQuerySchema } from '../http/layers';
import { dailyReportSchema, dailyReportsQuerySchema } from '../http/reports';
import { unitsQuerySchema } from '../http/units';
import { forecastBodySchema, forecastCsvQuerySchema, forecastInputSchema } from '../ingest/forecasts';
import { observationInputSchema } from '../ingest/observations';
import { stationInputSchema } from '../ingest/stations';
import {
  changeSchema,
  confirmDustSchema,
  overrideSchema,
  proposeSchema,
  signSchema,
} from '../warnings/actions';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

const documented: Record<string, z.ZodType> = {
  environment: environmentSchema,
  login: loginSchema,
  'observation row': observationInputSchema,
  'observations query': observationQuerySchema,
  'forecast issue': forecastBodySchema,
  'forecast row': forecastInputSchema,
  'forecast table query': forecastCsvQuerySchema,
  station: stationInputSchema,
  'units query': unitsQuerySchema,
  'warning proposal': proposeSchema,
  'sign, issue, reject, lift, cancel': signSchema,
  'raise, lower': changeSchema,
  override: overrideSchema,
  'confirm dust': confirmDustSchema,
  'layer import query': layerImportQuerySchema,
  'audit query': auditQuerySchema,
  'daily report': dailyReportSchema,
  'daily reports query': dailyReportsQuerySchema,
  'enterprise check': enterpriseCheckInputSchema,
  'enterprise checks query': enterpriseChecksQuerySchema,
  'notice edits': noticeEditsSchema,
  'form fields': formFieldsSchema,
  'CLI user add': newAccountSchema,
  'CLI user passwd': passwordChangeSchema,
  'CLI user role': roleChangeSchema,
};

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' \\| ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeOf).join(' \\| ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'any'}[]`;
  if (schema.type === 'object' && schema.properties) {
    return `{ ${Object.entries(schema.properties)
      .map(([key, value]) => `${key}${schema.required?.includes(key) ? '' : '?'}: ${typeOf(value)}`)
      .join(', ')} }`;
  }
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
}

function limits(schema: JsonSchema): string {
  const parts: string[] = [];
  const inner = (schema.anyOf ?? []).find((option) => option.type !== 'null') ?? schema;
  if (inner.minimum !== undefined) parts.push(`≥ ${inner.minimum}`);
  if (inner.maximum !== undefined) parts.push(`≤ ${inner.maximum}`);
  if (inner.minLength !== undefined) parts.push(`length ≥ ${inner.minLength}`);
  if (inner.maxLength !== undefined) parts.push(`length ≤ ${inner.maxLength}`);
  if (inner.pattern !== undefined) parts.push(`pattern \`${inner.pattern}\``);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

function table(name: string, schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows = Object.entries(json.properties ?? {}).map(([field, property]) => {
    const required = json.required?.includes(field) ? 'yes' : 'no';
    const notes = [limits(property), property.description ?? ''].filter(Boolean).join('; ');
    return `| \`${field}\` | ${typeOf(property)} | ${required} | ${notes} |`;
  });
  return [
    `#### ${name}`,
    '',
    '| field | type | required | limits, notes |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

const path = fileURLToPath(new URL('../../docs/API.md', import.meta.url));
const text = readFileSync(path, 'utf8');
const start = '<!-- generated:schemas start -->';
const end = '<!-- generated:schemas end -->';
const before = text.slice(0, text.indexOf(start));
const after = text.slice(text.indexOf(end) + end.length);
if (!text.includes(start) || !text.includes(end))
  throw new Error(`docs/API.md lacks the ${start} … ${end} markers`);
const tables = Object.entries(documented).map(([name, schema]) => table(name, schema));
writeFileSync(path, `${before}${start}\n\n${tables.join('\n')}\n${end}${after}`);
console.log(`docs/API.md: ${tables.length} schema tables regenerated`);
