import { vi } from 'vitest';

// jsdom has no object URLs: a download's Blob, what the user gets, is caught here instead, in the
// order the downloads were made. setup.ts takes the stubs away after each test.
export function catchDownloads(): Blob[] {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  return blobs;
}
