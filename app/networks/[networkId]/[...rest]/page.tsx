import { notFound } from 'next/navigation';

/**
 * Any address below a network that is no page: the network's own 404 (inside
 * its navigation, so the way on is right there) instead of the site-wide one.
 */
export default function UnknownNetworkPage() {
  notFound();
}
