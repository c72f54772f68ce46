import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** Reads documents back as a person's tools would: .docx through its XML, PDFs through poppler-utils. */
export async function docxParts(buffer: Buffer): Promise<{ xml: string; files: string[] }> {
  const files = unzipSync(new Uint8Array(buffer));
  const document = files['word/document.xml'];
  if (!document) throw new Error('word/document.xml is not in the archive');
  return { xml: strFromU8(document), files: Object.keys(files) };
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

/** The text of every table cell, in document order. */
export function docxCells(xml: string): string[] {
  return [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((match) => textOf(match[1]!).trim());
}

/** The cell right after the one whose text is `label` (the value cell of a form row). */
export function cellAfter(xml: string, label: string): string | undefined {
  const cells = docxCells(xml);
  const index = cells.indexOf(label);
  return index < 0 ? undefined : cells[index + 1];
}

export function docxText(xml: string): string {
  return textOf(xml);
}

/** The PDF's text (pdftotext) and page count (pdfinfo). */
export function pdfContents(buffer: Buffer): { text: string; pages: number } {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-pdf-'));
  try {
    const file = join(directory, 'document.pdf');
    writeFileSync(file, buffer);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
