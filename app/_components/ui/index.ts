/**
 * The design system: small, accessible components every page is built from
 * (docs/ui.md lists them with examples). Import from '@/app/_components/ui'.
 *
 * - Button / LinkButton: actions vs. navigation; `busy` while a request runs.
 * - TextField / TextAreaField / SelectField: visible label, hint, error, and a
 *   said character limit with a counter (`maxLength`), wired with
 *   aria-describedby / aria-invalid; inside a <Form> they show the server's
 *   message for their `name`.
 * - useForm + Form: the one form hook (busy, error, field errors, focus).
 * - Dialog / ConfirmDialog, Menu, Tabs, ComboBox: on React Aria.
 * - Table: a table on a laptop, cards on a phone.
 * - Badge, Alert / FormError, Card, EmptyState, PageHeader, Skeleton /
 *   PageSkeleton, useToast.
 */
export { Button, LinkButton, buttonClasses, type ButtonProps, type ButtonVariant } from './button';
export { TextField, TextAreaField, SelectField } from './text-field';
export { useForm, Form, formValues, type FormState } from './form';
export { Alert, FormError, type AlertTone } from './alert';
export { Card } from './card';
export { EmptyState } from './empty-state';
export { Badge, type BadgeTone } from './badge';
export { Dialog, ConfirmDialog } from './dialog';
export { Menu, type MenuAction } from './menu';
export { Tabs, type TabItem } from './tabs';
export { ComboBox, type ComboBoxOption } from './combobox';
export { Table, type Column } from './table';
export { Skeleton, PageSkeleton } from './skeleton';
export { ToastProvider, useToast, type ToastTone } from './toast';
export { cx } from './cx';
export { PageHeader } from './page-header';
export { ScrollArea } from './scroll-area';
