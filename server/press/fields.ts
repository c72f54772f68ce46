import type { FormFields } from '../../shared/documents/forms';
import type { NoticeEdits } from '../../shared/documents/notice';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Store } from '../store/types';

export type Saved = { at: number; actor: string; released: boolean };

/** The form fields people filled in for a warning: every save holds the whole set, the latest wins. */
export function savedFormFields(store: Store, jurisdiction: Jurisdiction, warningId: string) {
  const rows = store.warningDocuments(jurisdiction, warningId).filter((row) => row.document === 'forms');
  return {
    fields: (rows.at(-1)?.body ?? {}) as FormFields,
    history: rows.map(({ at, actor, released }): Saved => ({ at, actor, released })),
  };
}

/** The press office's edits of the notice for one announced level (segment), and whether it was released. */
export function savedNoticeEdits(
  store: Store,
  jurisdiction: Jurisdiction,
  warningId: string,
  segment: number,
) {
  const rows = store
    .warningDocuments(jurisdiction, warningId)
    .filter((row) => row.document === 'notice' && row.segment === segment);
  const released = rows.find((row) => row.released) ?? null;
  return {
    edits: ((released ?? rows.at(-1))?.body ?? {}) as NoticeEdits,
    released: released ? { at: released.at, actor: released.actor } : null,
    history: rows.map(({ at, actor, released: isRelease }): Saved => ({ at, actor, released: isRelease })),
  };
}
