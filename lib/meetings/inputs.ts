import { z } from 'zod';
import { ZMeetingTime } from './time';

/** The fields of a meeting a person enters (scheduling and changing it). */
export const ZMeetingTitle = z.string().trim().min(1).max(200);
export const ZPlace = z.string().trim().max(300);
/** An online link: http(s) only (no `javascript:` in a calendar or a page). */
export const ZOnlineUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { message: 'https://…' });
export const ZDuration = z.number().int().min(15).max(720);
export const ZOrganisationIds = z.array(z.uuid()).min(1).max(100);
export { ZMeetingTime };
