import fs from "node:fs";
import path from "node:path";
import type { Reporter, TestModule, TestRunEndReason } from "vitest/node";

/** Ends every run with the plain "N passed, N failed" line that CI reads. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      if (module.state() === "failed" && module.children.size === 0) failed++;
    }
    // A global setup that throws (no PostgreSQL server) runs no test at all: not a pass.
    failed += unhandledErrors.length;
    if (reason === "failed" && failed === 0) failed = 1;
    const line = `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
    console.log(`\n${line}`);
    // .ci/run repeats this, after npm's own output; the PostgreSQL run (`npm run test:postgres`)
    // keeps its own file, and .ci/run adds both up for its last line.
    const file =
      process.env.TEST_DATABASE === "postgresql" ? "summary-postgresql.txt" : "summary.txt";
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync(path.join("test-results", file), `${line}\n`);
  }
}
