import { randomBytes } from 'node:crypto';

import type { EmulatorApp, EmulatorConfig, EmulatorUser } from './config.js';

/** A session behind one access token. */
export interface Session {
  accessToken: string;
  username: string;
  consumerKey: string;
  /** Epoch milliseconds of the last use; the timeout counts from here, as Salesforce's does. */
  lastActivity: number;
  timeoutSeconds: number;
  revoked: boolean;
}

/** One injected fault for the token endpoint, consumed in order. */
export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'drop' }
  | { kind: 'delay'; milliseconds: number };

/** Counters that tests and the demo read. */
export interface EmulatorStats {
  /** Token requests per grant type, including rejected ones. */
  tokenRequests: Record<string, number>;
  /** Access tokens issued through the JWT bearer grant. */
  jwtExchanges: number;
  /** Requests whose form carried a `password` or `client_secret` field, whatever the outcome. */
  passwordsReceived: number;
}

/** Mutable emulator state: sessions, seen `jti` values, faults and counters. */
export class EmulatorState {
  readonly sessions = new Map<string, Session>();
  readonly faults: Fault[] = [];
  readonly stats: EmulatorStats = { tokenRequests: {}, jwtExchanges: 0, passwordsReceived: 0 };
  private readonly seenJti = new Set<string>();

  constructor(
    readonly config: EmulatorConfig,
    readonly now: () => number = Date.now,
  ) {}

  /** Records a `jti`; returns false when this app saw it before (a replay). */
  rememberJti(consumerKey: string, jti: string): boolean {
    const key = `${consumerKey}\u0000${jti}`;
    if (this.seenJti.has(key)) {
      return false;
    }
    this.seenJti.add(key);
    return true;
  }

  /** Opens a session and returns its access token, `<orgId>!<opaque>` like Salesforce's. */
  openSession(app: EmulatorApp, username: string): Session {
    const accessToken = `${this.config.org.orgId}!${randomBytes(72).toString('base64url')}`;
    const session: Session = {
      accessToken,
      username,
      consumerKey: app.consumerKey,
      lastActivity: this.now(),
      timeoutSeconds: app.sessionTimeoutSeconds ?? this.config.org.sessionTimeoutSeconds,
      revoked: false,
    };
    this.sessions.set(accessToken, session);
    return session;
  }

  /** Returns the live session of a token and records the activity, or undefined. */
  useSession(accessToken: string | undefined): Session | undefined {
    const session = accessToken === undefined ? undefined : this.sessions.get(accessToken);
    if (session === undefined || session.revoked) {
      return undefined;
    }
    const now = this.now();
    if (now - session.lastActivity > session.timeoutSeconds * 1000) {
      return undefined;
    }
    session.lastActivity = now;
    return session;
  }

  /** Ends every session at once, as if the session timeout had passed for all of them. */
  expireAllSessions(): void {
    for (const session of this.sessions.values()) {
      session.revoked = true;
    }
  }

  findUser(username: string): EmulatorUser | undefined {
    return this.config.users.find((user) => user.username === username);
  }

  countTokenRequest(grantType: string): void {
    this.stats.tokenRequests[grantType] = (this.stats.tokenRequests[grantType] ?? 0) + 1;
  }
}
