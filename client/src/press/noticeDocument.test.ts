import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { expect, test } from 'vitest';
import type { Notice } from '../views/notice';
import { noticeDocument } from './noticeDocument';

const onePixel = new Uint8Array(PNG.sync.write(new PNG({ width: 1, height: 1 })));

const orangeNotice: Notice = {
  paragraphs: [
    '截至北京时间2019-01-07 12:00，伊犁州红色预警单元0个、橙色1个、黄色1个。',
    '生效预警：伊宁市橙色预警（2019-01-07 09:00发布）。',
  ],
  adviceIntro:
    '依据《伊犁哈萨克自治州重污染天气应急预案（2023年修订版）》（伊州政办发〔2023〕31号），橙色预警期间的健康防护措施：',
  advice: [
    { text: '中小学、幼儿园停止户外课程和活动。', citation: '预案4.3.3.1 Ⅱ级健康防护措施', summary: null },
  ],
};

async function documentXml(notice: Notice): Promise<string> {
  const document = noticeDocument({
    text: {
      title: '伊犁州 空气质量与重污染天气预警',
      time: '数据时间：北京时间 2019-01-07 12:00',
      footer: ['来源：天山空气'],
      simulated: false,
    },
    notice,
    language: 'zh',
    adviceHeading: '健康防护建议',
    image: { png: onePixel, width: 1620, height: 751, description: '' },
  });
  const entries = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  return strFromU8(entries['word/document.xml']!);
}

test('the Word notice carries title, time, image, notice, the cited advice as a list, and the source line, in that order', async () => {
  const xml = await documentXml(orangeNotice);
  const order = [
    '伊犁州 空气质量与重污染天气预警',
    '数据时间：北京时间 2019-01-07 12:00',
    '<w:drawing>',
    '截至北京时间2019-01-07 12:00，伊犁州红色预警单元0个、橙色1个、黄色1个。',
    '生效预警：伊宁市橙色预警（2019-01-07 09:00发布）。',
    '健康防护建议',
    '橙色预警期间的健康防护措施：',
    '中小学、幼儿园停止户外课程和活动。（预案4.3.3.1 Ⅱ级健康防护措施）',
    '来源：天山空气',
  ].map((text) => xml.indexOf(text));
  expect(order.every((position) => position >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  // The advice is a bulleted list item (Word numbering), not a bare paragraph.
  expect(xml).toMatch(/<w:numPr>.*中小学、幼儿园停止户外课程和活动/s);
  // 600 px wide at 96 dpi = 5,715,000 EMU; the height keeps the 1620 × 751 aspect (278 px → 2,647,950 EMU).
  expect(xml).toContain('cx="5715000" cy="2647950"');
});

test('without advice the Word notice has no advice heading', async () => {
  const xml = await documentXml({
    paragraphs: ['目前无生效的重污染天气预警。'],
    adviceIntro: null,
    advice: [],
  });
  expect(xml).toContain('目前无生效的重污染天气预警。');
  expect(xml).not.toContain('健康防护建议');
});
