import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { ApiProvider } from '../../../src/renderer/src/api/api-context';
import type { ConnectionState } from '../../../src/shared/connection-state';
import type { Session } from '../../../src/shared/protocol';
import { NOW } from '../../shared/fixtures';
import { FakeApi, type FakeOptions } from '../fake-api';

export const OFFLINE: ConnectionState = { phase: 'stopped', nextTryAt: null, offlineSince: NOW - 60_000, reason: 'network unreachable' };

/**
 * A core holding `sessions`, with the skew set so the views' clock (useNow) and the core's read
 * NOW: fixtures are written against NOW, and real timers keep Testing Library's waits working.
 */
export function coreAt(sessions: Session[], options: FakeOptions = {}): FakeApi {
  return new FakeApi(sessions, { skewMs: NOW - Date.now(), ...options });
}

/** The page's count ("3 sessions"), one of its two status regions (the other is the connection's). */
export const countText = () => screen.getAllByRole('status').find((s) => s.classList.contains('sessions-count'))?.textContent;

export function renderWithApi(ui: ReactElement, api: FakeApi = new FakeApi()) {
  return { api, ...render(ui, { wrapper: ({ children }) => <ApiProvider api={api}>{children}</ApiProvider> }) };
}

/**
 * happy-dom lays nothing out, so every box measures 0 and a virtualizer would show one row (or,
 * with zero-height rows, all of them). Give scroll boxes a viewport and rows a height.
 */
export function stubLayout({ viewport = 600, row = 60 }: { viewport?: number; row?: number } = {}): void {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(viewport);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(row);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(800);
  // A scroll box is as tall as its content: the virtualizer's sizer sets that height inline.
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    const height = parseFloat((this.firstElementChild as HTMLElement | null)?.style.height ?? '');
    return Number.isNaN(height) ? viewport : Math.max(height, viewport);
  });
  // A browser answers a programmatic scroll with a scroll event on the next frame; happy-dom does not.
  vi.spyOn(Element.prototype, 'scrollTo').mockImplementation(function (this: Element, ...args: unknown[]) {
    const top = typeof args[0] === 'object' && args[0] !== null ? (args[0] as ScrollToOptions).top : (args[1] as number | undefined);
    if (top !== undefined) this.scrollTop = top;
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  });
}
