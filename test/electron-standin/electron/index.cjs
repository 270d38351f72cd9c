// `require('electron')` from CommonJS: the objects the ESM stand-in built (register.mjs loads it first).
const electron = globalThis[Symbol.for('electron-standin.module')];
if (!electron) throw new Error('Electron stand-in: require("electron") before register.mjs loaded the stand-in');
module.exports = electron;
