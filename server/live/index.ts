/**
 * Live state over Socket.IO (issue 6). Event names and payloads: shared/live/events.ts.
 *
 *   attachLive({ io, engine, authorize, sequence, emits }) → { close(), officeChanged() }
 *     authorize(socket, jurisdiction) → null to allow (read-only watch), or the refusal message
 *   liveServerOptions — pass to `new Server(http, liveServerOptions)`
 */
export { attachLive, type LiveAuthorize, type LiveOptions, type LiveSequence } from './live';
export { liveServerOptions } from './options';
