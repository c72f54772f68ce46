import type { DocumentLanguage } from './words';

/**
 * A document as blocks, rendered twice by the server: as HTML printed to PDF by Chromium and as .docx.
 * Forms and reports are built as this model so both formats carry the same cells and words.
 */
export type Cell = {
  text: string;
  /** A field name (shaded, bold). */
  label?: boolean;
  /** Columns this cell spans (default 1). */
  span?: number;
  /** Nothing to print yet: a visible blank line to fill in by hand, never invented text. */
  blank?: boolean;
  /** Extra lines below the text (lists inside a cell). */
  lines?: string[];
  /** Minimum height in lines, for cells people write in by hand. */
  minLines?: number;
};

export type Field = { label: string; value: string | null };

export type Block =
  | { kind: 'mark'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; align?: 'left' | 'right' | 'center'; small?: boolean }
  | { kind: 'list'; items: string[]; numbered?: boolean }
  /** A grid; `columns` are relative widths. */
  | { kind: 'table'; columns: number[]; rows: Cell[][]; header?: boolean }
  /** A line of "label：value" pairs, blank values as lines to fill in (the forms' signature rows). */
  | { kind: 'fields'; items: Field[]; align?: 'left' | 'right' }
  /** An image the renderer is given by id (chart SVG/PNG, map snapshot PNG). */
  | { kind: 'figure'; id: string; caption: string; alt: string }
  | { kind: 'page-break' };

export type DocumentModel = { title: string; language: DocumentLanguage; blocks: Block[] };
