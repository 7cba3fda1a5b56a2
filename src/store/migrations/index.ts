import { CORE } from './001-core.js';
import { EVENTS_DELIVERY_DUPLICATES } from './002-events-delivery-duplicates.js';
import { SEARCH_VIEWS } from './003-search-views.js';
import { CRAWL_STATE } from './004-crawl-state.js';
import { SEARCH_FILTERS } from './005-search-filters.js';
import { ORIGINAL_BODY } from './006-original-body.js';
import { SOURCE_HEALTH } from './007-source-health.js';
import { FIELD_VERSIONS } from './008-field-versions.js';
import { ATTACHMENTS } from './009-attachments.js';
import { REVISIT_SCHEDULE } from './010-revisit-schedule.js';
import { SEARCH_INDEX_QUEUE } from './011-search-index-queue.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every schema change, in order. Never edit a released migration: add the next one.
 */
export const MIGRATIONS: Migration[] = [
  CORE,
  EVENTS_DELIVERY_DUPLICATES,
  SEARCH_VIEWS,
  CRAWL_STATE,
  SEARCH_FILTERS,
  ORIGINAL_BODY,
  SOURCE_HEALTH,
  FIELD_VERSIONS,
  ATTACHMENTS,
  REVISIT_SCHEDULE,
  SEARCH_INDEX_QUEUE,
];
