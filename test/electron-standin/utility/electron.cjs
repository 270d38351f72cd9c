// `require('electron')` in a utility process: the objects the ESM module built (register.mjs loads it first).
const electron = globalThis[Symbol.for('electron-standin.utility')];
if (!electron) throw new Error('Electron stand-in: require("electron") before the utility register loaded the stand-in');
module.exports = electron;
