/** An AQI category: HJ 633-2012 Table 2 / HJ 633-2026 Table 1, colours from Appendix A Table A.1 (RGB). */
export type Category = {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  /** 类别, e.g. 轻度污染. */
  name: string;
  /** The category in English as China's environment ministry and CNEMC publish it, e.g. Lightly polluted. */
  nameEn: string;
  /** 级别, e.g. 三级. */
  grade: string;
  hex: string;
  /** Highest AQI of the category (the last is open-ended). */
  upTo: number;
};

export const categories: readonly Category[] = [
  { level: 1, name: '优', nameEn: 'Excellent', grade: '一级', hex: '#00E400', upTo: 50 },
  { level: 2, name: '良', nameEn: 'Good', grade: '二级', hex: '#FFFF00', upTo: 100 },
  { level: 3, name: '轻度污染', nameEn: 'Lightly polluted', grade: '三级', hex: '#FF7E00', upTo: 150 },
  { level: 4, name: '中度污染', nameEn: 'Moderately polluted', grade: '四级', hex: '#FF0000', upTo: 200 },
  { level: 5, name: '重度污染', nameEn: 'Heavily polluted', grade: '五级', hex: '#99004C', upTo: 300 },
  {
    level: 6,
    name: '严重污染',
    nameEn: 'Severely polluted',
    grade: '六级',
    hex: '#7E0023',
    upTo: Number.POSITIVE_INFINITY,
  },
];

/** The category of an (integer) AQI; null for NA. */
export function categoryOf(aqi: number | null): Category | null {
  if (aqi === null || Number.isNaN(aqi) || aqi < 0) return null;
  return categories.find((category) => aqi <= category.upTo)!;
}
