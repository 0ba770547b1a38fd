'use strict';
/**
 * Runs one miniprogram-ci job in its own process, for test/support/toolchains.ts.
 *
 *   node miniprogram-ci-runner.js <job.json> <result.json>
 *
 * miniprogram-ci starts file watchers (chokidar) it never closes and logs to stdout, so
 * it cannot run inside Jest: this process does the job, writes `{ ok, value | error }`
 * to <result.json> and exits. Jobs:
 *
 *   { "op": "analyse", "projectPath": "...", "privateKeyPath": "...", "appid": "..." }
 *       -> ci.analyseCode(new ci.Project({ appid, type: 'miniProgram', projectPath, privateKeyPath }))
 *   { "op": "packNpm", "packageJsonPath": "...", "miniprogramNpmDistDir": "...", "ignores": [] }
 *       -> ci.packNpmManually({ packageJsonPath, miniprogramNpmDistDir, ignores })
 */
const fs = require('fs');

async function run(job) {
  const ci = require('miniprogram-ci');
  if (job.op === 'analyse') {
    const project = new ci.Project({
      appid: job.appid,
      type: 'miniProgram',
      projectPath: job.projectPath,
      privateKeyPath: job.privateKeyPath,
      ignores: ['node_modules/**/*'],
    });
    // silent: no LogPlugin; the failures are in the serialized result.
    return ci.analyseCode(project, { silent: true });
  }
  if (job.op === 'packNpm') {
    return ci.packNpmManually({
      packageJsonPath: job.packageJsonPath,
      miniprogramNpmDistDir: job.miniprogramNpmDistDir,
      ignores: job.ignores || [],
    });
  }
  throw new Error(`unknown job ${JSON.stringify(job.op)}`);
}

const [jobFile, resultFile] = process.argv.slice(2);
if (!jobFile || !resultFile) {
  process.stderr.write('usage: node miniprogram-ci-runner.js <job.json> <result.json>\n');
  process.exit(2);
}

const started = Date.now();
run(JSON.parse(fs.readFileSync(jobFile, 'utf8')))
  .then(
    (value) => ({ ok: true, value: value === undefined ? null : value }),
    (error) => ({ ok: false, error: String((error && error.stack) || error) }),
  )
  .then((result) => {
    result.ms = Date.now() - started;
    fs.writeFileSync(resultFile, JSON.stringify(result));
    process.exit(0);
  })
  .catch((error) => {
    process.stderr.write(String((error && error.stack) || error) + '\n');
    process.exit(1);
  });
