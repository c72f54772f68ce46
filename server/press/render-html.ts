import type { Block, Cell, DocumentModel } from '../../shared/documents/model';
import { word } from '../../shared/documents/words';

/** An image a document shows: the SVG (printed as vector in the PDF) and/or a PNG, with its pixel size. */
export type Figure = { svg?: string; png?: Buffer; width: number; height: number };
export type Figures = Record<string, Figure>;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[character]};`,
  );
}

const style = `
@page { size: A4; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.5; color: #000; margin: 0; }
h1 { font-size: 18pt; text-align: center; margin: 6pt 0 10pt; }
h2 { font-size: 13pt; text-align: center; margin: 0 0 8pt; font-weight: normal; }
h3 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; margin: 12pt 0 4pt; }
p { margin: 3pt 0; text-align: justify; }
p.small { font-size: 9pt; color: #333; }
p.right { text-align: right; } p.center { text-align: center; }
.mark { border: 2px solid #b30000; color: #b30000; font-weight: bold; text-align: center; padding: 3pt; margin-bottom: 8pt; font-family: "Noto Sans CJK SC", sans-serif; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0; page-break-inside: auto; }
tr { page-break-inside: avoid; }
td, th { border: 1px solid #000; padding: 4pt 6pt; vertical-align: middle; }
td.label, th { background: #eee; font-weight: bold; font-family: "Noto Sans CJK SC", sans-serif; font-size: 10pt; }
td .line, .fields .line { display: inline-block; min-width: 6em; border-bottom: 1px solid #000; }
td.blank .line { display: block; width: 100%; height: 1.5em; }
td .lines { margin: 2pt 0 0; padding-left: 1.2em; }
.fields { margin: 8pt 0; display: flex; flex-wrap: wrap; gap: 4pt 18pt; }
.fields.right { justify-content: flex-end; }
figure { margin: 8pt 0; text-align: center; page-break-inside: avoid; }
figure svg, figure img { width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; }
.page-break { page-break-after: always; }
`;

function cell(content: Cell): string {
  const span = content.span && content.span > 1 ? ` colspan="${content.span}"` : '';
  if (content.label) return `<td class="label"${span}>${escapeHtml(content.text)}</td>`;
  const lines = content.lines?.length
    ? `<ol class="lines">${content.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ol>`
    : '';
  const height = content.minLines ? ` style="height:${content.minLines * 1.6}em"` : '';
  if (content.blank && !lines) return `<td class="blank"${span}${height}><span class="line"></span></td>`;
  return `<td${span}${height}>${escapeHtml(content.text)}${lines}</td>`;
}

function block(item: Block, figures: Figures, language: DocumentModel['language']): string {
  switch (item.kind) {
    case 'mark':
      return `<div class="mark">${escapeHtml(item.text)}</div>`;
    case 'title':
      return `<h1>${escapeHtml(item.text)}</h1>`;
    case 'subtitle':
      return `<h2>${escapeHtml(item.text)}</h2>`;
    case 'heading':
      return `<h3>${escapeHtml(item.text)}</h3>`;
    case 'paragraph': {
      const classes = [
        item.small ? 'small' : '',
        item.align && item.align !== 'left' ? item.align : '',
      ].filter(Boolean);
      return `<p${classes.length ? ` class="${classes.join(' ')}"` : ''}>${escapeHtml(item.text)}</p>`;
    }
    case 'list': {
      const tag = item.numbered ? 'ol' : 'ul';
      return `<${tag}>${item.items.map((entry) => `<li>${escapeHtml(entry)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const total = item.columns.reduce((sum, width) => sum + width, 0);
      const columns = item.columns
        .map((width) => `<col style="width:${((100 * width) / total).toFixed(1)}%">`)
        .join('');
      const rows = item.rows.map((row, index) =>
        item.header && index === 0
          ? `<tr>${row.map((entry) => `<th${entry.span && entry.span > 1 ? ` colspan="${entry.span}"` : ''}>${escapeHtml(entry.text)}</th>`).join('')}</tr>`
          : `<tr>${row.map(cell).join('')}</tr>`,
      );
      return `<table><colgroup>${columns}</colgroup>${rows.join('')}</table>`;
    }
    case 'fields':
      return `<div class="fields${item.align === 'right' ? ' right' : ''}">${item.items
        .map(
          (field) =>
            `<span>${escapeHtml(field.label)}${word(language, 'colon')}${field.value ? escapeHtml(field.value) : `<span class="line" title="${escapeHtml(word(language, 'blank'))}"></span>`}</span>`,
        )
        .join('')}</div>`;
    case 'figure': {
      const figure = figures[item.id];
      if (!figure) return '';
      const image = figure.svg
        ? figure.svg.replace(
            /^<svg width="[\d.]+" height="[\d.]+"/,
            `<svg role="img" aria-label="${escapeHtml(item.alt)}"`,
          )
        : `<img alt="${escapeHtml(item.alt)}" src="data:image/png;base64,${figure.png!.toString('base64')}">`;
      return `<figure>${image}<figcaption>${escapeHtml(item.caption)}</figcaption></figure>`;
    }
    case 'page-break':
      return '<div class="page-break"></div>';
  }
}

/** The document as one self-contained HTML page (images inline), printed to A4 PDF by Chromium. */
export function documentHtml(model: DocumentModel, figures: Figures = {}): string {
  const lang = model.language === 'zh' ? 'zh-CN' : 'en';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title><style>${style}</style></head><body>${model.blocks
    .map((item) => block(item, figures, model.language))
    .join('\n')}</body></html>`;
}
