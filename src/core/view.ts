/**
 * The part of the core the page itself runs (the rest runs in the analysis worker): pure helpers with no parser,
 * schema validator or layout engine behind them, so that the first paint does not load them. The UI imports
 * values from here, and only types from `core/index`.
 */
export { countBySeverity, formatDiagnostic, hasErrors, sortDiagnostics } from './diagnostics';
export { percentLabel } from './graph/routeGraph';
export { fitZoom, MAX_OVERRIDDEN_SHOWN, preferredDirection } from './graph/fit';
export { PieceText } from './source/pieceText';
