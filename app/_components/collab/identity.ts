/**
 * What the awareness says about a person. The realtime server stamps
 * `user` on every state it forwards (`{ id, name, organisation, colour }`), so nobody
 * can pose as someone else; we only read it, through a validator.
 */
import { z } from 'zod';

export const ZPresenceUser = z.object({
  name: z.string().min(1).max(200),
  organisation: z.string().max(200).nullish(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullish(),
});
export type PresenceUser = z.infer<typeof ZPresenceUser>;

export interface Presence {
  clientId: number;
  user: PresenceUser;
  isSelf: boolean;
}

/** A readable, stable fallback colour for a client without one (dark enough for white text). */
export function fallbackColor(clientId: number): string {
  const palette = ['#1f6f66', '#8a3ffc', '#b5442c', '#0f62fe', '#7d5700', '#a2191f', '#005d5d', '#6929c4'];
  return palette[Math.abs(clientId) % palette.length];
}

/** The people present, from awareness states; states without a valid stamped user are not shown. */
export function presenceFrom(states: Map<number, Record<string, unknown>>, selfId: number): Presence[] {
  const out: Presence[] = [];
  for (const [clientId, state] of states) {
    const parsed = ZPresenceUser.safeParse(readUser(state));
    if (!parsed.success) continue;
    out.push({ clientId, user: parsed.data, isSelf: clientId === selfId });
  }
  // One entry per person and organisation (two tabs of the same person show once), self first.
  const seen = new Set<string>();
  return out
    .sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.name.localeCompare(b.user.name))
    .filter((p) => {
      const key = `${p.user.name}\u0000${p.user.organisation ?? ''}`;
      if (seen.has(key) && !p.isSelf) return false;
      seen.add(key);
      return true;
    });
}

function readUser(state: Record<string, unknown>): unknown {
  const u = state.user;
  if (!u || typeof u !== 'object') return u;
  const o = u as Record<string, unknown>;
  // The server stamps `colour`; stock tools (y-prosemirror) use `color`.
  return { name: o.name, organisation: o.organisation ?? null, color: o.colour ?? o.color ?? null };
}
