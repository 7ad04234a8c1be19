// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: [
    'better-sqlite3',
    '@node-rs/argon2',
    'pg',
    'ioredis',
    'nodemailer',
    'pdfkit',
    'exceljs',
    'yazl',
    // One copy of Yjs per server process: bundled, every route's chunk carried its own, and a process that
    // loaded two routes warned "Yjs was already imported" (instanceof checks fail across copies).
    'yjs',
  ],
  typedRoutes: false,
  // Each developer or test run can build into its own folder (parallel work, e2e against a fresh build).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The test harness builds without repeating the type check (`npm run check` does it).
  typescript: {
    ignoreBuildErrors: process.env.NWR_SKIP_BUILD_TYPECHECK === '1',
    // Test builds name their own tsconfig (extending this one), so Next's edits for their distDir stay out of tsconfig.json.
    tsconfigPath: process.env.NWR_TSCONFIG || 'tsconfig.json',
  },
};

export default nextConfig;
