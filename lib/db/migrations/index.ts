import { core } from './001-core';
import { realtime } from './002-realtime';
import { cooperation } from './004-cooperation';
import { pilotReview } from './005-pilot-review';
import { activity } from './007-activity';
import type { Migration } from './types';

/** Every migration, in order. Append new ones; never reorder or edit landed ones. */
export const migrations: Migration[] = [core, realtime, cooperation, pilotReview, activity];
