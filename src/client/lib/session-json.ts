import type { z } from 'zod';

// A value this tab keeps as JSON in sessionStorage under `key`, checked with `schema` when read back.
// What it holds is a convenience the page works without, so nothing here throws: storage full or
// turned off keeps nothing, and a value that does not read (bad JSON, written by another version)
// reads as null.
export type SessionJson<T> = {
  read(): T | null;
  write(value: T): void;
};

export function sessionJson<T>(key: string, schema: z.ZodType<T>): SessionJson<T> {
  return {
    read() {
      try {
        const text = sessionStorage.getItem(key);
        if (text === null) return null;
        const parsed = schema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write(value) {
      try {
        sessionStorage.setItem(key, JSON.stringify(value));
      } catch {
        // Storage full or turned off: the value is not kept.
      }
    },
  };
}
