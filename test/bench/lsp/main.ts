// Runs the language-server benchmarks alone: `npx tsx test/bench/lsp/main.ts`
// (`npm run bench` runs them with the others, after bundling dist/server.js).
import { lspBenchmarks } from './index';

lspBenchmarks().then(
  (table) => console.log(table),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
