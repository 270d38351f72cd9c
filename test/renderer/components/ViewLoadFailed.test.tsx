import { render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewLoadFailed } from '../../../src/renderer/src/views/ViewLoadFailed';

afterEach(() => vi.restoreAllMocks());

describe('a view whose chunk cannot load', () => {
  it('says so in words with a way back, instead of a blank window', async () => {
    // React reports the caught error on the console; the test reads it from the page instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const message = 'Failed to fetch dynamically imported module: /assets/SessionsPage-x.js';
    const Broken = lazy(() => Promise.reject(new Error(message)));
    const onBack = vi.fn();
    render(
      <ViewLoadFailed onBack={onBack}>
        <Suspense fallback={null}>
          <Broken />
        </Suspense>
      </ViewLoadFailed>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This view could not load');
    expect(alert.textContent).toContain(message);
    screen.getByRole('button', { name: 'Back to Command Center' }).click();
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('shows the view itself when it loads', async () => {
    const Fine = lazy(() => Promise.resolve({ default: () => <p>Sessions</p> }));
    render(
      <ViewLoadFailed onBack={() => undefined}>
        <Suspense fallback={null}>
          <Fine />
        </Suspense>
      </ViewLoadFailed>,
    );
    expect((await screen.findByText('Sessions')).tagName).toBe('P');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
