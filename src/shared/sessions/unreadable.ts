/**
 * What the person is told when the stream sent sessions this version could not read (PROTOCOL.md
 * section 1): one count, the same words in the CLI, the popover and the Sessions page.
 */
export function unreadableNotice(count: number): string {
  return `${count} ${count === 1 ? 'session' : 'sessions'} could not be read`;
}
