import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { composeDustAdvisory } from '../../shared/documents/dust-advisory';
import { minute } from '../../shared/documents/format';
import { composeForm, type FormFields, formFieldsSchema, type formIds } from '../../shared/documents/forms';
import type { DocumentModel } from '../../shared/documents/model';
import { composeNotice, noticeEditsSchema, noticeText } from '../../shared/documents/notice';
import { composeSms } from '../../shared/documents/sms';
import { type DocumentLanguage, word } from '../../shared/documents/words';
import type { Role } from '../../shared/plans';
import { toBeijingIso } from '../../shared/time';
import { type Jurisdiction, jurisdictionSchema } from '../../shared/units/schema';
import { actorName } from '../auth/principal';
import type { Engine } from '../engine';
import type { BrowserService } from '../press/browser';
import { formContext, noticeContext } from '../press/context';
import { dailyReport } from '../press/daily-report';
import { dustAdvisoryContext } from '../press/dust';
import { episodeReport } from '../press/episode-report';
import { savedFormFields, savedNoticeEdits } from '../press/fields';
import { noticeModel } from '../press/notice-document';
import { documentDocx } from '../press/render-docx';
import { documentHtml, type Figures } from '../press/render-html';
import { type SnapshotService, snapshotInput } from '../press/snapshot';
import { findWarning } from '../press/warning';
import type { Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';
import { allow, requirePrincipal } from './guards';
import {
  dataTime,
  hourEndSchema,
  languageSchema,
  originOf,
  pressRoles,
  signedInFor,
  unavailable,
} from './press-query';
import { reportDateSchema } from './reports';

/** The office and the commanders fill in forms (Kizilsu annex 3: 填表人, 审查人, 签发人). */
export const formEditors: readonly Role[] = [
  'duty-officer',
  'office-director',
  'deputy-commander',
  'first-deputy-commander',
  'commander',
];

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const noticeQuerySchema = z.object({
  format: z.enum(['docx', 'txt', 'sms', 'json']).default('docx'),
  at: hourEndSchema,
  lang: languageSchema,
});
const dustAdvisoryQuerySchema = z.object({
  jurisdiction: jurisdictionSchema,
  format: z.enum(['docx', 'txt', 'json']).default('docx'),
  at: hourEndSchema,
  lang: languageSchema,
});
const formQuerySchema = z.object({ date: reportDateSchema.optional(), lang: languageSchema });
const formFileSchema = z
  .string()
  .regex(/^(3-[123])\.(docx|pdf)$/, 'expected 3-1, 3-2 or 3-3 with .docx or .pdf, e.g. 3-1.docx')
  .transform((file) => {
    const [form, format] = file.split('.') as [(typeof formIds)[number], 'docx' | 'pdf'];
    return { form, format };
  });
const formatQuery = z.object({ format: z.enum(['docx', 'pdf']).default('docx'), lang: languageSchema });
const dailyQuerySchema = formatQuery.extend({ jurisdiction: jurisdictionSchema, date: reportDateSchema });
const noticeEditBodySchema = z.object({ edits: noticeEditsSchema, at: hourEndSchema });
const releaseBodySchema = z.object({ at: hourEndSchema });

export type DocumentOptions = {
  store: Store;
  engine: Engine;
  exercise: boolean;
  browser: BrowserService;
  snapshots: SnapshotService;
};

function fileName(base: string, extension: string): string {
  return `${base.replace(/[^\w.-]+/g, '-')}.${extension}`;
}

function actorOf(request: Request): string {
  return actorName(requirePrincipal(request));
}

export function documentsRouter({ store, engine, exercise, browser, snapshots }: DocumentOptions): Router {
  const router = Router();

  /** Sends a model as .docx, or prints its HTML to PDF (503 when the browser cannot). */
  async function send(
    response: Response,
    model: DocumentModel,
    figures: Figures,
    format: 'docx' | 'pdf',
    base: string,
  ) {
    if (format === 'docx') {
      response
        .type(docx)
        .set('Content-Disposition', `attachment; filename="${fileName(base, 'docx')}"`)
        .send(await documentDocx(model, figures));
      return;
    }
    try {
      const pdf = await browser.pdf(documentHtml(model, figures));
      response
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="${fileName(base, 'pdf')}"`)
        .send(pdf);
    } catch (error) {
      unavailable(response, error);
    }
  }

  /** The map at the same data time, across the page; the document still goes out when no picture can be made. */
  async function mapFigure(
    request: Request,
    jurisdiction: Jurisdiction,
    at: number,
    language: DocumentLanguage,
  ) {
    let map: { caption: string } | { unavailable: string };
    const figures: Figures = {};
    try {
      const input = snapshotInput(store, engine, exercise, {
        jurisdiction,
        at,
        width: 1600,
        height: 1000,
        language,
      });
      const { png } = await snapshots.render(input, 1600, 1000, originOf(request));
      figures.map = { png, width: 1600, height: 1000 };
      map = { caption: `${input.title} · ${input.dataTime}` };
    } catch (error) {
      map = { unavailable: `${word(language, 'dataTime', minute(at))} · ${(error as Error).message}` };
    }
    return { map, figures };
  }

  function warningFor(request: Request) {
    const found = findWarning(store, String(request.params.id));
    signedInFor(request, found.jurisdiction);
    return found;
  }

  router.get('/warnings/:id/notice', allow(pressRoles), async (request, response) => {
    const query = parseOr400(noticeQuerySchema, request.query, 'query');
    const { jurisdiction, warning } = warningFor(request);
    const at = dataTime(engine, jurisdiction, query.at);
    const context = noticeContext(engine, jurisdiction, warning, at, exercise);
    const saved = savedNoticeEdits(store, jurisdiction, warning.id, context.segment.index);
    const language: DocumentLanguage = query.lang;
    const notice = composeNotice(context, saved.edits, language);
    const base = `notice-${warning.id}-${toBeijingIso(at).slice(0, 13)}`;
    response.set('X-Data-Time', toBeijingIso(at));
    if (query.format === 'json') {
      response.json({
        context,
        edits: saved.edits,
        released: saved.released,
        history: saved.history,
        notice,
      });
      return;
    }
    if (query.format === 'txt') {
      response
        .type('text/plain; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${fileName(base, 'txt')}"`);
      response.send(noticeText(notice));
      return;
    }
    if (query.format === 'sms') {
      const sms = composeSms(context, saved.edits, language);
      response.type('text/plain; charset=utf-8').set('X-SMS-Segments', String(sms.segments.length));
      response.send([`${sms.summary}`, '', ...sms.segments].join('\n'));
      return;
    }
    const { map, figures } = await mapFigure(request, jurisdiction, at, language);
    await send(response, noticeModel(notice, map), figures, 'docx', base);
  });

  /** Health advice for sand and dust (Kizilsu 3.3.1; both plans leave dust out): units in dust at the data time. */
  router.get('/dust-advisory', allow(pressRoles), async (request, response) => {
    const query = parseOr400(dustAdvisoryQuerySchema, request.query, 'query');
    const { jurisdiction } = query;
    signedInFor(request, jurisdiction);
    const at = dataTime(engine, jurisdiction, query.at);
    const context = dustAdvisoryContext(engine, jurisdiction, at, exercise);
    response.set('X-Data-Time', toBeijingIso(at));
    // The press page asks on every hour it shows: "no dust" is an answer there, not a missing document.
    if (!context && query.format === 'json') {
      response.json({ context: null, advisory: null });
      return;
    }
    if (!context)
      throw new HttpError(404, {
        error: `no unit of ${jurisdiction} shows sand and dust at ${minute(at)}`,
        code: 'no-dust',
      });
    const advisory = composeDustAdvisory(context, query.lang);
    const base = `dust-advice-${jurisdiction}-${toBeijingIso(at).slice(0, 13)}`;
    if (query.format === 'json') {
      response.json({ context, advisory });
      return;
    }
    if (query.format === 'txt') {
      response
        .type('text/plain; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${fileName(base, 'txt')}"`)
        .send(noticeText(advisory));
      return;
    }
    const { map, figures } = await mapFigure(request, jurisdiction, at, query.lang);
    await send(response, noticeModel(advisory, map), figures, 'docx', base);
  });

  router.put('/warnings/:id/notice', allow(pressRoles), (request, response) => {
    const body = parseOr400(noticeEditBodySchema, request.body, 'notice edits');
    const { jurisdiction, warning } = warningFor(request);
    const at = dataTime(engine, jurisdiction, body.at);
    const context = noticeContext(engine, jurisdiction, warning, at, exercise);
    const saved = savedNoticeEdits(store, jurisdiction, warning.id, context.segment.index);
    if (saved.released)
      throw new HttpError(409, {
        error: `the ${context.segment.level} notice of warning ${warning.id} was released at ${minute(saved.released.at)}; it is not edited after release`,
      });
    const row = {
      jurisdiction,
      warningId: warning.id,
      document: 'notice' as const,
      segment: context.segment.index,
      body: body.edits,
      released: false,
      at: engine.now(jurisdiction),
      actor: actorOf(request),
    };
    store.transaction(() => {
      store.addWarningDocument(row);
      store.appendAudit({
        at: Date.now(),
        actor: row.actor,
        action: 'warning.notice.edit',
        detail: {
          jurisdiction,
          warningId: warning.id,
          segment: row.segment,
          edits: body.edits,
          before: saved.edits,
        },
      });
    });
    response.json({ edits: body.edits, segment: row.segment });
  });

  router.post('/warnings/:id/notice/release', allow(pressRoles), (request, response) => {
    const body = parseOr400(releaseBodySchema, request.body ?? {}, 'release');
    const { jurisdiction, warning } = warningFor(request);
    const at = dataTime(engine, jurisdiction, body.at);
    const context = noticeContext(engine, jurisdiction, warning, at, exercise);
    const saved = savedNoticeEdits(store, jurisdiction, warning.id, context.segment.index);
    if (saved.released)
      throw new HttpError(409, { error: `this notice was already released at ${minute(saved.released.at)}` });
    const row = {
      jurisdiction,
      warningId: warning.id,
      document: 'notice' as const,
      segment: context.segment.index,
      body: saved.edits,
      released: true,
      at: engine.now(jurisdiction),
      actor: actorOf(request),
    };
    store.transaction(() => {
      store.addWarningDocument(row);
      store.appendAudit({
        at: Date.now(),
        actor: row.actor,
        action: 'warning.notice.release',
        detail: { jurisdiction, warningId: warning.id, segment: row.segment, edits: saved.edits },
      });
    });
    response.status(201).json({ released: { at: row.at, actor: row.actor }, segment: row.segment });
  });

  router.get('/warnings/:id/forms/fields', allow(pressRoles), (request, response) => {
    const { jurisdiction, warning } = warningFor(request);
    response.json(savedFormFields(store, jurisdiction, warning.id));
  });

  router.put('/warnings/:id/forms/fields', allow(formEditors), (request, response) => {
    const changes = parseOr400(formFieldsSchema, request.body, 'form fields');
    const { jurisdiction, warning } = warningFor(request);
    const before = savedFormFields(store, jurisdiction, warning.id).fields;
    const fields: FormFields = {
      ...before,
      ...changes,
      nextSteps: { ...before.nextSteps, ...changes.nextSteps },
    };
    const actor = actorOf(request);
    store.transaction(() => {
      store.addWarningDocument({
        jurisdiction,
        warningId: warning.id,
        document: 'forms',
        segment: null,
        body: fields,
        released: false,
        at: engine.now(jurisdiction),
        actor,
      });
      store.appendAudit({
        at: Date.now(),
        actor,
        action: 'warning.forms.fields',
        detail: { jurisdiction, warningId: warning.id, changes, before },
      });
    });
    response.json({ fields });
  });

  router.get('/warnings/:id/forms/:file', allow(pressRoles), async (request, response) => {
    const { form, format } = parseOr400(formFileSchema, request.params.file, 'form');
    const query = parseOr400(formQuerySchema, request.query, 'query');
    if (form === '3-2' && !query.date)
      throw new HttpError(400, {
        error: 'invalid query',
        issues: [{ field: 'date', message: '表3-2 needs ?date=YYYY-MM-DD (the report date)' }],
      });
    const { jurisdiction, warning } = warningFor(request);
    const context = formContext(store, engine, jurisdiction, warning, form, query.date ?? null, exercise);
    const { fields } = savedFormFields(store, jurisdiction, warning.id);
    response.set('X-Data-Time', toBeijingIso(context.data.dataTime));
    await send(
      response,
      composeForm(form, context, fields, query.lang),
      {},
      format,
      `form-${form}-${warning.id}${query.date ? `-${query.date}` : ''}`,
    );
  });

  router.get('/reports/daily', allow(pressRoles), async (request, response) => {
    const query = parseOr400(dailyQuerySchema, request.query, 'query');
    signedInFor(request, query.jurisdiction);
    const now = engine.now(query.jurisdiction);
    const at = Math.min(Date.parse(`${query.date}T24:00:00+08:00`), now);
    if (Date.parse(`${query.date}T00:00:00+08:00`) > now)
      throw new HttpError(400, {
        error: 'invalid query',
        issues: [{ field: 'date', message: `${query.date} has not begun (now ${toBeijingIso(now)})` }],
      });
    const model = dailyReport(store, engine, query.jurisdiction, query.date, at, exercise, query.lang);
    response.set('X-Data-Time', toBeijingIso(at));
    await send(response, model, {}, query.format, `daily-report-${query.jurisdiction}-${query.date}`);
  });

  router.get('/reports/episode/:id', allow(pressRoles), async (request, response) => {
    const query = parseOr400(formatQuery, request.query, 'query');
    const { jurisdiction, warning } = warningFor(request);
    if (warning.segments.length === 0)
      throw new HttpError(409, {
        error: `warning ${warning.id} was never issued: there is no episode to report`,
      });
    const { model, figures } = episodeReport(store, engine, jurisdiction, warning, exercise, query.lang);
    await send(response, model, figures, query.format, `episode-report-${warning.id}`);
  });
  return router;
}
