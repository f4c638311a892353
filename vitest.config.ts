/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: { include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/authoring/**/*.test.ts'], environment: 'node' },
});
