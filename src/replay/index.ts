// The EDGAR replay server: see server.ts. Entry points for the commands (src/commands/) and tests.
export { createReplayServer } from './server.ts';
export type { FaultAction, FaultHook, FaultRequest, ReplayFilingInfo, ReplayServer, ReplayServerOptions, SyntheticSummary } from './server.ts';
export type { SyntheticOptions } from './synthetic.ts';
export { DEMO_CORPUS } from './corpus.ts';
export type { PathKind, ReplayStats } from './stats.ts';
export { isDeclaredUserAgent } from './user-agent.ts';
