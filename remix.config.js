/**
 * Remix classic compiler (see docs/decisions/0001-stack-and-layout.md). ESM server bundle in
 * build/index.js, browser assets in public/build/. `npm run dev` (remix dev, which sets
 * NODE_ENV=development before reading this file) builds into build-dev/ and public/build-dev/
 * instead, so a development bundle never stands in for the production one that `npm start` and the
 * browser tests serve, nor empties its assets (docs/decisions/0035).
 * @type {import('@remix-run/dev').AppConfig}
 */
const dev = process.env.NODE_ENV === "development";

export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*", "**/*.css"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  ...(dev ? { serverBuildPath: "build-dev/index.js", assetsBuildDirectory: "public/build-dev", publicPath: "/build-dev/" } : {}),
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
