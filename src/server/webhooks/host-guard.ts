// Where a delivery may connect, decided when it is sent (not only when the endpoint was registered):
// a name that resolved to a public address at registration can resolve to 127.0.0.1 or a cloud
// metadata address later (DNS rebinding), so each delivery resolves the host itself, checks every
// address, and connects to the address it checked (deliver-http.ts), never resolving again.
//
// The operator's allowlist TRUCELINE_WEBHOOK_HOSTS is a comma list of
//   - host names ("hooks.example.org"), or "*.example.org" for its subdomains;
//   - IP addresses ("127.0.0.1") or CIDR ranges ("10.20.0.0/16", "fd00::/8").
// Unset, any host is allowed. Addresses in private, loopback, link-local and other special ranges
// (RFC 6890's special-purpose registries: the ones no public receiver has) are refused unless the
// operator allowed them: by listing the address or a range holding it, or by listing the URL's host
// name exactly (the operator vouches for that name's DNS; a wildcard does not).
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export type Lookup = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/** RFC 6890 special-purpose and private ranges: nothing a receiver on the internet uses. */
const SPECIAL: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'], // private (RFC 1918)
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12, 'ipv4'], // private
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.168.0.0', 16, 'ipv4'], // private
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'], // unspecified
  ['::1', 128, 'ipv6'], // loopback
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['ff00::', 8, 'ipv6'], // multicast
];
const special = new BlockList();
for (const [net, prefix, type] of SPECIAL) special.addSubnet(net, prefix, type);

/** An IPv4 address written as IPv6 (::ffff:a.b.c.d) is checked as the IPv4 address it is. */
function plain(address: string): { address: string; type: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return { address: mapped[1]!, type: 'ipv4' };
  return { address, type: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export function isSpecialAddress(address: string): boolean {
  const a = plain(address);
  return special.check(a.address, a.type);
}

export interface HostPolicy {
  /** Exact host names, lower case. */
  names: Set<string>;
  /** "*.x" entries, as ".x". */
  suffixes: string[];
  /** Listed addresses and ranges. */
  addresses: BlockList;
  /** Whether the list is set at all (unset: any host, public addresses only). */
  listed: boolean;
  /** The list as written, for messages. */
  text: string;
}

export function hostPolicy(env: NodeJS.ProcessEnv = process.env): HostPolicy {
  const text = env.TRUCELINE_WEBHOOK_HOSTS ?? '';
  const entries = text
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const p: HostPolicy = {
    names: new Set(),
    suffixes: [],
    addresses: new BlockList(),
    listed: entries.length > 0,
    text,
  };
  for (const e of entries) {
    const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(e);
    if (cidr && isIP(cidr[1]!)) {
      const a = plain(cidr[1]!);
      p.addresses.addSubnet(a.address, Number(cidr[2]), a.type);
    } else if (isIP(e.replace(/^\[|\]$/g, ''))) {
      const a = plain(e.replace(/^\[|\]$/g, ''));
      p.addresses.addAddress(a.address, a.type);
    } else if (e.startsWith('*.')) p.suffixes.push(e.slice(1));
    else p.names.add(e);
  }
  return p;
}

/** The URL's host without IPv6 brackets, lower case. */
export function urlHost(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

const listedAddress = (p: HostPolicy, address: string) => {
  const a = plain(address);
  return p.addresses.check(a.address, a.type);
};

/** Whether the URL's host is allowed by name (registration and delivery both ask). */
export function hostAllowedBy(url: string, p: HostPolicy): boolean {
  if (!p.listed) return true;
  const host = urlHost(url);
  if (isIP(host)) return listedAddress(p, host);
  return p.names.has(host) || p.suffixes.some((s) => host.endsWith(s));
}

export class HostRefused extends Error {}

/**
 * Resolves the URL's host and returns the address to connect to: the first one the policy allows.
 * Refuses (HostRefused, naming the host, the address and the way out) when the host is not on the
 * list, or when it resolves only to special addresses the operator did not allow.
 */
export async function deliveryAddress(
  url: string,
  p: HostPolicy,
  lookup: Lookup = systemLookup,
): Promise<{ address: string; family: number }> {
  const host = urlHost(url);
  if (!hostAllowedBy(url, p))
    throw new HostRefused(
      `not delivered: ${host} is no longer among the hosts the operator allows (TRUCELINE_WEBHOOK_HOSTS=${p.text})`,
    );
  const found = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host);
  if (found.length === 0) throw new HostRefused(`not delivered: ${host} has no address`);
  const vouched = !isIP(host) && p.names.has(host);
  for (const a of found)
    if (!isSpecialAddress(a.address) || vouched || listedAddress(p, a.address)) return a;
  throw new HostRefused(
    `not delivered: ${host} resolves to ${found.map((a) => a.address).join(', ')}, ` +
      `a private or special address; an operator who means it lists the host or its address in TRUCELINE_WEBHOOK_HOSTS`,
  );
}
