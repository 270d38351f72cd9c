// Notification (docs/api/notification.md) as on Linux (libnotify_notification.cc): options are
// recorded, show() emits 'show', a click emits 'click', close() / a dismissal emit 'close', and
// buttons are not added on Linux: only the default action (a click) exists, so 'action' is never
// emitted. With the launch option platform 'win32', pressing an action emits 'action' with the
// documented details ({ actionIndex, selectionIndex: -1 }, then the deprecated positional index),
// and 'close' carries its Windows-only `reason`. Nothing reaches the desktop.
import { EventEmitter } from 'node:events';
import { toImage } from './native-image.mjs';
import { electronEvent, guard, onCommand, options, report } from './runtime.mjs';

const shown = new Map();
const WINDOWS = process.platform === 'win32';
let nextId = 1;

export class Notification extends EventEmitter {
  static isSupported() { return options.notificationsSupported ?? true; }
  constructor(opts = {}) {
    super();
    this._id = nextId++;
    this._options = { ...opts };
    for (const key of ['title', 'subtitle', 'body', 'silent', 'hasReply', 'replyPlaceholder', 'sound', 'urgency', 'closeButtonText', 'toastXml', 'timeoutType', 'actions', 'id', 'groupId']) this[key] = opts[key];
    this.title ??= '';
    this.body ??= '';
    this.actions ??= [];
    this._icon = opts.icon ? toImage(opts.icon) : null;
    return guard('Notification', this);
  }
  show() {
    shown.set(this._id, this);
    report('notification', this._describe());
    this.emit('show', electronEvent());
  }
  close(reason = 'applicationHidden') {
    if (!shown.delete(this._id)) return;
    report('notification-closed', { id: this._id });
    this.emit('close', electronEvent(WINDOWS ? { reason } : {}));
  }
  _describe() {
    const { icon, ...rest } = this._options;
    return { id: this._id, ...JSON.parse(JSON.stringify(rest)), title: this.title, body: this.body, icon: this._icon?._describe() ?? null };
  }
}

function find(id) {
  const n = shown.get(id);
  if (!n) throw new Error(`no notification ${id} is showing`);
  return n;
}
onCommand('notifications', () => [...shown.values()].map((n) => n._describe()));
onCommand('notification-click', ({ id }) => {
  const n = find(id);
  n.emit('click', electronEvent());
});
onCommand('notification-dismiss', ({ id }) => find(id).close('userCanceled'));
onCommand('notification-action', ({ id, index }) => {
  const n = find(id);
  if (!WINDOWS) throw new Error("notification actions are macOS/Windows only: on Linux Electron adds only libnotify's default action, so 'action' is never emitted");
  if (!Number.isInteger(index) || index < 0 || index >= n.actions.length) throw new Error(`notification ${id} has no action ${index}`);
  // Windows takes the toast off screen once one of its buttons is pressed.
  shown.delete(n._id);
  report('notification-closed', { id: n._id });
  n.emit('action', electronEvent({ actionIndex: index, selectionIndex: -1 }), index, -1);
});

export const NotificationGuarded = guard('Notification', Notification);
