import type { Migration } from './index.js';

/**
 * The revisit schedule: when each known document is next due for a check, and the interval that
 * grows while it stays unchanged (src/archive/revisit-schedule.ts). Documents stored before this
 * migration have no next check (NULL): they are all due, and the per-run revisit budget spreads
 * their first scheduled checks over the following runs.
 */
export const REVISIT_SCHEDULE: Migration = {
  version: 10,
  name: 'revisit-schedule',
  sql: `
ALTER TABLE documents ADD COLUMN check_interval_days INTEGER NOT NULL DEFAULT 1; -- doubles while unchanged, 1 after a change
ALTER TABLE documents ADD COLUMN next_check_at TEXT;                             -- ISO-8601; NULL: due now
CREATE INDEX documents_next_check ON documents(source_id, next_check_at);
`,
};
