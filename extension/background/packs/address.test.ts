import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPrivateHost, shareFetchRefusal } from './address';

const host = (url: string) => new URL(url).hostname;

describe('isPrivateHost', () => {
  it('treats loopback, private, link-local and local names as private, as the URL parser normalizes them', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://127.1.2.3:8080/',
      'http://2130706433/', // 127.0.0.1 as one number
      'http://0x7f.1/',
      'http://0.0.0.0/',
      'http://10.1.2.3/',
      'http://172.16.0.1/',
      'http://172.31.255.255/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://[::1]/',
      'http://[::]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:10.0.0.1]/',
      'http://[::ffff:c0a8:101]/',
      'http://[fc00::1]/',
      'http://[fd12:3456::1]/',
      'http://[fe80::1]/',
      'http://localhost:3000/',
      'http://LOCALHOST/',
      'http://app.localhost/',
      'http://printer.local/',
      'http://router/',
      'http://nas.home.arpa/',
      'http://localhost./',
    ])
      expect(isPrivateHost(host(url)), url).toBe(true);
  });

  it('leaves public addresses alone', () => {
    for (const url of [
      'https://example.org/',
      'https://8.8.8.8/',
      'https://172.32.0.1/',
      'https://172.15.0.1/',
      'https://192.169.0.1/',
      'https://[2001:db8::1]/',
      'https://[::ffff:8.8.8.8]/',
      'https://storage.googleapis.com/tfjs-models/x.json',
      'https://localhost.example.org/',
    ])
      expect(isPrivateHost(host(url)), url).toBe(false);
  });

  it('every IPv4 address in the private ranges is private, however it is written', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(
        fc.constantFrom([10], [127], [192, 168], [169, 254], [172, 16], [172, 31]),
        octet,
        octet,
        (prefix, c, d) => {
          const bytes = [...prefix, c, d, d].slice(0, 4);
          const n = bytes.reduce((v, b) => v * 256 + b, 0);
          for (const form of [
            bytes.join('.'),
            String(n),
            `0x${n.toString(16)}`,
            `[::ffff:${bytes.join('.')}]`,
          ])
            expect(isPrivateHost(host(`http://${form}/`)), form).toBe(true);
        },
      ),
    );
  });
});

describe('shareFetchRefusal', () => {
  it('refuses private hosts unless the page is served from that host', () => {
    expect(shareFetchRefusal('http://127.0.0.1:9000/p.json', 'https://evil.example/')).toMatch(
      /local network/,
    );
    expect(shareFetchRefusal('http://127.0.0.1:9000/p.json', 'http://127.0.0.1:8321/demo.html')).toBeNull();
    expect(shareFetchRefusal('http://localhost/p.json', 'http://127.0.0.1/demo.html')).not.toBeNull();
    expect(shareFetchRefusal('http://192.168.1.1/admin', null)).not.toBeNull();
    expect(shareFetchRefusal('https://packs.example.org/p.json', 'https://evil.example/')).toBeNull();
    expect(shareFetchRefusal('file:///etc/passwd', 'https://evil.example/')).not.toBeNull();
    expect(shareFetchRefusal('not a url', null)).not.toBeNull();
  });
});
