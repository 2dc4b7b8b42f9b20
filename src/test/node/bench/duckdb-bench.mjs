// The DAX benchmark's anchor: the same questions in SQL, answered by DuckDB on the same data.
// Usage: node duckdb-bench.mjs DATA_DIR QUERIES_JSON WARMUP_RUNS TIMED_RUNS
// Prints one JSON object: {"query name": {"p50": ms, "rows": n}, ...}.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [dir, queriesFile, warmArg, runsArg] = process.argv.slice(2);
const warm = Number(warmArg ?? 5);
const runs = Number(runsArg ?? 20);
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const db = await instance.connect();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
  const table = file.replace(/\.csv$/, '');
  await db.run(`CREATE TABLE "${table}" AS SELECT * FROM read_csv_auto('${join(dir, file)}', header = true)`);
}
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const out = {};
for (const [name, sql] of Object.entries(queries)) {
  let rows = 0;
  for (let i = 0; i < warm; i++) {
    rows = (await (await db.run(sql)).getRows()).length;
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await (await db.run(sql)).getRows();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  out[name] = { p50: times[Math.floor(times.length / 2)], rows };
}
console.log(JSON.stringify(out));
