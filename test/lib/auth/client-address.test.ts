import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/auth/client-address';

function from(forwardedFor: string | undefined): Request {
  return new Request('http://dashboard.test/', {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });
}

describe('client address', () => {
  it('takes the address Next.js recorded from the socket when nothing is in front', () => {
    expect(clientAddress(from('203.0.113.7'), 0)).toBe('203.0.113.7');
  });

  it('behind one proxy takes the entry that proxy appended, not what the client claimed', () => {
    expect(clientAddress(from('10.9.9.9, 203.0.113.7'), 1)).toBe('203.0.113.7');
  });

  it('behind two proxies takes the second entry from the right', () => {
    expect(clientAddress(from('10.9.9.9, 203.0.113.7, 172.16.0.4'), 2)).toBe('203.0.113.7');
  });

  it('falls back to one shared key when the header is missing', () => {
    expect(clientAddress(from(undefined), 1)).toBe('unknown');
  });
});
