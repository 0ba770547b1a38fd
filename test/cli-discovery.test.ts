// Which files a walk takes: .gitignore files (nested too), the default skip list,
// --ignore, --extensions, and symbolic links (never followed, loops included).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { discoverFiles, DiscoveryOptions } from '../src/cli/discover';
import { makeProject, removeTempDirs, runCli } from './support/cli-project';

afterAll(removeTempDirs);


/** Found files, relative to `root`, with forward slashes. */
async function found(root: string, paths: string[] = ['.'], options: DiscoveryOptions = {}, cwd = root): Promise<string[]> {
  const result = await discoverFiles(paths, cwd, options);
  return result.files.map((file) => path.relative(root, file).split(path.sep).join('/'));
}

const run = runCli;

describe('.gitignore', () => {
  test('is honoured in every folder, each file relative to its own folder, with ! re-includes', async () => {
    const root = makeProject({
      '.gitignore': 'generated/\n*.gen.js\n/rooted.js\n',
      'rooted.js': '',
      'app.js': '',
      'src/rooted.js': '', // /rooted.js only means the top one
      'src/generated/api.js': '',
      'src/x.gen.js': '',
      'src/pages/.gitignore': 'local-*.js\n!local-keep.js\n',
      'src/pages/local-draft.js': '',
      'src/pages/local-keep.js': '',
      'src/pages/index.js': '',
      'src/other/local-draft.js': '', // the nested .gitignore does not reach here
      'src/keep/.gitignore': '!*.gen.js\n', // a deeper file re-includes
      'src/keep/y.gen.js': '',
    });
    expect(await found(root)).toEqual([
      'app.js',
      'src/keep/y.gen.js',
      'src/other/local-draft.js',
      'src/pages/index.js',
      'src/pages/local-keep.js',
      'src/rooted.js',
    ]);
  });

  test('a .gitignore deep in a tree with no rules above it applies to its folder and below, nowhere else', async () => {
    // The walk skips asking about entries of folders no rule reaches; a rule file deeper
    // down must switch the asking back on for its folder and its subfolders.
    const root = makeProject({
      'a/local.js': '',
      'a/b/.gitignore': 'local.js\nsecret/\n',
      'a/b/local.js': '',
      'a/b/c/local.js': '',
      'a/b/c/page.js': '',
      'a/b/secret/x.js': '',
      'a/b2/local.js': '',
    });
    expect(await found(root)).toEqual(['a/b/c/page.js', 'a/b2/local.js', 'a/local.js']);
  });

  test('the .gitignore files above a given folder apply, up to the git work tree top', async () => {
    const root = makeProject({
      '.gitignore': 'packages/app/src/generated/\n',
      'packages/app/.gitignore': '*.local.js\n',
      'packages/app/src/generated/a.js': '',
      'packages/app/src/page.local.js': '',
      'packages/app/src/page.js': '',
    });
    fs.mkdirSync(path.join(root, '.git'));
    expect(await found(root, ['packages/app/src'])).toEqual(['packages/app/src/page.js']);
  });

  test('.git/info/exclude counts like a .gitignore at the top', async () => {
    const root = makeProject({ '.git/info/exclude': 'scratch/\n', 'scratch/a.js': '', 'b.js': '' });
    expect(await found(root)).toEqual(['b.js']);
  });

  test('without a work tree, .gitignore files above the given folder do not apply', async () => {
    const root = makeProject({ '.gitignore': 'src/\n', 'src/a.js': '' });
    // No .git anywhere up from an OS temp folder, normally; if there is one, this test says nothing.
    if (fs.existsSync(path.join(os.tmpdir(), '.git'))) return;
    expect(await found(root, ['src'])).toEqual(['src/a.js']);
  });

  test('a folder named on the command line is taken even when .gitignore leaves it out', async () => {
    const root = makeProject({ '.gitignore': 'legacy/\n', 'legacy/a.js': '', 'b.js': '' });
    fs.mkdirSync(path.join(root, '.git'));
    expect(await found(root)).toEqual(['b.js']);
    expect(await found(root, ['legacy'])).toEqual(['legacy/a.js']);
  });

  test('--no-gitignore takes the ignored files too', async () => {
    const root = makeProject({ '.gitignore': 'generated/\n', 'generated/a.js': '', 'b.js': '' });
    expect(await found(root, ['.'], { gitignore: false })).toEqual(['b.js', 'generated/a.js']);
    const result = await run(['--json', '--dry', '--no-gitignore', '.'], root);
    expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(['b.js', 'generated/a.js']);
  });

  test('agrees with git itself on a real repository', async () => {
    const root = makeProject({
      '.gitignore': '*.gen.js\nout/\n',
      'src/.gitignore': '!keep.gen.js\ntmp-*\n',
      'src/a.js': '',
      'src/b.gen.js': '',
      'src/keep.gen.js': '',
      'src/tmp-x.js': '',
      'out/c.js': '',
      'lib/d.ts': '',
    });
    try {
      execFileSync('git', ['init', '-q'], { cwd: root });
    } catch {
      return; // no git here
    }
    const gitSees = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file.endsWith('.js') || file.endsWith('.ts'));
    expect(await found(root)).toEqual(gitSees.sort());
  });
});

describe('default skip list', () => {
  test('skips installed packages, build output, caches, declarations and minified bundles', async () => {
    const root = makeProject({
      'app.js': '',
      'node_modules/pkg/index.js': '',
      'miniprogram_npm/vant/index.js': '',
      'dist/app.js': '',
      'build/app.js': '',
      '.temp/app.js': '',
      'unpackage/dist/app.js': '',
      'src/types.d.ts': '',
      'libs/qqmap-wx-jssdk.min.js': '',
      'libs/zepto-min.js': '',
      'libs/echarts.min.mjs': '',
      'libs/own.js': '',
      '.eslintrc.js': '',
    });
    expect(await found(root)).toEqual(['app.js', 'libs/own.js']);
  });

  test('files named on the command line are always taken', async () => {
    const root = makeProject({ 'libs/a.min.js': '', 'dist/b.js': '' });
    expect(await found(root, ['libs/a.min.js', 'dist/b.js'])).toEqual(['dist/b.js', 'libs/a.min.js']);
  });
});

describe('--ignore and --extensions', () => {
  const tree = {
    'src/a.js': '',
    'src/a.test.js': '',
    'src/legacy/b.js': '',
    'src/pages/legacy/c.ts': '',
    'src/pages/d.tsx': '',
    'src/pages/e.vue': '',
  };

  test('--ignore takes globs relative to the working folder; a glob without a slash matches at any depth', async () => {
    const root = makeProject(tree);
    expect(await found(root, ['.'], { ignore: ['src/legacy/**'] })).toEqual(['src/a.js', 'src/a.test.js', 'src/pages/d.tsx', 'src/pages/e.vue', 'src/pages/legacy/c.ts']);
    expect(await found(root, ['.'], { ignore: ['legacy', '*.test.js'] })).toEqual(['src/a.js', 'src/pages/d.tsx', 'src/pages/e.vue']);
  });

  test('--ignore is repeatable on the command line', async () => {
    const root = makeProject(tree);
    const result = await run(['--json', '--dry', '--ignore', 'legacy', '--ignore', '**/*.vue', 'src'], root);
    expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(['src/a.js', 'src/a.test.js', 'src/pages/d.tsx']);
  });

  test('--extensions limits the walk, with or without dots', async () => {
    const root = makeProject(tree);
    const result = await run(['--json', '--dry', '--extensions', 'ts,.tsx', 'src'], root);
    expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(['src/pages/d.tsx', 'src/pages/legacy/c.ts']);
  });

  test('--extensions with an extension the migration cannot parse is a usage error', async () => {
    const root = makeProject(tree);
    const result = await run(['--extensions', 'js,coffee', 'src'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not .coffee');
  });
});

describe('symbolic links', () => {
  test('a link loop does not hang the walk', async () => {
    const root = makeProject({ 'pages/a.js': '' });
    fs.symlinkSync(root, path.join(root, 'pages', 'loop'));
    fs.symlinkSync(path.join(root, 'pages'), path.join(root, 'pages', 'again'));
    fs.symlinkSync('self.js', path.join(root, 'self.js')); // a link to itself
    expect(await found(root)).toEqual(['pages/a.js']);
    const result = await run(['--json', '--dry', '.'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.files).toBe(1);
  });

  test('links that lead out of the given folders are not followed', async () => {
    const outside = makeProject({ 'secret/app.js': 'wx.stopRecord()\n', 'other.js': '' });
    const root = makeProject({ 'src/a.js': '' });
    fs.symlinkSync(path.join(outside, 'secret'), path.join(root, 'src', 'linked-folder'));
    fs.symlinkSync(path.join(outside, 'other.js'), path.join(root, 'src', 'linked-file.js'));
    expect(await found(root)).toEqual(['src/a.js']);
  });
});
