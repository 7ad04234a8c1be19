/** Collaborative documents: server-written changes and document locks (lib/realtime, docs/realtime.md). */
export const documents = {
  en: {
    'activity.document.written': '{actor} changed a shared document through a command: {reason}',
  },
  de: {
    'activity.document.written': '{actor} hat ein gemeinsames Dokument über einen Befehl geändert: {reason}',
  },
} as const;
