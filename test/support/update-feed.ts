import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the feed answers for latest-linux.yml: a release, a 404, or text that is not release information. */
export type FeedMode = 'release' | 'missing' | 'garbage';

/**
 * electron-updater's generic provider, served on loopback: `latest-linux.yml` naming one AppImage,
 * with its sha512 and size, and the file itself. Every request is counted, so a test can tell a
 * check from a retry storm.
 */
export class UpdateFeed {
  readonly requests: string[] = [];
  private server: Server | null = null;

  constructor(
    private mode: FeedMode,
    readonly version: string,
    /** The "new AppImage": a shell script the updater installs in place of the old one and starts. */
    readonly file: Buffer,
  ) {}

  get fileName(): string {
    return `Parrot-Tray-${this.version}.AppImage`;
  }

  get url(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    if (!port) throw new Error('the feed is not started');
    return `http://127.0.0.1:${port}/`;
  }

  setMode(mode: FeedMode): void {
    this.mode = mode;
  }

  channelRequests(): number {
    return this.requests.filter((r) => r.startsWith('/latest-linux.yml')).length;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const path = new URL(req.url ?? '/', 'http://feed').pathname;
      if (path === '/latest-linux.yml') {
        if (this.mode === 'missing') return void res.writeHead(404).end('Not Found');
        res.writeHead(200, { 'content-type': 'text/yaml' });
        return void res.end(this.mode === 'garbage' ? '<html>{{ not: [release information' : this.channelFile());
      }
      if (path === `/${this.fileName}`) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': this.file.length });
        return void res.end(this.file);
      }
      res.writeHead(404).end('Not Found');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private channelFile(): string {
    const sha512 = createHash('sha512').update(this.file).digest('base64');
    return [
      `version: ${this.version}`,
      'files:',
      `  - url: ${this.fileName}`,
      `    sha512: ${sha512}`,
      `    size: ${this.file.length}`,
      `path: ${this.fileName}`,
      `sha512: ${sha512}`,
      "releaseDate: '2026-12-01T00:00:00.000Z'",
      '',
    ].join('\n');
  }
}
