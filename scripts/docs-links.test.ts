import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every relative link in README.md and docs/*.md must lead somewhere: the file exists and, when the
// link names a heading (#anchor) of a Markdown file, that heading exists. Sections move between
// documents; this catches the links they leave behind.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

// Links outside code: fenced blocks and inline code spans are not Markdown links.
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!);
}

// The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces to
// hyphens, and -1, -2, … for repeats.
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, heading] of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

function brokenLinks(document: string): string[] {
  const path = join(root, document);
  const problems: string[] = [];
  for (const target of linkTargets(readFileSync(path, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, …: not ours to check
    const [file = '', anchor] = target.split('#');
    const linked = file === '' ? path : resolve(dirname(path), decodeURIComponent(file));
    if (!existsSync(linked)) {
      problems.push(`${document}: ${target} (no file ${relative(root, linked)})`);
    } else if (anchor !== undefined && linked.endsWith('.md')) {
      if (!headingAnchors(readFileSync(linked, 'utf8')).has(anchor)) {
        problems.push(`${document}: ${target} (no heading #${anchor} in ${relative(root, linked)})`);
      }
    }
  }
  return problems;
}

describe('relative links in README.md and docs/', () => {
  it.each(documents)('%s: every relative link and anchor resolves', (document) => {
    expect(brokenLinks(document)).toEqual([]);
  });
});

describe('heading anchors', () => {
  it('are made the way GitHub makes them', () => {
    const anchors = headingAnchors(
      '# API\n## `POST /api/link/token/get`\n## Which credentials a lookup uses\n' +
        '## In every `npm test`\n## Notes\n## Notes\n```sh\n# not a heading\n```\n',
    );
    expect([...anchors]).toEqual([
      'api',
      'post-apilinktokenget',
      'which-credentials-a-lookup-uses',
      'in-every-npm-test',
      'notes',
      'notes-1',
    ]);
  });
});
