/**
 * The engine (issue 6): station windows, unit means, daily series joined with forecasts, grading, regions,
 * warning book and compliance, per jurisdiction, as shared/state/schema.ts JurisdictionState.
 *
 *   createEngine({ store, clock: 'wall' | 'data', now?, adjacency? }) → Engine
 *     engine.ingested({ observations?, forecasts? })   after an accepted write (rows as stored)
 *     engine.received([{ station, time }])             every accepted station-hour, changed or not (data clock)
 *     engine.stationsChanged()                          after PUT /api/stations or a station import
 *     engine.eventsAppended(storedEvents)               after warning actions appended to the log
 *     engine.setExternalRegionalWarning(warning | null) Kizilsu's autonomous-region floor
 *     engine.state(jurisdiction, at?)                   JurisdictionState now, as of a past hour end, or as
 *                                                       forecast now for a later hour end (basis 'forecast')
 *     engine.timeline(jurisdiction)                     TimelineState { oldest, now, forecastEnd }
 *     engine.now(jurisdiction) · engine.onTick(listener) · engine.settled() · engine.close()
 *     engine.series(jurisdiction, { kind, id }, at?)    SeriesState (the side panel)
 * The HTTP routes over it are server/http/state.ts.
 */
export { createEngine, type Engine, type EngineOptions, type TickChange } from './engine';
