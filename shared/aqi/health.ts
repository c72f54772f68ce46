import type { Edition, Species } from './species';

type Words = { zh: string; en: string };

/** What HJ 633 says of one AQI category: its effect on health (对健康影响情况) and the measures advised. */
export type CategoryHealth = { effects: Words; measures: Words };

/** Categories 1 and 2 read the same in both editions. */
const unchanged = {
  1: {
    effects: { zh: '空气质量令人满意，基本无空气污染', en: 'air quality is satisfactory' },
    measures: { zh: '各类人群可正常活动', en: 'Everyone may go about as usual' },
  },
  2: {
    effects: {
      zh: '空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响',
      en: 'acceptable; a few unusually sensitive people may be weakly affected',
    },
    measures: {
      zh: '极少数异常敏感人群应减少户外活动',
      en: 'The few unusually sensitive people should spend less time outdoors',
    },
  },
} satisfies Record<1 | 2, CategoryHealth>;

/**
 * HJ 633-2012 Table 2 and HJ 633-2026 Table 1, by category level 1–6 (zh transcribed from the standards;
 * en our summary). 2026 names 敏感人群 and the cardiovascular system where 2012 said 易感人群 and the heart.
 */
const byEdition: Record<Edition, Record<1 | 2 | 3 | 4 | 5 | 6, CategoryHealth>> = {
  '2012': {
    ...unchanged,
    3: {
      effects: {
        zh: '易感人群症状有轻度加剧，健康人群出现刺激症状',
        en: "sensitive groups' symptoms worsen slightly; healthy people may feel irritation",
      },
      measures: {
        zh: '儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼',
        en: 'Children, older people and people with heart or respiratory disease should cut long or strenuous outdoor exercise',
      },
    },
    4: {
      effects: {
        zh: '进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响',
        en: "sensitive groups' symptoms worsen further; healthy people's heart and lungs may be affected",
      },
      measures: {
        zh: '儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻练，一般人群适量减少户外运动',
        en: 'Children, older people and people with heart or respiratory disease should avoid long or strenuous outdoor exercise; everyone else should exercise outdoors less',
      },
    },
    5: {
      effects: {
        zh: '心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状',
        en: "heart and lung patients' symptoms worsen markedly; healthy people commonly show symptoms",
      },
      measures: {
        zh: '儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动',
        en: 'Children, older people and heart or lung patients should stay indoors and stop outdoor exercise; everyone else should exercise outdoors less',
      },
    },
    6: {
      effects: {
        zh: '健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病',
        en: "healthy people's exercise tolerance drops, with strong symptoms; some illnesses appear early",
      },
      measures: {
        zh: '儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动',
        en: 'Children, older people and the sick should stay indoors and avoid exertion; everyone else should avoid outdoor activity',
      },
    },
  },
  '2026': {
    ...unchanged,
    3: {
      effects: {
        zh: '敏感人群症状有轻度加剧，健康人群出现刺激症状',
        en: "sensitive groups' symptoms worsen slightly; healthy people may feel irritation",
      },
      measures: {
        zh: '青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼',
        en: 'Children and teenagers, older people and people with cardiovascular or respiratory disease should cut long or strenuous outdoor exercise',
      },
    },
    4: {
      effects: {
        zh: '进一步加剧敏感人群症状，可能对健康人群心血管系统、呼吸系统有影响',
        en: "sensitive groups' symptoms worsen further; healthy people's cardiovascular and respiratory systems may be affected",
      },
      measures: {
        zh: '青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动',
        en: 'Children and teenagers, older people and people with cardiovascular or respiratory disease should avoid long or strenuous outdoor exercise; everyone else should exercise outdoors less',
      },
    },
    5: {
      effects: {
        zh: '心血管系统和呼吸系统患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状',
        en: "cardiovascular and respiratory patients' symptoms worsen markedly; healthy people commonly show symptoms",
      },
      measures: {
        zh: '青少年儿童、老年人和心血管系统疾病、呼吸系统疾病患者应停留在室内，停止户外运动，一般人群减少户外运动',
        en: 'Children and teenagers, older people and people with cardiovascular or respiratory disease should stay indoors and stop outdoor exercise; everyone else should exercise outdoors less',
      },
    },
    6: {
      effects: {
        zh: '健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病',
        en: "healthy people's exercise tolerance drops, with strong symptoms; some illnesses appear early",
      },
      measures: {
        zh: '青少年儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动',
        en: 'Children and teenagers, older people and the sick should stay indoors and avoid exertion; everyone else should avoid outdoor activity',
      },
    },
  },
};

export function categoryHealth(edition: Edition, level: 1 | 2 | 3 | 4 | 5 | 6): CategoryHealth {
  return byEdition[edition][level];
}

/** HJ 633-2026 Table 2: who the measures are for when a pollutant's IAQI passes 100 (2012 has no such table). */
export const sensitiveGroups: Record<Species, Words> = {
  so2: {
    zh: '患有哮喘的人、青少年儿童以及老年人',
    en: 'people with asthma, children and teenagers, and older people',
  },
  no2: {
    zh: '患有呼吸系统疾病（如哮喘）的人、青少年儿童以及老年人',
    en: 'people with respiratory disease (such as asthma), children and teenagers, and older people',
  },
  co: { zh: '患有心血管系统疾病的人', en: 'people with cardiovascular disease' },
  o3: {
    zh: '患有呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人',
    en: 'people with respiratory disease (such as asthma), children and teenagers, people often outdoors, and older people',
  },
  pm10: {
    zh: '患有心血管系统疾病或呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人',
    en: 'people with cardiovascular or respiratory disease (such as asthma), children and teenagers, people often outdoors, and older people',
  },
  pm25: {
    zh: '患有心血管系统疾病或呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人',
    en: 'people with cardiovascular or respiratory disease (such as asthma), children and teenagers, people often outdoors, and older people',
  },
};
