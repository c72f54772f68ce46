import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, Cell, DocumentModel } from '../../shared/documents/model';
import { word } from '../../shared/documents/words';
import type { Figures } from './render-html';

/** A4 with 2 cm margins: the text column is 17 cm wide. */
const pageWidthTwips = 11906;
const marginTwips = 1134;
const columnTwips = pageWidthTwips - 2 * marginTwips;
/** Images fill the text column: 17 cm at 96 px per inch. */
const columnPixels = Math.round((17 / 2.54) * 96);
const font = { eastAsia: 'Noto Serif CJK SC', ascii: 'Noto Serif CJK SC', hAnsi: 'Noto Serif CJK SC' };
const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

function run(text: string, options: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
  return new TextRun({ text, font, ...options });
}

/** A line to write on: a paragraph with only a bottom border (a blank stays visibly blank). */
function writingLine(): Paragraph {
  return new Paragraph({ border: { bottom: line }, children: [run(' ')] });
}

function cellOf(content: Cell, width: number): TableCell {
  const children: Paragraph[] = [];
  if (content.text) children.push(new Paragraph({ children: [run(content.text, { bold: content.label })] }));
  for (const [index, entry] of (content.lines ?? []).entries())
    children.push(new Paragraph({ children: [run(`${index + 1}. ${entry}`)] }));
  if (content.blank && !content.lines?.length)
    for (let index = 0; index < (content.minLines ?? 1); index += 1) children.push(writingLine());
  else
    for (let index = children.length; index < (content.minLines ?? 1); index += 1)
      children.push(new Paragraph(''));
  if (children.length === 0) children.push(new Paragraph(''));
  return new TableCell({
    children,
    columnSpan: content.span,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(content.label ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } } : {}),
  });
}

function table(item: Extract<Block, { kind: 'table' }>): Table {
  const total = item.columns.reduce((sum, width) => sum + width, 0);
  const widths = item.columns.map((width) => Math.round((columnTwips * width) / total));
  const rows = item.rows.map((row, rowIndex) => {
    let column = 0;
    const cells = row.map((entry) => {
      const span = entry.span ?? 1;
      const width = widths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
      column += span;
      return cellOf(item.header && rowIndex === 0 ? { ...entry, label: true } : entry, width);
    });
    return new TableRow({ children: cells, tableHeader: item.header && rowIndex === 0, cantSplit: true });
  });
  return new Table({ rows, columnWidths: widths, width: { size: columnTwips, type: WidthType.DXA } });
}

function blocks(item: Block, figures: Figures, language: DocumentModel['language']): (Paragraph | Table)[] {
  switch (item.kind) {
    case 'mark':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          border: { top: line, bottom: line, left: line, right: line },
          children: [run(item.text, { bold: true, color: 'B30000' })],
        }),
      ];
    case 'title':
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          children: [run(item.text, { bold: true, size: 36 })],
        }),
      ];
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(item.text, { size: 26 })] })];
    case 'heading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [run(item.text, { bold: true, size: 24 })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment:
            item.align === 'right'
              ? AlignmentType.RIGHT
              : item.align === 'center'
                ? AlignmentType.CENTER
                : AlignmentType.LEFT,
          children: [run(item.text, item.small ? { size: 18, color: '333333' } : {})],
        }),
      ];
    case 'list':
      return item.items.map(
        (entry, index) =>
          new Paragraph({
            indent: { left: 360 },
            children: [run(item.numbered ? `${index + 1}. ${entry}` : `• ${entry}`)],
          }),
      );
    case 'table':
      return [table(item), new Paragraph('')];
    case 'fields':
      return [
        new Paragraph({
          alignment: item.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: item.items.flatMap((field, index) => [
            ...(index > 0 ? [run('    ')] : []),
            run(`${field.label}${word(language, 'colon')}`),
            field.value ? run(field.value) : new TextRun({ text: '            ', font, underline: {} }),
          ]),
        }),
      ];
    case 'figure': {
      const figure = figures[item.id];
      if (!figure?.png) return [];
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: figure.png,
              transformation: {
                width: columnPixels,
                height: Math.round((columnPixels * figure.height) / figure.width),
              },
              altText: { name: item.caption, description: item.alt, title: item.caption },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(item.caption, { size: 18, color: '333333' })],
        }),
      ];
    }
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The document as .docx: A4, 2 cm margins, tables at the text column's width, images across it. */
export function documentDocx(model: DocumentModel, figures: Figures = {}): Promise<Buffer> {
  const document = new Document({
    creator: 'Tianshan Air',
    title: model.title,
    styles: { default: { document: { run: { font: font.eastAsia, size: 22 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: pageWidthTwips, height: 16838 },
            margin: { top: marginTwips, bottom: marginTwips, left: marginTwips, right: marginTwips },
          },
        },
        children: model.blocks.flatMap((item) => blocks(item, figures, model.language)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
