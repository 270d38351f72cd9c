import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BridgeMissingError, bridgeApi } from '../../../src/renderer/src/api/bridge-api';
import { BridgeMissing } from '../../../src/renderer/src/views/BridgeMissing';
import { FakeApi } from '../fake-api';

describe("the app's transport", () => {
  it("is the preload's bridge", () => {
    const bridge = new FakeApi();
    expect(bridgeApi({ parrotTray: bridge })).toBe(bridge);
  });

  it('is an error, never another transport, when the bridge is missing', () => {
    expect(() => bridgeApi({})).toThrow(BridgeMissingError);
  });

  it('tells the person what happened and what to do when the bridge is missing', () => {
    render(<BridgeMissing message={new BridgeMissingError().message} />);
    expect(screen.getByRole('alert').textContent).toMatch(/could not connect this window to the app/);
    expect(screen.getByRole('alert').textContent).toMatch(/Quit Parrot Tray .* start it again/);
  });
});
