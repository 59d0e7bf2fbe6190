import { describe, expect, it } from 'vitest';
import { unreachableWebhookReason } from './webhook-address';

describe('unreachableWebhookReason', () => {
  it.each([
    ['http://localhost:3000/plaid', 'localhost'],
    ['https://LOCALHOST./plaid', 'localhost'],
    ['https://api.localhost/plaid', 'an internal-only name (.localhost)'],
    ['https://printer.local/hook', 'an internal-only name (.local)'],
    ['https://webhooks.acme.internal/plaid', 'an internal-only name (.internal)'],
    ['http://127.0.0.1:8080/hook', 'a loopback address'],
    ['http://2130706433/hook', 'a loopback address'],
    ['https://10.0.4.2/hook', 'a private address (10.0.0.0/8)'],
    ['https://172.16.0.1/hook', 'a private address (172.16.0.0/12)'],
    ['https://172.31.255.255/hook', 'a private address (172.16.0.0/12)'],
    ['https://192.168.1.20/hook', 'a private address (192.168.0.0/16)'],
    ['https://169.254.169.254/latest', 'a link-local address'],
    ['https://100.64.0.1/hook', 'a carrier-grade NAT address (100.64.0.0/10)'],
    ['https://0.0.0.0/hook', 'a “this network” address'],
    ['https://[::1]/hook', 'a loopback address'],
    ['https://[::]/hook', 'the unspecified address'],
    ['https://[fe80::1]/hook', 'a link-local address'],
    ['https://[fd12:3456::1]/hook', 'a private (unique local) address'],
    ['https://[::ffff:192.168.0.1]/hook', 'a private address (192.168.0.0/16)'],
    ['not a url', 'not a valid URL'],
    ['ftp://example.com/hook', 'not a web address (ftp:)'],
  ])('%s: %s', (url, reason) => {
    expect(unreachableWebhookReason(url)).toBe(reason);
  });

  it.each([
    'https://example.com/plaid/webhook',
    'http://api.acme.example/hook',
    'https://172.32.0.1/hook',
    'https://8.8.8.8/hook',
    'https://[2001:db8::1]/hook',
    'https://[::ffff:8.8.8.8]/hook',
    'https://local.example.com/hook',
    'https://internal.example.com/hook',
  ])('finds nothing wrong with %s', (url) => {
    expect(unreachableWebhookReason(url)).toBeNull();
  });
});
