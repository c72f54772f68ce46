import { z } from 'zod';
import {
  calendarDateSchema,
  latitudeSchema,
  longitudeSchema,
  recordIdSchema,
  syntheticSchema,
  unitIdSchema,
  unitOf,
} from './common';
import { measureSchema, stackShare } from './measure';
import { checkPointInXinjiang } from './point';

/** Plans 4.3.1.1: key enterprises graded A–D or leading (引领性), guarantee-class, small-micro, other. */
export const enterpriseClasses = [
  'A',
  'B',
  'C',
  'D',
  'leading',
  'guarantee',
  'small-micro',
  'other',
] as const;
export const enterpriseClassSchema = z.enum(enterpriseClasses);
export type EnterpriseClass = z.infer<typeof enterpriseClassSchema>;

const tonnesPerYear = z.number().finite().nonnegative();

export const pollutants = ['so2', 'nox', 'pm', 'vocs'] as const;
export type Pollutant = (typeof pollutants)[number];

/** Annual emissions in tonnes per year. */
export const emissionsSchema = z.object({
  so2: tonnesPerYear,
  nox: tonnesPerYear,
  pm: tonnesPerYear,
  vocs: tonnesPerYear,
});
export type Emissions = z.infer<typeof emissionsSchema>;

export const responseLevels = ['yellow', 'orange', 'red'] as const;
export type ResponseLevel = (typeof responseLevels)[number];

/** Plans 4.3.1.1(2): small-micro means SO2+NOx+PM2.5+VOCs under 100 kg a year (the list's PM stands in for PM2.5). */
export const smallMicroLimitKg = 100;

/** One row of the emergency emission-reduction list (应急减排清单). */
export const enterpriseSchema = z
  .object({
    id: recordIdSchema,
    name: z.string().trim().min(1),
    unitId: unitIdSchema,
    lon: longitudeSchema,
    lat: latitudeSchema,
    industry: z.string().trim().min(1),
    class: enterpriseClassSchema,
    emissions: emissionsSchema,
    heavyTruckTripsPerDay: z.number().int().nonnegative(),
    measures: z.object({ yellow: measureSchema, orange: measureSchema, red: measureSchema }),
    updatedOn: calendarDateSchema,
    synthetic: syntheticSchema,
  })
  .superRefine((enterprise, context) => {
    checkPointInXinjiang(enterprise, context);
    const { so2, nox, pm, vocs } = enterprise.emissions;
    // Kilograms to the gram, so 0.04 t + 0.06 t is 100 kg whatever the floating-point sum says.
    const totalKg = Math.round((so2 + nox + pm + vocs) * 1e6) / 1e3;
    if (enterprise.class === 'small-micro' && totalKg >= smallMicroLimitKg)
      context.addIssue({
        code: 'custom',
        path: ['class'],
        message: `small-micro (小微) means under 100 kg/a of SO2+NOx+PM2.5+VOCs (plan 4.3.1.1(2)), but this enterprise emits ${totalKg} kg/a`,
      });
    // Ili plan 4.3.1.1(1): D-grade enterprises stop entirely; the Kizilsu plan leaves D measures to the guidance.
    if (enterprise.class === 'D' && unitOf(enterprise.unitId)?.jurisdiction === 'ili')
      for (const level of responseLevels)
        if (enterprise.measures[level].kind !== 'stop')
          context.addIssue({
            code: 'custom',
            path: ['measures', level],
            message: 'D-grade enterprises stop entirely (停产) at every warning level (Ili plan 4.3.1.1(1))',
          });
    // DOMAIN, Response: each level adds to the one below, so a higher level never removes less.
    for (const [index, level] of responseLevels.entries()) {
      const lower = responseLevels[index - 1];
      if (lower && stackShare(enterprise.measures[level]) < stackShare(enterprise.measures[lower]))
        context.addIssue({
          code: 'custom',
          path: ['measures', level],
          message: `the ${level} measure removes less than the ${lower} one; each level adds to the one below`,
        });
    }
  });
export type Enterprise = z.infer<typeof enterpriseSchema>;
