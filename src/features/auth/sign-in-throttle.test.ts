import { describe, expect, it } from 'vitest';
import { signInPlace } from './sign-in-throttle.js';

const place = (remoteAddress: string | undefined) =>
  signInPlace({ organisation: { id: 'o', slug: 'o', timeZone: 'Europe/Stockholm' }, remoteAddress }, 'anna@example.se');

describe('the place a sign-in comes from', () => {
  it('counts an IPv6 address as its /64, so a client cannot rotate within its own network', () => {
    expect(place('2001:db8:1:2::1')).toEqual(place('2001:0db8:0001:0002:abcd:ef01:2345:6789'));
    expect(place('2001:db8:1:2::1').address).toBe('2001:db8:1:2::/64');
    expect(place('2001:db8:1:3::1')).not.toEqual(place('2001:db8:1:2::1'));
    expect(place('fe80::1%eth0').address).toBe('fe80:0:0:0::/64');
  });

  it('counts an IPv4 client on a dual-stack socket as its IPv4 address', () => {
    expect(place('::ffff:192.0.2.7')).toEqual(place('192.0.2.7'));
    expect(place('::ffff:c000:207').address).toBe('192.0.2.7');
    expect(place('192.0.2.7').address).toBe('192.0.2.7');
  });

  it('keeps a place for requests without a client address', () => {
    expect(place(undefined).address).toBe('unknown');
  });
});
