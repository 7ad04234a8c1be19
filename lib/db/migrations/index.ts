import { core } from './001-core';
import { realtime } from './002-realtime';
import { cooperation } from './004-cooperation';
import { pilotReview } from './005-pilot-review';
import { realtimeQuarantine } from './006-realtime-quarantine';
import { activity } from './007-activity';
import { jobs } from './008-jobs';
import { mandates } from './009-mandates';
import { readiness } from './010-readiness';
import { exportsArchive } from './012-exports';
import { followUp } from './011-follow-up';
import { health } from './013-health';
import { meetings } from './014-meetings';
import { serverWritesAndLocks } from './015-server-writes-and-locks';
import { delivery } from './016-delivery';
import { giftMandates } from './017-gift-mandates';
import { agendaItems } from './018-agenda-items';
import { forMeVisits } from './019-for-me-visits';
import { serverWriteIndex } from './020-server-write-index';
import type { Migration } from './types';

/** Every migration, in id order (applied by id). Append new ones; never edit landed ones. */
export const migrations: Migration[] = [
  core,
  realtime,
  cooperation,
  pilotReview,
  realtimeQuarantine,
  activity,
  jobs,
  mandates,
  readiness,
  exportsArchive,
  followUp,
  health,
  meetings,
  serverWritesAndLocks,
  delivery,
  giftMandates,
  agendaItems,
  forMeVisits,
  serverWriteIndex,
];
