#!/usr/bin/env node
// What a user pays before the tool starts: packs this package as npm would publish it,
// then, with an empty npm cache and no registry (the package has no dependencies), runs
// `npx --package <tarball> startrecord-codemod --version` cold and installs the tarball into an empty project. Prints
// the tarball size, the installed size and both times. Needs a built dist/ (npm run build).
//
// Usage: node scripts/install-weight.js [--json]
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function measure() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'startrecord-weight-'));
  try {
    const env = { ...process.env, npm_config_cache: path.join(work, 'cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    // `prepare` would rebuild; dist/ is built already.
    const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, env, encoding: 'utf8' }))[0];
    const tarball = path.join(work, packed.filename);

    const t0 = process.hrtime.bigint();
    const version = execFileSync(npx, ['--yes', '--package', tarball, 'startrecord-codemod', '--version'], { cwd: work, env, encoding: 'utf8' }).trim();
    const coldNpxMs = Number(process.hrtime.bigint() - t0) / 1e6;

    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    const t1 = process.hrtime.bigint();
    execFileSync(npm, ['install', '--no-save', tarball], { cwd: app, env, stdio: 'ignore' });
    const installMs = Number(process.hrtime.bigint() - t1) / 1e6;
    const modules = path.join(app, 'node_modules');
    return {
      version,
      tarballBytes: fs.statSync(tarball).size,
      packedFiles: packed.files.map((f) => f.path),
      dependencies: Object.keys(JSON.parse(fs.readFileSync(path.join(modules, 'startrecord-codemod', 'package.json'), 'utf8')).dependencies ?? {}),
      installedPackages: fs.readdirSync(modules).filter((n) => !n.startsWith('.')).length,
      installedBytes: folderBytes(modules),
      coldNpxMs,
      installMs,
      installedAt: path.join(modules, 'startrecord-codemod'),
      work,
    };
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

function folderBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(file);
    else if (entry.isFile()) total += fs.statSync(file).size;
  }
  return total;
}

module.exports = { measure };

if (require.main === module) {
  const m = measure();
  fs.rmSync(m.work, { recursive: true, force: true });
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...m, work: undefined, installedAt: undefined, packedFiles: m.packedFiles.length }, null, 2));
  } else {
    console.log(`startrecord-codemod ${m.version}: tarball ${mb(m.tarballBytes)} (${m.packedFiles.length} files), ${m.dependencies.length} runtime dependencies`);
    console.log(`installed: ${m.installedPackages} package(s), ${mb(m.installedBytes)} in node_modules, in ${(m.installMs / 1000).toFixed(1)} s`);
    console.log(`cold \`npx --package <tarball> startrecord-codemod --version\` (empty npm cache): ${(m.coldNpxMs / 1000).toFixed(1)} s`);
  }
}
