import { defineConfig } from "vitest/config";

// Three levels, run one after the other (sequence.groupOrder) so a slow level never starves a fast one
// on a 2-core machine, and a unit failure shows before the minutes of builds:
// - unit: plain modules in-process — no child process, no build; fixtures from tests/fixtures/.
// - integration: the CLIs (`npm run check`/`new`/`import`/`preview`) and `astro build` as child processes.
// - e2e: the built site (global setup builds dist/ once) and corpus sites, driven in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          sequence: { groupOrder: 1 },
          // Each file mostly waits on its child processes; two at once keep both cores busy without
          // stacking several `astro build`s on them.
          maxWorkers: 2,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          sequence: { groupOrder: 2 },
          testTimeout: 180_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
