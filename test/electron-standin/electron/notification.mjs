// Notification (docs/api/notification.md) as on Linux (libnotify_notification.cc): options are
// recorded, show() emits 'show', a click emits 'click', close() / a dismissal emit 'close', and
// buttons are not added on Linux: only the default action (a click) exists, so 'action' is never
// emitted. With the launch option platform 'win32', pressing an action emits 'action' with the
// documented details ({ actionIndex, selectionIndex: -1 }, then the deprecated positional index),
// and 'close' carries its Windows-only `reason`. Nothing reaches the desktop.
import { EventEmitter } from 'node:events';
import { toImage } from './native-image.mjs';
import { electronEvent, guard, onCommand, options, report } from './runtime.mjs';

// Electron keeps no reference to a shown Notification: one the app lets go of is collected, its
// toast stays up, and its events are lost (why apps keep references). So only a description and a
// WeakRef are kept here: a stand-in that held every notification grew main by the hundreds an hour.
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
    const described = this._describe();
    shown.set(this._id, { ref: new WeakRef(this), described });
    report('notification', described);
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

/** The notification showing as `id`, or null when the app let it go and it was collected. */
function find(id) {
  const entry = shown.get(id);
  if (!entry) throw new Error(`no notification ${id} is showing`);
  return entry.ref.deref() ?? null;
}
function closeCollected(id) {
  shown.delete(id);
  report('notification-closed', { id });
}
onCommand('notifications', () => [...shown.values()].map((entry) => entry.described));
onCommand('notification-click', ({ id }) => {
  const n = find(id);
  if (n) n.emit('click', electronEvent());
});
onCommand('notification-dismiss', ({ id }) => {
  const n = find(id);
  if (n) n.close('userCanceled');
  else closeCollected(id);
});
onCommand('notification-action', ({ id, index }) => {
  if (!WINDOWS) throw new Error("notification actions are macOS/Windows only: on Linux Electron adds only libnotify's default action, so 'action' is never emitted");
  const n = find(id);
  if (!n) return closeCollected(id);
  if (!Number.isInteger(index) || index < 0 || index >= n.actions.length) throw new Error(`notification ${id} has no action ${index}`);
  // Windows takes the toast off screen once one of its buttons is pressed.
  shown.delete(n._id);
  report('notification-closed', { id: n._id });
  n.emit('action', electronEvent({ actionIndex: index, selectionIndex: -1 }), index, -1);
});

export const NotificationGuarded = guard('Notification', Notification);
