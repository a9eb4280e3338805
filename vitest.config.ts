import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    // One browser (and one build) at a time on a 2-core machine.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
          // Generous: the CLI tests build every table (about 25 s alone, more on a shared 2-core machine).
          testTimeout: 240_000
        }
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000
        }
      }
    ]
  }
});
