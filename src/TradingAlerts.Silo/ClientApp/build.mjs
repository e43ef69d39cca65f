// Bundles the dashboard into the silo's wwwroot (run by the silo's MSBuild target, or `npm run build`).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const out = new URL('../wwwroot/', import.meta.url);
await mkdir(new URL('app/', out), { recursive: true });
await build({
  entryPoints: ['src/main.js'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  outdir: new URL('app/', out).pathname,
  logLevel: 'warning',
});
// One HTML shell for every page: the silo serves it for /login and /dashboard/*.
await copyFile(new URL('src/index.html', import.meta.url), new URL('index.html', out));
