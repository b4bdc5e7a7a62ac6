// The comparison peer for `make bench` (tests/bench/test_bench_peer.py): the same documents
// replicated by PouchDB from/to express-pouchdb, in four phases. Prints one JSON object with
// milliseconds and request counts per phase. Bytes are counted by the Python side's proxy, so
// around each phase the script says "ready <phase>" / "done <phase> <json>" on stdout and
// waits for a line on stdin before it goes on.
// Each phase is timed RUNS times, the same work each time (fresh databases where the work
// would otherwise shrink), and reports the median and every run.
// Usage: node pouch-peer.mjs DATA.json SERVER_PORT PROXY_URL RUNS
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

const require = createRequire(import.meta.url);
const express = require("express");
const compression = require("compression");
const PouchDB = require("pouchdb-core")
  .plugin(require("pouchdb-adapter-memory"))
  .plugin(require("pouchdb-adapter-http"))
  .plugin(require("pouchdb-mapreduce"))
  .plugin(require("pouchdb-replication"));

const [dataFile, port, proxyUrl, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg || 1);
const data = JSON.parse(readFileSync(dataFile, "utf8"));

const ServerPouch = PouchDB.defaults({ adapter: "memory", prefix: "server-" });
const app = express();
let requests = 0;
app.use((req, res, next) => {
  requests += 1;
  next();
});
app.use(compression()); // gzip on, as our API has it
app.use("/", require("express-pouchdb")(ServerPouch, { mode: "minimumForPouchDB",
  logPath: "/dev/null" }));
const server = await new Promise((resolve) => {
  const s = app.listen(Number(port), "127.0.0.1", () => resolve(s));
});

const id = (d) => `${d.type}:${d.id}`;
const serverDb = new ServerPouch("wallet");
await serverDb.bulkDocs(data.snapshot.map((d) => ({ _id: id(d), doc: d.doc })));

const phone = new PouchDB("phone", { adapter: "memory", prefix: "phone-" });
const remote = new PouchDB(`${proxyUrl}/wallet`, { adapter: "http" });
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const go = () => lines.next();

const local = (name) => new PouchDB(name, { adapter: "memory", prefix: "phone-" });

async function phase(name, work) {
  console.log(`ready ${name}`);
  await go();
  const before = requests;
  const runs = [];
  let docs = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const info = await work(run);
    runs.push(performance.now() - start);
    if (run === 0) docs = info.docs_written || info.docs_read || 0;
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const median = RUNS % 2 ? sorted[(RUNS - 1) / 2] : (sorted[RUNS / 2 - 1] + sorted[RUNS / 2]) / 2;
  const result = { ms: median, runs, requests: Math.round((requests - before) / RUNS), docs };
  console.log(`done ${name} ${JSON.stringify(result)}`);
  await go();
}

// Warm-up, untimed (the Python side warms its server the same way): one pull into a
// throwaway database, one pull with nothing new, and one push from it to a throwaway server
// database, so the phases measure replication on a running server, not a fresh process's
// first requests.
const warm = new PouchDB("warm", { adapter: "memory", prefix: "warm-" });
await warm.replicate.from(remote);
await warm.replicate.from(remote);
await warm.bulkDocs(data.edits[0].slice(0, 2).map((d) => ({ _id: `warm-up:${d.id}`, doc: d.doc })));
await warm.replicate.to(new PouchDB(`${proxyUrl}/warmup`, { adapter: "http" }));

// Each run of the first pull fills an empty database (the first run: the phone's).
await phase("initial pull", (run) => (run ? local(`first-${run}`) : phone).replicate.from(remote));
await phase("no-op pull", () => phone.replicate.from(remote));
// Copies of the phone as it is now, so each run of the next phase pulls the same 100 changes.
const behind = [phone];
for (let run = 1; run < RUNS; run += 1) {
  behind.push(local(`behind-${run}`));
  await behind[run].replicate.from(remote);
}
// 100 changes on the server: new documents and deletes, as the Python side made them.
const existing = await serverDb.allDocs({ keys: data.deletes.map(id) });
await serverDb.bulkDocs([
  ...data.puts.map((d) => ({ _id: id(d), doc: d.doc })),
  ...existing.rows.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })),
]);
await phase("pull of 100 changes", (run) => behind[run].replicate.from(remote));
// 100 edits made on the phone while offline, then pushed: each run from a phone in the same
// state (every server document, 100 edits of its own, never pushed before).
const pushers = [phone];
for (let run = 1; run < RUNS; run += 1) {
  pushers.push(local(`pusher-${run}`));
  await pushers[run].replicate.from(remote);
}
for (let run = 0; run < RUNS; run += 1) {
  await pushers[run].bulkDocs(data.edits[run].map((d) => ({ _id: id(d), doc: d.doc })));
}
await phase("push of 100 edits", (run) => pushers[run].replicate.to(remote));

server.close();
process.exit(0);
