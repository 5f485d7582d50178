import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examples, tempDir } from './harness.js';

describe('--output to a pipe or a device', () => {
  it('writes into a FIFO instead of renaming a file over it (as -o /dev/null or /dev/stdout would be)', async () => {
    const fifo = join(tempDir(), 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reader = new Promise<string>((resolve, reject) => {
      createReadStream(fifo)
        .on('data', (chunk) => chunks.push(chunk as Buffer))
        .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        .on('error', reject);
    });
    const result = await cli(['plan', join(examples, 'sample_service_migration.json'), '-o', fifo]);
    expect(result.code).toBe(0);
    expect(JSON.parse(await reader).migration_type).toBe('service');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
