import type { z } from 'zod';
import { hasMessage, type Translate } from '../i18n';

type Issue = z.core.$ZodIssue;

/**
 * What a person reads when input is refused: per field (by the body's path,
 * `amount`, `indicators.0.label`) a sentence in their language that says what
 * is wrong ("Must be more than 0."), and one line for the whole refusal that
 * names each field as a person calls it ("Amount: Must be more than 0.").
 * Never zod's own words ("Too small: expected number to be >0") and never a
 * field's code name. Used for bodies (`route()`), query strings and commands
 * (`validate()`), so every refusal of input has one shape (docs/api.md).
 */
export function describeIssues(issues: readonly Issue[], t: Translate) {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issueText(issue, t);
  }
  const details = Object.entries(fields)
    .map(([path, message]) => (path === '_' ? message : `${fieldLabel(path, t)}: ${message}`))
    .join(' ');
  return { fields, details };
}

/** A field's name in words: the last named segment of its path (`indicators.0.label` → "Name"). */
export function fieldLabel(path: string, t: Translate): string {
  const named = path
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .reverse();
  for (const name of named) if (hasMessage(`field.${name}`)) return t(`field.${name}`);
  return named[0] ?? path;
}

const CUSTOM: Record<string, string> = {
  'max. 3 decimals': 'fields.issue.decimals',
  'YYYY-MM-DD': 'fields.issue.date',
  'Nothing to change': 'fields.issue.nothingToChange',
  'too deep or too large': 'fields.issue.tooDeep',
};

function issueText(issue: Issue, t: Translate): string {
  // Our own schemas may carry a message key as their message (auth.password.common).
  if (hasMessage(issue.message)) return t(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (/received (undefined|null)$/.test(issue.message) || input === '') return t('fields.issue.required');
      if (issue.expected === 'int') return t('fields.issue.wholeNumber');
      if (issue.expected === 'number') return t('fields.issue.notANumber');
      return t('fields.issue.wrongType');
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('fields.issue.required') : t('fields.issue.tooShort', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return t('fields.issue.tooFew', { min });
      return issue.inclusive ? t('fields.issue.tooSmall', { min }) : t('fields.issue.notPositive', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('fields.issue.tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('fields.issue.tooMany', { max });
      return t('fields.issue.tooBig', { max });
    }
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? t('fields.issue.wholeNumber') : t('fields.issue.decimals');
    case 'invalid_value':
      return t('fields.issue.choose');
    case 'invalid_format':
      if (issue.format === 'email') return t('fields.issue.email');
      if (issue.format === 'url') return t('fields.issue.url');
      if (issue.format === 'uuid' || issue.format === 'guid') return t('fields.issue.id');
      if (issue.format === 'date' || issue.format === 'datetime') return t('fields.issue.date');
      return CUSTOM[issue.message] ? t(CUSTOM[issue.message]) : t('fields.issue.format');
    case 'unrecognized_keys':
      return t('fields.issue.unknownField');
    case 'invalid_union':
      return t('fields.issue.invalid');
    default: {
      if (CUSTOM[issue.message]) return t(CUSTOM[issue.message]);
      return t('fields.issue.invalid');
    }
  }
}
