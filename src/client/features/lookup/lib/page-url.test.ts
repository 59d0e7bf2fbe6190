import { describe, expect, it } from 'vitest';
import { linkTokenFromUrl, shareableLink, urlForLookup, withoutCredentials } from './page-url';

const TOKEN = 'link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('page URL', () => {
  it('reads the link token, trimmed', () => {
    expect(linkTokenFromUrl(`http://127.0.0.1:3000/?link_token=%20${TOKEN}%20`)).toBe(TOKEN);
    expect(linkTokenFromUrl('http://127.0.0.1:3000/')).toBe('');
  });

  it('removes client_id and secret and keeps everything else', () => {
    expect(withoutCredentials(`http://h/?link_token=${TOKEN}&client_id=abc&secret=xyz#top`)).toBe(
      `http://h/?link_token=${TOKEN}#top`,
    );
    expect(withoutCredentials(`http://h/?link_token=${TOKEN}`)).toBeNull();
  });

  it('builds a shareable link with the token only', () => {
    expect(shareableLink('http://127.0.0.1:3000', TOKEN)).toBe(`http://127.0.0.1:3000/?link_token=${TOKEN}`);
  });

  it('names each newly looked-up token, and nothing else changes', () => {
    const other = 'link-production-ffffffff-ffff-4fff-bfff-ffffffffffff';
    expect(urlForLookup('http://h/', TOKEN)).toBe(`http://h/?link_token=${TOKEN}`);
    expect(urlForLookup(`http://h/?link_token=${TOKEN}#top`, other)).toBe(`http://h/?link_token=${other}#top`);
    expect(urlForLookup(`http://h/?link_token=${TOKEN}`, ` ${TOKEN.toUpperCase()}`)).toBeNull();
  });
});
