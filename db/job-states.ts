// Kept apart from the schema so that the command line can list the states without loading drizzle.
export const JOB_STATES = ['queued', 'running', 'done', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];
