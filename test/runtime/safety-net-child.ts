// A process with the safety net, then failures nothing catches: a throw in a timer, a rejected
// promise nobody awaits, a JSON parse error quoting its input, an error carrying a token. It must
// log each (none of the text), keep running, and end by itself with code 0, unless `storm` asks for a storm.
import { installSafetyNet } from '../../src/main/core/runtime/safety-net';

const storm = process.argv[2] === 'storm';
const net = installSafetyNet(process, { name: 'child', log: (l) => process.stderr.write(`${l}\n`), giveUp: (code) => process.exit(code) });
const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

setTimeout(() => {
  throw new TypeError('boom in a timer');
}, 5);
void Promise.reject(new Error(`backend said no to ${token}`));
setTimeout(() => JSON.parse('{"title":"a private transcript line that must not be logged"'), 10);
setTimeout(() => JSON.parse('Approve payroll for Alice'), 12);
if (storm) for (let i = 0; i < 12; i++) setTimeout(() => { throw new RangeError(`storm ${i}`); }, 20 + i);
setTimeout(() => {
  process.stdout.write(`alive ${JSON.stringify(net.counts)}\n`);
}, 200);
