/**
 * Small shared, accessible UI primitives. Import from '@/app/_components/ui'.
 * - Button / LinkButton: actions vs. navigation; `busy` for pending requests.
 * - TextField / TextAreaField / SelectField: always-visible label, hint and
 *   error wired with aria-describedby / aria-invalid.
 * - Alert (role alert/status), FormError (a form's server error, or nothing).
 * - Card (a section with a heading), EmptyState (empty lists, with a next step).
 * None of them is a client component, so server pages can use them; event
 * handlers (onClick …) of course only work inside client components.
 */
export { Button, LinkButton, buttonClasses, type ButtonProps, type ButtonVariant } from './button';
export { TextField, TextAreaField, SelectField } from './text-field';
export { Alert, FormError, type AlertTone } from './alert';
export { Card, EmptyState } from './card';
export { cx } from './cx';
export { PageHeader } from './page-header';
