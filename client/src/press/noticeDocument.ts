import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import type { Language } from '../i18n/dictionary';
import { adviceLine, type Notice } from '../views/notice';
import type { BriefingText } from './briefingText';

/** Width of the embedded image on an A4 page with Word's default margins (pixels at 96 per inch). */
const imageWidth = 600;

type NoticeDocumentInput = {
  text: BriefingText;
  notice: Notice;
  language: Language;
  adviceHeading: string;
  image: { png: Uint8Array; width: number; height: number; description: string };
};

/** The notice as a Word document: title, time, the briefing image, the notice, the cited advice, the source. */
export function noticeDocument({
  text,
  notice,
  language,
  adviceHeading,
  image,
}: NoticeDocumentInput): Document {
  const advice =
    notice.advice.length === 0
      ? []
      : [
          new Paragraph({ text: adviceHeading, heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: notice.adviceIntro ?? '' }),
          ...notice.advice.map(
            (item) => new Paragraph({ text: adviceLine(item, language), bullet: { level: 0 } }),
          ),
        ];
  return new Document({
    creator: 'Tianshan Air',
    title: text.title,
    sections: [
      {
        children: [
          new Paragraph({ text: text.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: text.time }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: 'png',
                data: image.png,
                transformation: {
                  width: imageWidth,
                  height: Math.round((imageWidth * image.height) / image.width),
                },
                altText: { name: text.title, description: image.description, title: text.title },
              }),
            ],
          }),
          ...notice.paragraphs.map((paragraph) => new Paragraph({ text: paragraph })),
          ...advice,
          ...text.footer.map(
            (line) => new Paragraph({ children: [new TextRun({ text: line, size: 16, color: '666666' })] }),
          ),
        ],
      },
    ],
  });
}

export function noticeDocumentBlob(input: NoticeDocumentInput): Promise<Blob> {
  return Packer.toBlob(noticeDocument(input));
}
