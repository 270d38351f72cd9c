import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Paths made unwritable this run: each must be made writable again before its folder can go. */
export class Frozen {
  private readonly paths: string[] = [];
  /** As root, a mode is no obstacle: the immutable attribute is (chattr +i); otherwise chmod. */
  readonly enforced: boolean;

  constructor() {
    this.enforced = process.getuid?.() !== 0 || hasChattr();
  }

  freeze(path: string): void {
    if (process.getuid?.() === 0) {
      if (this.enforced) execFileSync('chattr', ['+i', path]);
    } else chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    this.paths.push(path);
  }

  thaw(): void {
    for (const path of this.paths.splice(0).reverse()) {
      if (!existsSync(path)) continue;
      if (process.getuid?.() === 0) {
        if (this.enforced) execFileSync('chattr', ['-i', path]);
      } else chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
    }
  }
}

let chattr: boolean | null = null;
/** Whether this machine's file system takes the immutable attribute (root, ext4 and the like, e2fsprogs). */
function hasChattr(): boolean {
  if (chattr === null) {
    const probe = join(tmpdir(), `parrot-test-chattr-${process.pid}`);
    try {
      writeFileSync(probe, '');
      execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
      execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
      chattr = true;
    } catch {
      chattr = false;
    } finally {
      rmSync(probe, { force: true });
    }
  }
  return chattr;
}
