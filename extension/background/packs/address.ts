// Which hosts a share link may make the background fetch from: not loopback, private-network, link-local or local
// names — a page could otherwise use Literate to reach the reader's router or dev servers past CORS and Private
// Network Access — unless the page itself is served from that very host. Pure: works on the URL's host as the
// WHATWG parser normalized it (so 2130706433, 0x7f.1 and [::ffff:127.0.0.1] are seen as the loopback they are).
// Names that resolve to private addresses in DNS (rebinding) are beyond what a URL can tell.

/** IPv4 dotted quad → its four bytes, or null. */
function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

function privateIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 || // "this network", 0.0.0.0
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast, reserved, broadcast
  );
}

/** `[…]` IPv6 host → its eight 16-bit groups, or null. */
function ipv6(host: string): number[] | null {
  if (!host.startsWith('[') || !host.endsWith(']')) return null;
  let text = host.slice(1, -1).toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4(dotted[1] ?? '');
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    text = `${text.slice(0, -(dotted[1] ?? '').length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  const groups = [...head, ...new Array<number>(fill).fill(0), ...tail];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function privateIpv6(g: number[]): boolean {
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return true; // ::
  if (zeroTo(7) && g7 === 1) return true; // ::1
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): judge the IPv4 address inside.
  if (zeroTo(5) && (g5 === 0xffff || g5 === 0)) return privateIpv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  if ((g0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g0 & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  return false;
}

const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan'];

/**
 * True for hosts on the reader's own machine or network: loopback, private and link-local IPv4 and IPv6 (also
 * IPv4-mapped), `localhost` and `*.localhost`, local-network names (`.local`, `.internal`, `.home.arpa`, `.lan`)
 * and single-label names (intranet hosts). `host` is URL.hostname (IPv6 in brackets).
 */
export function isPrivateHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const v4 = ipv4(h);
  if (v4) return privateIpv4(v4);
  if (h.startsWith('[')) {
    const v6 = ipv6(h);
    return v6 ? privateIpv6(v6) : true; // an IPv6 literal we cannot read: refuse
  }
  if (h === '' || h === 'localhost' || !h.includes('.')) return true;
  return LOCAL_SUFFIXES.some((s) => h.endsWith(s));
}

/**
 * Why a share link may not make Literate fetch `url` for the page at `pageUrl`, or null when it may: only http(s),
 * and no private host unless the page is served from that same host.
 */
export function shareFetchRefusal(url: string, pageUrl: string | null): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'the address is not a valid URL';
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return 'only http(s) addresses can be fetched';
  if (!isPrivateHost(target.hostname)) return null;
  let pageHost: string | null = null;
  try {
    pageHost = pageUrl ? new URL(pageUrl).hostname.toLowerCase() : null;
  } catch {
    pageHost = null;
  }
  if (pageHost !== null && pageHost === target.hostname.toLowerCase()) return null;
  return `${target.hostname} is on your own computer or local network, and this page is not: Literate does not fetch from there for a page`;
}
