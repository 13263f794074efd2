/**
 * The personal API keys in VS Code's SecretStorage, one per host. SecretStorage cannot list its
 * entries, so the hosts that have a key are kept in an index entry beside them (host names only,
 * never a key), for "Sign out of every host". No `vscode` import: tests run it on a plain map.
 */
import type { SecretStorage } from 'vscode';
import { EU_HOST, US_HOST } from '../posthog/hosts';

export const SECRET_PREFIX = 'posthog.apiKey:';
/** Not under SECRET_PREFIX: a change to the index is no sign-in or sign-out. */
export const HOSTS_INDEX_KEY = 'posthog.apiKeyHosts';

export function secretKeyFor(host: string): string {
  return `${SECRET_PREFIX}${host}`;
}

export class StoredKeys {
  constructor(private readonly secrets: Pick<SecretStorage, 'get' | 'store' | 'delete'>) {}

  get(host: string): Thenable<string | undefined> {
    return this.secrets.get(secretKeyFor(host));
  }

  async store(host: string, apiKey: string): Promise<void> {
    await this.secrets.store(secretKeyFor(host), apiKey);
    const hosts = await this.indexed();
    if (!hosts.includes(host)) await this.secrets.store(HOSTS_INDEX_KEY, JSON.stringify([...hosts, host]));
  }

  async delete(host: string): Promise<void> {
    await this.secrets.delete(secretKeyFor(host));
    const hosts = await this.indexed();
    if (hosts.includes(host)) await this.secrets.store(HOSTS_INDEX_KEY, JSON.stringify(hosts.filter((h) => h !== host)));
  }

  /** The hosts with a stored key: the index, and the clouds (keys stored before the index existed). */
  async hosts(also: readonly string[] = []): Promise<string[]> {
    const candidates = [...new Set([...(await this.indexed()), US_HOST, EU_HOST, ...also])];
    const present = await Promise.all(candidates.map(async (h) => ((await this.get(h)) ? h : undefined)));
    return present.filter((h): h is string => h !== undefined);
  }

  /** Deletes every stored key (and the index); returns the hosts that had one. */
  async deleteAll(also: readonly string[] = []): Promise<string[]> {
    const hosts = await this.hosts(also);
    for (const h of hosts) await this.secrets.delete(secretKeyFor(h));
    await this.secrets.delete(HOSTS_INDEX_KEY);
    return hosts;
  }

  private async indexed(): Promise<string[]> {
    try {
      const list: unknown = JSON.parse((await this.secrets.get(HOSTS_INDEX_KEY)) ?? '[]');
      return Array.isArray(list) ? list.filter((h): h is string => typeof h === 'string') : [];
    } catch {
      return [];
    }
  }
}
