// Builds the package in the current directory (`npm run build` in clients/js/restaking or
// clients/js/vault) with tsc, from src/index.ts and what it imports:
//   dist/esm   ES modules + .d.ts  (module/moduleResolution NodeNext; the package is "type": "module")
//   dist/cjs   CommonJS + .d.ts    (marked by dist/cjs/package.json { "type": "commonjs" })
// The ESM build type-checks the sources under `strict`; the CommonJS build only emits
// (`--noCheck`: the same sources, already checked).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const pkg = process.cwd();
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const common = [
  join(pkg, 'src/index.ts'),
  '--rootDir', join(pkg, 'src'),
  '--target', 'ES2022',
  '--lib', 'ES2022',
  '--types', 'node',
  '--strict',
  '--declaration',
  '--skipLibCheck',
  '--isolatedModules',
  '--newLine', 'lf',
];
const builds = [
  { out: 'dist/esm', flags: ['--module', 'NodeNext', '--moduleResolution', 'NodeNext'] },
  { out: 'dist/cjs', flags: ['--module', 'CommonJS', '--moduleResolution', 'Node10', '--noCheck'] },
];

rmSync(join(pkg, 'dist'), { recursive: true, force: true });
for (const { out, flags } of builds) {
  const r = spawnSync(process.execPath, [tsc, ...common, '--outDir', join(pkg, out), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
writeFileSync(join(pkg, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');
