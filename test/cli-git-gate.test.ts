// The git gate: no write over uncommitted changes unless --force; --dry and --print need no gate.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkUncommittedChanges, parsePorcelain } from '../src/cli/git-gate';
import { STOP_PAGE, makeProject, read, removeTempDirs, runCli, tempDir } from './support/cli-project';


const hasGit = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const withGit = hasGit ? describe : describe.skip;

afterAll(removeTempDirs);

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** A repository with every file committed. */
function makeRepo(files: Record<string, string>): string {
  const root = makeProject(files, 'startrecord-gate-');
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'start');
  return root;
}

const run = runCli;


test('porcelain records are read as modified or untracked', () => {
  expect(parsePorcelain(' M a.js\0?? new dir/\0A  staged.js\0')).toEqual([
    { path: 'a.js', state: 'modified' },
    { path: 'new dir/', state: 'untracked' },
    { path: 'staged.js', state: 'modified' },
  ]);
});

withGit('git gate', () => {
  test('a clean work tree is written', async () => {
    const root = makeRepo({ 'pages/voice.js': STOP_PAGE });
    const result = await run(['pages'], root);
    expect(result.code).toBe(0);
    expect(read(root, 'pages/voice.js')).toContain('recorderManager.stop()');
  });

  test('modified and untracked target files are named, nothing is written, --force is suggested', async () => {
    const root = makeRepo({ 'pages/voice.js': STOP_PAGE, 'pages/other.js': STOP_PAGE });
    fs.appendFileSync(path.join(root, 'pages/voice.js'), '// my edit\n');
    fs.writeFileSync(path.join(root, 'pages/new.js'), STOP_PAGE);

    const result = await run(['pages'], root);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('uncommitted changes');
    expect(result.stderr).toContain('  pages/new.js (untracked)\n');
    expect(result.stderr).toContain('  pages/voice.js (modified)\n');
    expect(result.stderr).not.toContain('pages/other.js');
    expect(result.stderr).toContain('--force');
    expect(result.stderr).toContain('--dry');
    expect(result.stdout).toBe('');
    // Nothing written, not even the clean file.
    expect(read(root, 'pages/other.js')).toBe(STOP_PAGE);
    expect(read(root, 'pages/new.js')).toBe(STOP_PAGE);
  });

  test('staged changes count as uncommitted', async () => {
    const root = makeRepo({ 'a.js': STOP_PAGE });
    fs.appendFileSync(path.join(root, 'a.js'), '// staged\n');
    git(root, 'add', 'a.js');
    expect(await checkUncommittedChanges([path.join(root, 'a.js')])).toEqual({ kind: 'dirty', files: [{ filePath: path.join(root, 'a.js'), state: 'modified' }] });
  });

  test('files in an untracked folder are untracked', async () => {
    const root = makeRepo({ 'a.js': '' });
    fs.mkdirSync(path.join(root, 'fresh/deep'), { recursive: true });
    fs.writeFileSync(path.join(root, 'fresh/deep/b.js'), STOP_PAGE);
    expect(await checkUncommittedChanges([path.join(root, 'a.js'), path.join(root, 'fresh/deep/b.js')])).toEqual({
      kind: 'dirty',
      files: [{ filePath: path.join(root, 'fresh/deep/b.js'), state: 'untracked' }],
    });
  });

  test('uncommitted files that never mention the API do not block: they are never written', async () => {
    const root = makeRepo({ 'pages/voice.js': STOP_PAGE, 'pages/util.js': 'export const x = 1\n' });
    fs.appendFileSync(path.join(root, 'pages/util.js'), 'export const y = 2\n');
    fs.writeFileSync(path.join(root, 'pages/new-helper.js'), 'export default 1\n');
    const result = await run(['pages'], root);
    expect(result.code).toBe(0);
    expect(read(root, 'pages/voice.js')).toContain('recorderManager.stop()');
  });

  test('a second run over what the first one converted is not refused', async () => {
    const root = makeRepo({ 'pages/voice.js': STOP_PAGE });
    expect((await run(['pages'], root)).code).toBe(0);
    const second = await run(['--json', 'pages'], root);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).summary).toMatchObject({ changed: 0, unchanged: 1 });
  });

  test('changes outside the targets do not block', async () => {
    const root = makeRepo({ 'pages/voice.js': STOP_PAGE, 'README.md': 'hi\n', 'lib/other.js': '' });
    fs.appendFileSync(path.join(root, 'README.md'), 'edited\n');
    fs.appendFileSync(path.join(root, 'lib/other.js'), '// edited\n');
    const result = await run(['pages'], root);
    expect(result.code).toBe(0);
    expect(read(root, 'pages/voice.js')).toContain('recorderManager.stop()');
  });

  test('--force writes anyway', async () => {
    const root = makeRepo({ 'pages/voice.js': STOP_PAGE });
    fs.appendFileSync(path.join(root, 'pages/voice.js'), '// my edit\n');
    const result = await run(['--force', 'pages'], root);
    expect(result.code).toBe(0);
    expect(read(root, 'pages/voice.js')).toContain('recorderManager.stop()');
    expect(read(root, 'pages/voice.js')).toContain('// my edit');
  });

  test('--dry and --print need no gate', async () => {
    const root = makeRepo({ 'pages/voice.js': STOP_PAGE });
    fs.appendFileSync(path.join(root, 'pages/voice.js'), '// my edit\n');
    expect((await run(['--dry', 'pages'], root)).code).toBe(0);
    const printed = await run(['--print', 'pages/voice.js'], root);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('recorderManager.stop()');
    expect(read(root, 'pages/voice.js')).toBe(`${STOP_PAGE}// my edit\n`);
  });

  test('file names with glob characters work', async () => {
    const root = makeRepo({ 'pages/[id]/index.js': STOP_PAGE, 'pages/a/index.js': STOP_PAGE });
    fs.appendFileSync(path.join(root, 'pages/a/index.js'), '// edit\n');
    const verdict = await checkUncommittedChanges([path.join(root, 'pages/[id]/index.js')]);
    expect(verdict).toEqual({ kind: 'clean' });
  });

  test('outside any work tree there is nothing to check', async () => {
    const root = tempDir('startrecord-nogit-');
    if (fs.existsSync(path.join(os.tmpdir(), '.git'))) return;
    fs.writeFileSync(path.join(root, 'a.js'), STOP_PAGE);
    expect(await checkUncommittedChanges([path.join(root, 'a.js')])).toEqual({ kind: 'clean' });
  });

  test('a repository git cannot read is refused, with the reason', async () => {
    const root = tempDir('startrecord-badgit-');
    fs.mkdirSync(path.join(root, '.git')); // an empty .git folder: not a repository git accepts
    fs.writeFileSync(path.join(root, 'a.js'), STOP_PAGE);
    const result = await run(['a.js'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('git could not tell whether');
    expect(read(root, 'a.js')).toBe(STOP_PAGE);
  });
});

withGit('running again over the tool\'s own output', () => {
  // Both sites go to the shim (the start's Promise is used): shimmed files still name
  // startRecord, and the shim file the run adds is untracked.
  const SHIMMED_PAGE = "Page({\n  async start() {\n    const res = await wx.startRecord()\n    this.setData({ voice: res.tempFilePath })\n  },\n  stop() {\n    wx.stopRecord()\n  },\n})\n";
  const files = { 'app.json': '{"pages":[]}\n', 'pages/a/a.js': SHIMMED_PAGE, 'pages/b/b.js': SHIMMED_PAGE, 'pages/c/c.js': STOP_PAGE };

  test('the same command finishes a run that stopped partway (here: only pages/a done), without --force', async () => {
    const root = makeRepo(files);
    expect((await run(['pages/a'], root)).code).toBe(0);
    expect(read(root, 'pages/a/a.js')).toContain('startrecord-shim');
    const again = await run(['.'], root);
    expect(again.stderr).not.toContain('uncommitted changes');
    expect(again.code).toBe(0);
    expect(read(root, 'pages/b/b.js')).toContain('startrecord-shim');
    expect(read(root, 'pages/c/c.js')).toContain('.stop()');
  });

  test('a plain second run with no commit in between is not refused, and changes nothing', async () => {
    const root = makeRepo(files);
    expect((await run(['.'], root)).code).toBe(0);
    const before = read(root, 'pages/a/a.js');
    const again = await run(['.'], root);
    expect(again.code).toBe(0);
    expect(read(root, 'pages/a/a.js')).toBe(before);
  });

  test("an edit of the user's on top of the tool's output is still refused", async () => {
    const root = makeRepo(files);
    await run(['.'], root);
    fs.appendFileSync(path.join(root, 'pages/a/a.js'), '// my change\n');
    const again = await run(['.'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('pages/a/a.js');
  });
});

withGit('--dry from a subfolder', () => {
  test('prints a patch that git apply takes from the repository root', async () => {
    const root = makeRepo({ 'components/x.js': STOP_PAGE, 'pages/index/index.js': 'Page({})\n' });
    const result = await run(['--dry', '--no-color', '../../components'], path.join(root, 'pages/index'));
    expect(result.stdout).toContain('--- a/components/x.js');
    expect(result.stdout).not.toContain('a/../');
    const patch = result.stdout.slice(result.stdout.indexOf('---'), result.stdout.lastIndexOf('\n\n') + 1);
    fs.writeFileSync(path.join(root, 'change.patch'), patch.endsWith('\n') ? patch : `${patch}\n`);
    expect(() => git(root, 'apply', '--check', 'change.patch')).not.toThrow();
    git(root, 'apply', 'change.patch');
    expect(read(root, 'components/x.js')).toContain('getRecorderManager');
  });
});
