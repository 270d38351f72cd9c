// Finds, among the pages a CDP connection sees, the one that is a given window: the stand-in
// reports each window's CDP target id, and a page's own id comes from Target.getTargetInfo.
import type { Browser, Page } from 'playwright-core';

export async function findPage(browser: Browser, targetId: string, timeout = 10_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of browser.contexts().flatMap((c) => c.pages())) {
      const session = await page.context().newCDPSession(page);
      const info = (await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
      await session.detach().catch(() => {});
      if (info.targetInfo.targetId === targetId) return page;
    }
    // A window made a moment ago may not have reached this connection yet.
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no CDP page for target ${targetId}`);
}
