'use client';
import './globals.css';

/**
 * When even the root layout fails (no language, no providers): a minimal page
 * in both languages.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="p-8 font-sans">
        <h1 className="text-2xl font-semibold">Something went wrong · Etwas ist schiefgegangen</h1>
        <p className="mt-2">Please try again. · Bitte versuchen Sie es noch einmal.</p>
        <button type="button" onClick={reset} className="mt-4 rounded border px-4 py-2">
          Try again · Noch einmal versuchen
        </button>
      </body>
    </html>
  );
}
