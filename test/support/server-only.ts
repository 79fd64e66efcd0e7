import { vi } from 'vitest';

// `server-only` throws when bundled for the browser; tests run lib/ modules in Node directly.
vi.mock('server-only', () => ({}));
