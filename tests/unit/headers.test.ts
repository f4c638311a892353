import { describe, expect, it } from 'vitest';
import { mergePolicies } from '../../scripts/headers.mjs';

describe('mergePolicies', () => {
  it('unions the sources of each directive and adds frame-ancestors', () => {
    const merged = mergePolicies(
      ["script-src 'self' 'sha256-a'; object-src 'none'", "script-src 'self' 'sha256-b'; style-src 'self'"],
      ["'self'", 'https://lms.example'],
    );
    expect(merged).toBe("script-src 'self' 'sha256-a' 'sha256-b'; object-src 'none'; style-src 'self'; frame-ancestors 'self' https://lms.example");
  });
  it("defaults frame-ancestors to 'self' and ignores empty parts", () => {
    expect(mergePolicies(["default-src 'self';; "], [])).toBe("default-src 'self'; frame-ancestors 'self'");
  });
});
