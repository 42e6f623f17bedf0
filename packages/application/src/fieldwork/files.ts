import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createReadStream, type ReadStream } from 'node:fs';
import { join } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkId(value: string, what: string): string {
  if (!UUID.test(value)) throw new Error(`${what} is not a UUID: ${value}`);
  return value;
}

/**
 * Attachment bytes on disk at `<root>/<tenantId>/<attachmentId>` (the server passes
 * `<AFTERCARE_DATA_DIR>/attachments`). Only UUIDs make paths, so nothing from a request reaches the
 * file system. Writes go through a batch so that a command that fails removes what it wrote.
 */
export class AttachmentFiles {
  constructor(readonly root: string) {}

  pathOf(tenantId: string, id: string): string {
    return join(this.root, checkId(tenantId, 'tenantId'), checkId(id, 'attachment id'));
  }

  /** A batch for one command: `discard()` after a failed transaction removes its files. */
  batch(): FileBatch {
    return new FileBatch(this);
  }

  async read(tenantId: string, id: string): Promise<Buffer> {
    return readFile(this.pathOf(tenantId, id));
  }

  stream(tenantId: string, id: string): ReadStream {
    return createReadStream(this.pathOf(tenantId, id));
  }
}

export class FileBatch {
  private readonly written: string[] = [];
  constructor(readonly files: AttachmentFiles) {}

  async put(tenantId: string, id: string, bytes: Uint8Array): Promise<void> {
    const path = this.files.pathOf(tenantId, id);
    await mkdir(join(this.files.root, tenantId), { recursive: true });
    // `wx`: an id is never written twice.
    await writeFile(path, bytes, { flag: 'wx' });
    this.written.push(path);
  }

  async discard(): Promise<void> {
    await Promise.all(this.written.splice(0).map((p) => rm(p, { force: true })));
  }
}
