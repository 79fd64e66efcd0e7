/** The accounts the browser journeys sign in with (passwords for tests only). */
export const E2E_USERS = {
  operator: {
    username: 'olivia',
    name: 'Olivia Operator',
    role: 'operator',
    password: 'operator-password-123',
  },
  viewer: {
    username: 'victor',
    name: 'Victor Viewer',
    role: 'viewer',
    password: 'viewer-password-123',
  },
  admin: { username: 'ada', name: 'Ada Admin', role: 'admin', password: 'admin-password-123' },
} as const;

export type E2eUser = (typeof E2E_USERS)[keyof typeof E2E_USERS];
