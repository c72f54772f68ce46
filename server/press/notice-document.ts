import type { Block, DocumentModel } from '../../shared/documents/model';
import { citedLine, type Notice } from '../../shared/documents/notice';
import { word } from '../../shared/documents/words';

/** The notice laid out as a document: authority, title, number and date, data time, the map, body, advice, measures, contact, signature. */
export function noticeModel(
  notice: Notice,
  map: { caption: string } | { unavailable: string },
): DocumentModel {
  const { language } = notice;
  const blocks: Block[] = [
    ...(notice.exercise ? [{ kind: 'mark', text: notice.exercise } as const] : []),
    { kind: 'subtitle', text: notice.authority },
    { kind: 'title', text: notice.title },
    {
      kind: 'fields',
      items: [
        { label: word(language, 'number'), value: notice.number },
        { label: word(language, 'issuedOn'), value: notice.issuedOn },
      ],
    },
    { kind: 'paragraph', text: notice.dataTime, small: true },
    'caption' in map
      ? { kind: 'figure', id: 'map', caption: map.caption, alt: notice.paragraphs.join(' ') }
      : { kind: 'paragraph', text: map.unavailable, small: true },
    ...notice.paragraphs.map((text): Block => ({ kind: 'paragraph', text })),
  ];
  for (const section of [notice.advice, notice.measures]) {
    if (!section) continue;
    blocks.push(
      { kind: 'heading', text: section.heading },
      { kind: 'list', numbered: true, items: section.items.map((item) => citedLine(item, language)) },
    );
  }
  blocks.push(
    ...notice.closing.map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'fields', items: [{ label: word(language, 'contact'), value: notice.contact }] },
    { kind: 'paragraph', text: notice.authority, align: 'right' },
    { kind: 'paragraph', text: notice.issuedOn, align: 'right' },
    ...notice.sources.map((text): Block => ({ kind: 'paragraph', text, small: true })),
  );
  return { title: notice.title, language, blocks };
}
