import type { Messages } from '../define';

/** Words of the press view and the documents it pulls. */
export const pressMessages = {} satisfies Messages;
