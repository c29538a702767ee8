import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // A throwaway PostgreSQL server for tests/db (see the file for TEST_DATABASE_URL / SKIP_POSTGRES).
    globalSetup: ["tests/setup/postgres.ts"],
  },
});
