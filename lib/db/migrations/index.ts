import { core } from './001-core';
import { realtime } from './002-realtime';
import { cooperation } from './004-cooperation';
import { pilotReview } from './005-pilot-review';
import { jobs } from './008-jobs';
import type { Migration } from './types';

/** Every migration, in order. Append new ones; never reorder or edit landed ones. */
export const migrations: Migration[] = [core, realtime, cooperation, pilotReview, jobs];
