import type { Messages } from '../define';

/** Words of the wall display (/wall) and the situational map's panels. */
export const wallMessages = {} satisfies Messages;
