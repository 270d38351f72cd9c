// dialog (docs/api/dialog.md): the save dialog is answered by the test, which says beforehand
// what the person would choose (driver.answerSaveDialog); with no answer given, the person
// cancels. Every call is recorded with its options. Like Electron, it must wait for `ready`.
import { app } from './app.mjs';
import { guard, onCommand, report } from './runtime.mjs';

const answers = [];
onCommand('save-dialog-answer', ({ filePath }) => void answers.push(filePath ?? null));

function saveOptions(args) {
  // showSaveDialog([window, ]options): a BrowserWindow first makes the dialog modal to it.
  const options = args.length > 1 ? args[1] : args[0];
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new TypeError('dialog: options must be an object');
  return options ?? {};
}

function answer(options) {
  if (!app.isReady()) throw new Error('dialog module can only be used after app is ready');
  const filePath = answers.length > 0 ? answers.shift() : null;
  report('save-dialog', { options: JSON.parse(JSON.stringify(options)), filePath });
  // Canceled: filePath is '' (an empty string, never undefined, since Electron 28's typings).
  return filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath };
}

export const dialog = guard('dialog', {
  async showSaveDialog(...args) {
    return answer(saveOptions(args));
  },
  showSaveDialogSync(...args) {
    const { canceled, filePath } = answer(saveOptions(args));
    return canceled ? undefined : filePath;
  },
  showErrorBox(title, content) {
    report('error-box', { title: String(title), content: String(content) });
  },
});
