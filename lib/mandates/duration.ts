/**
 * A waiting time in the largest whole unit that says it plainly ("3 days",
 * "5 hours", "12 minutes"), for `t('mandates.duration', durationParts(ms))`.
 */
export function durationParts(ms: number): { unit: 'days' | 'hours' | 'minutes'; n: number } {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes >= 48 * 60) return { unit: 'days', n: Math.round(minutes / (24 * 60)) };
  if (minutes >= 60) return { unit: 'hours', n: Math.round(minutes / 60) };
  return { unit: 'minutes', n: minutes };
}
