/**
 * Sums a V8 `.cpuprofile` (from `node --cpu-prof`, e.g. `BENCH_CPU_PROF=dir npm run bench:events`)
 * by self time: the top functions, and the same time grouped by module (a package under
 * node_modules, our build, or Node itself), each as a share of the busy (non-idle) time.
 *
 *   npx tsx bench/cpuprofile-summary.ts <file.cpuprofile> [--from=<seconds>] [--top=25]
 *
 * `--from` leaves out the samples before that many seconds after the process started (start-up,
 * warm-up): `npm run bench:events` prints the second its measured load began.
 */
import fs from "node:fs";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
if (!file) {
  console.error("usage: tsx bench/cpuprofile-summary.ts <file.cpuprofile> [--from=s] [--top=n]");
  process.exit(2);
}
const top = Number(option("top") ?? 25);
const fromUs = Number(option("from") ?? 0) * 1e6;
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

// Samples before --from count as idle: left out of every figure below.
const counted: boolean[] = [];
let at = 0;
profile.samples.forEach((_, i) => {
  at += profile.timeDeltas[i] ?? 0;
  counted.push(at >= fromUs);
});
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  if (!counted[i]) return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

function moduleOf(url: string): string {
  if (!url) return "(native / V8)";
  if (url.startsWith("node:")) return "node: " + url.slice(5).split("/")[0];
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.includes("/build/")) return "app build (build/index.js)";
  return url.replace(/^file:\/\//, "");
}

const special = new Set(["(idle)", "(program)", "(garbage collector)"]);
const functions = new Map<string, number>();
const modules = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  total += us;
  if (functionName === "(idle)") {
    idle += us;
    continue;
  }
  const name = special.has(functionName)
    ? functionName
    : `${functionName || "(anonymous)"} ${moduleOf(url)}:${lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + us);
  const mod = special.has(functionName) ? functionName : moduleOf(url);
  modules.set(mod, (modules.get(mod) ?? 0) + us);
}
const busy = total - idle;
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;

console.log(
  `${file}: ${ms(total)} sampled, ${ms(busy)} busy (${((100 * busy) / total).toFixed(0)} %)`,
);
console.log("\nself time by module");
for (const [name, us] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(us)} ${ms(us)}  ${name}`);
console.log("\nself time by function");
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(us)} ${ms(us)}  ${name}`);

// Inclusive ("total") time of our own functions: which loader or component the time is spent under.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  if (!counted[i] || byId.get(id)!.callFrame.functionName === "(idle)") return;
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
    if (moduleOf(url) !== "app build (build/index.js)") continue;
    const name = `${functionName || "(anonymous)"}:${lineNumber + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
});
console.log("\ntotal time under our functions (build/index.js)");
for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(us)} ${ms(us)}  ${name}`);
