// Run synchronously by a second instance (execFileSync): sends stdin to the primary's port and
// waits for its acknowledgement, so requestSingleInstanceLock() can return only afterwards.
import { connect } from 'node:net';
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const socket = connect(Number(process.argv[2]), '127.0.0.1', () => socket.end(input));
  socket.on('data', () => process.exit(0));
  socket.on('error', () => process.exit(1));
});
