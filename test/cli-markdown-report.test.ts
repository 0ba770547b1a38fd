import MarkdownIt from 'markdown-it';
import { makeProject, read, removeTempDirs, runCli } from './support/cli-project';

/**
 * `--report-md`: a review report to paste into a pull request. Rendered here with
 * markdown-it in its GitHub-flavoured setup (tables, as GitHub and GitLab render them):
 * the counts, every site in one table, the device checklist, the added shim file.
 */
afterAll(removeTempDirs);

const PAGES = {
  'app.json': '{}\n',
  'pages/voice/voice.js': "Page({\n  start() {\n    wx.startRecord({ success: (res) => this.setData({ src: res.tempFilePath }), fail: () => wx.showToast({ title: '失败|重试' }) })\n  },\n  stop() { wx.stopRecord() },\n})\n",
  'pages/quiz/quiz.js': "Page({\n  async answer() {\n    const res = await wx.startRecord()\n    this.setData({ f: res.tempFilePath })\n  },\n  done() { wx.stopRecord() },\n})\n",
  'pages/douyin/douyin.js': 'tt.startRecord()\n',
};

test('renders as a table of sites, a checklist of what to test on a device, and the files added', async () => {
  const root = makeProject(PAGES);
  const result = await runCli(['--force', '--report-md', 'review.md', '.'], root);
  expect(result.code).toBe(0);
  const markdown = read(root, 'review.md');
  const html = new MarkdownIt({ html: false }).render(markdown);
  expect(html).toContain('<h2>startRecord → getRecorderManager migration</h2>');
  // One table, a row per site, the reason as text (the | in a reason stays in its cell).
  expect(html.match(/<table>/g)).toHaveLength(1);
  expect(html).toContain('<td><code>pages/voice/voice.js:3</code></td>');
  expect(html).toContain('<td><code>pages/quiz/quiz.js:3</code></td>');
  // A header row and the four mini-program sites; the tt call (ignored) is not a review item.
  expect((html.match(/<tr>/g) ?? []).length).toBe(1 + 4);
  expect(html).toMatch(/<td>shimmed<\/td>\s*<td>the value of startRecord/);
  // The device checklist (task-list items) and the added shim file.
  expect(html).toContain('<li>[ ] The recording is now <strong>aac</strong>');
  expect(html).toContain('past <strong>60 s</strong>');
  expect(html).toContain('<li><code>startrecord-shim.js</code>: the runtime shim, imported by 1 file');
  expect(markdown).toContain('**2** files changed');
});

test('a dry run writes the report too, and says nothing was written', async () => {
  const root = makeProject(PAGES);
  await runCli(['--dry', '--report-md', 'review.md', '.'], root);
  expect(read(root, 'review.md')).toContain('Preview (nothing written)');
  expect(read(root, 'pages/quiz/quiz.js')).toBe(PAGES['pages/quiz/quiz.js']);
});

test('playback calls get a section of their own and their device checks; none without them', async () => {
  const root = makeProject({
    'app.json': '{}\n',
    'pages/echo/echo.js':
      "Page({\n  rec() { wx.startRecord({ success: (res) => { this.p = res.tempFilePath } }) },\n  end() { wx.stopRecord() },\n  play() {\n    wx.playVoice({ filePath: this.p, complete: () => this.setData({ on: false }) })\n  },\n  pause() {\n    wx.pauseVoice()\n  },\n})\n",
    'pages/inbox/inbox.js': "Page({\n  play(e) {\n    wx.playVoice({ filePath: e.currentTarget.dataset.path })\n  },\n})\n",
  });
  expect((await runCli(['--force', '--report-md', 'review.md', '.'], root)).code).toBe(0);
  const html = new MarkdownIt({ html: false }).render(read(root, 'review.md'));
  expect(html).toContain('<h3>Playback</h3>');
  expect(html).toContain('3 playback calls (<code>playVoice</code>, <code>pauseVoice</code>, <code>stopVoice</code>): 2 moved');
  // Its complete must also answer when a play is cut short: the shim.
  expect(html).toMatch(/<li><code>pages\/echo\/echo.js:5<\/code> <code>playVoice<\/code>: shimmed \(its complete callback answers/);
  expect(html).toMatch(/<li><code>pages\/inbox\/inbox.js:3<\/code> <code>playVoice<\/code>: skipped \(this file does not record/);
  expect(html).toContain('<li>[ ] Pause, then play again (it resumes)');

  const recordOnly = makeProject({ 'app.json': '{}\n', 'pages/a/a.js': "Page({\n  a() { wx.stopRecord() },\n})\n" });
  await runCli(['--force', '--report-md', 'review.md', '.'], recordOnly);
  const plain = read(recordOnly, 'review.md');
  expect(plain).not.toContain('### Playback');
  expect(plain).not.toContain('Pause, then play again');
});
