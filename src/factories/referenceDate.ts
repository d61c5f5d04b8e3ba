/**
 * The fixed "now" of every factory: generated dates fall in the 30 days before it, so output never
 * depends on the clock.
 */
export const REFERENCE_DATE = '2026-01-01T00:00:00.0000000Z';
