import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BridgeMissingError, resolveApi } from '../../../src/renderer/src/api/resolve-api';
import { BridgeMissing } from '../../../src/renderer/src/views/BridgeMissing';
import { FakeApi } from '../fake-api';

const location = new URL('http://127.0.0.1:4000/#secret=abc') as unknown as Location;

describe('choosing the transport', () => {
  it("uses the preload's bridge in the app", () => {
    const bridge = new FakeApi();
    expect(resolveApi('ipc', { parrotTray: bridge, location })).toBe(bridge);
  });

  it('never falls back to the web transport in the app when the bridge is missing', () => {
    expect(() => resolveApi('ipc', { location })).toThrow(BridgeMissingError);
  });

  it("uses the loopback bridge in the web preview, even if something set window.parrotTray", () => {
    expect(resolveApi('web', { parrotTray: new FakeApi(), location })).not.toBeInstanceOf(FakeApi);
  });

  it('tells the person what happened and what to do when the bridge is missing', () => {
    render(<BridgeMissing message={new BridgeMissingError().message} />);
    expect(screen.getByRole('alert').textContent).toMatch(/could not connect this window to the app/);
    expect(screen.getByRole('alert').textContent).toMatch(/Quit Parrot Tray .* start it again/);
  });
});
