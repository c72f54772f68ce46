import type { JurisdictionState } from '../../../shared/state/schema';
import { type Language, translate } from '../i18n/dictionary';
import type { Notice } from '../views/notice';
import { briefingFileName, briefingText } from './briefingText';
import { composeBriefing } from './compose';
import { briefingLegend } from './legendRows';

function save(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.download = fileName;
  link.href = URL.createObjectURL(blob);
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function pngOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the briefing image could not be encoded'))),
      'image/png',
    ),
  );
}

type BriefingSource = {
  mapCanvas: HTMLCanvasElement;
  state: JurisdictionState;
  notice: Notice;
  language: Language;
  attribution: string;
};

/** Draws the briefing image in the page's font (the CJK font the page loaded). */
async function briefingImage({ mapCanvas, state, language, attribution }: BriefingSource) {
  await document.fonts.ready;
  const text = briefingText(state, language, attribution);
  const fontFamily = getComputedStyle(document.body).fontFamily;
  const canvas = composeBriefing(
    mapCanvas,
    text,
    briefingLegend(language, 'hourly', text.simulated),
    fontFamily,
  );
  return { text, canvas, png: await pngOf(canvas) };
}

export async function downloadBriefingImage(source: BriefingSource): Promise<void> {
  const { png } = await briefingImage(source);
  save(png, briefingFileName(source.state.jurisdiction, source.state.now, 'png'));
}

export async function downloadNoticeDocument(source: BriefingSource): Promise<void> {
  const { text, canvas, png } = await briefingImage(source);
  // docx is loaded only when a notice is written, so the wall and map views do not carry it.
  const { noticeDocumentBlob } = await import('./noticeDocument');
  const blob = await noticeDocumentBlob({
    text,
    notice: source.notice,
    language: source.language,
    adviceHeading: translate(source.language, 'publicAdvice'),
    image: {
      png: new Uint8Array(await png.arrayBuffer()),
      width: canvas.width,
      height: canvas.height,
      description: source.notice.paragraphs.join(' '),
    },
  });
  save(blob, briefingFileName(source.state.jurisdiction, source.state.now, 'docx'));
}
