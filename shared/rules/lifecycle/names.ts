import type { ApprovalStep, Role } from '../../plans/schema';

/** Role and step names in both languages: refusals say them, and the client's names.ts shows them. */
export const roleNames: Record<Role, { zh: string; en: string }> = {
  commander: { zh: '指挥长', en: 'Commander' },
  'first-deputy-commander': { zh: '第一副指挥长', en: 'First deputy commander' },
  'deputy-commander': { zh: '副指挥长', en: 'Deputy commander' },
  'office-director': { zh: '办公室主任', en: 'Office director' },
  'duty-officer': { zh: '值班员', en: 'Duty officer' },
  press: { zh: '宣传', en: 'Press' },
  viewer: { zh: '大屏', en: 'Wall display' },
};

export const stepNames: Record<ApprovalStep['action'], { zh: string; en: string }> = {
  review: { zh: '审核', en: 'review' },
  agree: { zh: '同意', en: 'agree' },
  approve: { zh: '批准', en: 'approve' },
};
