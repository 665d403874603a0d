import path from 'node:path';
import type { NextConfig } from 'next';

// The workspace root: Turbopack compiles `libs/contract` from there, and the standalone output
// keeps the monorepo layout (`.next/standalone/apps/frontend/server.js`).
const workspaceRoot = path.join(import.meta.dirname, '../..');

const nextConfig: NextConfig = {
  output: 'standalone',
  outputFileTracingRoot: workspaceRoot,
  turbopack: { root: workspaceRoot },
  // The app uses no next/image: with the optimizer off, sharp (traced into the standalone output
  // anyway) is never loaded, and scripts/assemble-standalone.mjs leaves it out.
  images: { unoptimized: true },
  // Keep the prerendered pages' response cache in memory: the server then never writes under
  // .next/server, so it runs on a read-only root filesystem (the image runs `--read-only`).
  experimental: { isrFlushToDisk: false },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
