import type { Random } from './random';

/** A set of ids with O(1) add, delete and uniform random pick (swap-remove over an array). */
export class IdPool {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  add(id: string): void {
    if (this.index.has(id)) return;
    this.index.set(id, this.ids.length);
    this.ids.push(id);
  }

  delete(id: string): void {
    const at = this.index.get(id);
    if (at === undefined) return;
    const last = this.ids.pop()!;
    this.index.delete(id);
    if (last !== id) {
      this.ids[at] = last;
      this.index.set(last, at);
    }
  }

  pick(rng: Random): string | undefined {
    return this.ids.length ? this.ids[Math.floor(rng.next() * this.ids.length)] : undefined;
  }
}
