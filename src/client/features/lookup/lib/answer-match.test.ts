import { describe, expect, it } from 'vitest';
import { matchAnswerToForm } from './answer-match';

const TOKEN = 'link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const OTHER = 'link-sandbox-ffffffff-ffff-4fff-bfff-ffffffffffff';
const EMPTY = { link_token: '', client_id: '', secret: '' };

describe('matchAnswerToForm', () => {
  it('is current while the form holds what was looked up, however it is written', () => {
    expect(matchAnswerToForm({ ...EMPTY, link_token: TOKEN }, { link_token: TOKEN })).toBe('current');
    expect(
      matchAnswerToForm({ ...EMPTY, link_token: ` ${TOKEN.toUpperCase()} ` }, { link_token: TOKEN }),
    ).toBe('current');
    expect(
      matchAnswerToForm(
        { link_token: TOKEN, client_id: ' id ', secret: 'secret' },
        { link_token: TOKEN, client_id: 'id', secret: 'secret' },
      ),
    ).toBe('current');
  });

  it.each([
    ['another token', OTHER],
    ['a half-typed token', TOKEN.slice(0, 20)],
    ['an access token', 'access-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'],
    ['text', 'hello world'],
    ['nothing', ''],
  ])('belongs to another token once the field holds %s', (_name, typed) => {
    expect(matchAnswerToForm({ ...EMPTY, link_token: typed }, { link_token: TOKEN })).toBe('other-token');
  });

  it('was given for other credentials once they are typed, changed or cleared', () => {
    const usedNone = { link_token: TOKEN };
    const usedSome = { link_token: TOKEN, client_id: 'id', secret: 'secret' };
    expect(matchAnswerToForm({ link_token: TOKEN, client_id: '', secret: 'bad' }, usedNone)).toBe(
      'other-credentials',
    );
    expect(matchAnswerToForm({ link_token: TOKEN, client_id: 'id', secret: 'other' }, usedSome)).toBe(
      'other-credentials',
    );
    expect(matchAnswerToForm({ ...EMPTY, link_token: TOKEN }, usedSome)).toBe('other-credentials');
  });
});
