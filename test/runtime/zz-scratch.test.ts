import { compareBehaviour, describeDifference, appliedNormalisers, describeRoles } from './compare';
test('promise form', async () => {
  const input = { filename: '/x/p.input.js', code: `
export async function recordOnce() { const res = await wx.startRecord(); console.log('got', res.tempFilePath) }
export function stopIt() { wx.stopRecord() }` };
  const output = { filename: '/x/p.output.js', code: `
const recorderManager = wx.getRecorderManager()
export async function recordOnce() { const res = await new Promise((resolve, reject) => { recorderManager.onStop(resolve); recorderManager.onError(reject); recorderManager.start({ duration: 60000 }) }); console.log('got', res.tempFilePath) }
export function stopIt() { recorderManager.stop() }` };
  const r = await compareBehaviour(input, output);
  const lines = [...r.problems];
  for (const c of r.comparisons) {
    lines.push(`${c.equal ? 'EQ ' : 'DIFF'} ${c.unit} ${describeRoles(c.roles)} ${c.scenario.id} applied=${appliedNormalisers(c)} tagged=${c.tagged.length}`);
    if (!c.equal) lines.push(describeDifference(c));
  }
  console.log(lines.join('\n'));
});
