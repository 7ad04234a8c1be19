'use client';

import { createContext } from 'react';

/** The server's per-field messages of the surrounding `<Form>`, by field name (see use-form.ts). */
export const FormErrorsContext = createContext<Record<string, string>>({});
