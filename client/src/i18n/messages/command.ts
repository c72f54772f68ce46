import type { Messages } from '../define';

/** Words of the commander console (/command). */
export const commandMessages = {} satisfies Messages;
