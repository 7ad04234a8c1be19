import type { ReactNode } from 'react';
import { LiveProvider } from '@/app/_components/cooperation/live';
import { OutboxPanel, OutboxProvider } from '@/app/_components/cooperation/outbox';
import { feedCursor, networkShellContext } from '../_lib/load';
import { NavigationPending } from './_shell/navigation-pending';
import { NetworkNav } from './_shell/network-nav';
import { PAGE_CONTENT_ID } from './_shell/nav';

type Params = Promise<{ networkId: string }>;

/**
 * The network shell, around every page of one network: the navigation (with
 * the live connection state), and the two things that must survive moving
 * between pages: the live change feed (SSE) and the offline outbox. Pages
 * render only their own content, starting with their one <h1>.
 *
 * Signed out, the page itself sends the person to sign-in (with its own
 * address to come back to); a non-member gets the 404 page.
 */
export default async function NetworkLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { networkId } = await params;
  const shell = await networkShellContext(networkId);
  if (!shell) return children;
  // The same cursor the page read before its data: the feed starts there and the page is not fetched twice.
  const after = await feedCursor(networkId);
  return (
    <LiveProvider networkId={networkId} after={after}>
      <OutboxProvider networkId={networkId} userId={shell.user.id}>
        <NavigationPending />
        <div className="lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:items-start lg:gap-8">
          <NetworkNav networkId={networkId} networkName={shell.network.name} />
          <div id={PAGE_CONTENT_ID} tabIndex={-1} className="min-w-0 focus:outline-none">
            <OutboxPanel />
            {children}
          </div>
        </div>
      </OutboxProvider>
    </LiveProvider>
  );
}
