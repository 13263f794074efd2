/**
 * The MCP store: the template catalog, installations (dual-routed), their
 * tools and approval states, the OAuth start (authorize, 302) and callback, and the install flows.
 *
 * Each installation row keeps an "upstream tool list" (`upstream_tools`, MCP `tools/list` entries)
 * standing in for the remote MCP server; tests change it through the state and call refresh.
 * `upstream_unreachable: true` makes the upstream fail (refresh answers 502).
 *
 * Stored installation rows ('mcp_installations', uuid ids, per project):
 *   { id, team_id, user_id, scope, template_id, display_name, url, description, auth_type, is_enabled,
 *     sensitive_configuration, oauth_metadata?, tools: [tool…], upstream_tools: [upstream tool…],
 *     upstream_unreachable?, created_at, updated_at }
 * `sensitive_configuration` and `oauth_metadata` are never serialized.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Ctx, HttpError, bare, envelope, notFound, r, type Router, required, validation } from '../core';
import { isoDaysAgo, nowIso, type Row, type State, type Team } from '../state';
import type { RouteGroup } from './types';

/** Every MCP store action needs only `project:read` (PostHog asks no more even for its writes). */
const OPTS = { prefix: 'dual' as const, scope: 'project', scopeAction: 'read' as const };
const BASE = 'mcp_server_installations';
const APPROVAL_STATES = ['approved', 'needs_approval', 'do_not_use'] as const;
const OAUTH_STATE_MAX_AGE_MS = 10 * 60_000;

export const installationsTable = (state: State, teamId: number) => state.table(teamId, 'mcp_installations', 'uuid');
export const templatesTable = (state: State) => state.global('mcp_templates', 'uuid');
/** Pending OAuth round-trips (one-time, expire after 10 minutes). Stores only a hash of the state token. */
export const oauthStatesTable = (state: State) => state.global('mcp_oauth_states', 'uuid');

/** An MCP `tools/list` entry as the upstream server would send it. */
export interface UpstreamTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: Row;
}

// ---------------------------------------------------------------------------------------------
// MCPOAuthBurstThrottle / MCPOAuthSustainedThrottle: per user, for install_custom,
// install_template, authorize and tools/refresh. A separate counter from the default throttles.

export interface McpOAuthThrottle {
  burst: { limit: number; windowMs: number };
  sustained: { limit: number; windowMs: number };
  hits: Map<number, number[]>;
  reset(): void;
}

const throttles = new WeakMap<State, McpOAuthThrottle>();

/** The stand-in's MCP OAuth throttle for this state: tests may lower the limits or reset it. */
export function mcpOAuthThrottle(state: State): McpOAuthThrottle {
  let t = throttles.get(state);
  if (!t) {
    const hits = new Map<number, number[]>();
    t = { burst: { limit: 10, windowMs: 60_000 }, sustained: { limit: 50, windowMs: 3_600_000 }, hits, reset: () => hits.clear() };
    throttles.set(state, t);
  }
  return t;
}

function takeOAuthThrottle(ctx: Ctx): void {
  const t = mcpOAuthThrottle(ctx.state);
  const now = Date.now();
  const keep = Math.max(t.burst.windowMs, t.sustained.windowMs);
  const list = (t.hits.get(ctx.user.id) ?? []).filter((at) => now - at < keep);
  for (const w of [t.burst, t.sustained]) {
    const inWindow = list.filter((at) => now - at < w.windowMs);
    if (inWindow.length >= w.limit) {
      t.hits.set(ctx.user.id, list);
      const wait = Math.max(1, Math.ceil((inWindow[0] + w.windowMs - now) / 1000));
      throw new HttpError(429, envelope('throttled_error', 'throttled', `Request was throttled. Expected available in ${wait} seconds.`));
    }
  }
  list.push(now);
  t.hits.set(ctx.user.id, list);
}

// ---------------------------------------------------------------------------------------------
// Serializers

function siteUrl(ctx: Ctx): string {
  return `http://${ctx.headers.host ?? '127.0.0.1'}`;
}

export function serializeTemplate(t: Row): Row {
  return {
    id: t.id,
    name: t.name,
    url: t.url,
    docs_url: t.docs_url ?? '',
    description: t.description ?? '',
    auth_type: t.auth_type,
    icon_key: t.icon_key ?? '',
    icon_domain: t.icon_domain ?? '',
    category: t.category ?? 'dev',
    provider: 'direct',
  };
}

export function serializeInstallation(ctx: Ctx, row: Row): Row {
  const template = row.template_id ? templatesTable(ctx.state).get(row.template_id) : undefined;
  const sensitive = (row.sensitive_configuration ?? {}) as Row;
  const oauth = row.auth_type === 'oauth';
  return {
    id: row.id,
    template_id: row.template_id ?? null,
    name: row.display_name || template?.name || '',
    icon_key: template?.icon_key ?? '',
    icon_domain: template?.icon_domain ?? '',
    display_name: row.display_name ?? '',
    url: row.url,
    description: row.description ?? '',
    auth_type: row.auth_type,
    is_enabled: !!row.is_enabled,
    scope: row.scope ?? 'personal',
    is_owner: row.user_id === ctx.user.id,
    needs_reauth: oauth && !!sensitive.needs_reauth,
    pending_oauth: oauth && !sensitive.access_token,
    proxy_url: `${siteUrl(ctx)}/api/environments/${ctx.team.id}/${BASE}/${row.id}/proxy/`,
    tool_count: ((row.tools ?? []) as Row[]).filter((t) => !t.removed_at).length,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function serializeTool(t: Row): Row {
  return {
    id: t.id,
    tool_name: t.tool_name,
    display_name: t.display_name ?? '',
    description: t.description ?? '',
    input_schema: t.input_schema ?? {},
    approval_state: t.approval_state,
    team_state: null,
    locked: false,
    decided_by: 'legacy',
    last_seen_at: t.last_seen_at ?? null,
    removed_at: t.removed_at ?? null,
    created_at: t.created_at,
    updated_at: t.updated_at,
  };
}

const liveToolsSorted = (row: Row, includeRemoved = false) =>
  ((row.tools ?? []) as Row[])
    .filter((t) => includeRemoved || !t.removed_at)
    .sort((a, b) => String(a.tool_name).localeCompare(String(b.tool_name)));

// ---------------------------------------------------------------------------------------------
// Upstream tool sync (`sync_installation_tools`)

/**
 * Applies the upstream `tools/list` to the stored tools: new tools arrive as `needs_approval`,
 * tools no longer listed get `removed_at` (their approval is kept), tools that reappear are restored.
 */
export function syncTools(row: Row, now = nowIso()): void {
  const upstream = (row.upstream_tools ?? []) as UpstreamTool[];
  const tools = (row.tools ?? (row.tools = [])) as Row[];
  const seen = new Set<string>();
  for (const u of upstream) {
    seen.add(u.name);
    const display = u.title ?? '';
    const existing = tools.find((t) => t.tool_name === u.name);
    if (existing) {
      existing.display_name = display;
      existing.description = u.description ?? '';
      existing.input_schema = u.inputSchema ?? { type: 'object', properties: {} };
      existing.last_seen_at = now;
      existing.removed_at = null;
      existing.updated_at = now;
    } else {
      tools.push({
        id: randomUUID(),
        tool_name: u.name,
        display_name: display,
        description: u.description ?? '',
        input_schema: u.inputSchema ?? { type: 'object', properties: {} },
        approval_state: 'needs_approval',
        removed_at: null,
        last_seen_at: now,
        created_at: now,
        updated_at: now,
      });
    }
  }
  for (const t of tools) {
    if (!seen.has(t.tool_name) && !t.removed_at) {
      t.removed_at = now;
      t.updated_at = now;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Validation helpers

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function bodyObject(ctx: Ctx): Row {
  const b = ctx.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b)) {
    throw validation(
      `Invalid data. Expected a dictionary, but got ${Array.isArray(b) ? 'list' : typeof b === 'string' ? 'str' : typeof b}.`,
      'non_field_errors',
    );
  }
  return b as Row;
}

/** DRF CharField: returns the string, or undefined when absent. */
function charField(b: Row, name: string, opts: { required?: boolean; allowBlank?: boolean; max?: number } = {}): string | undefined {
  const v = b[name];
  if (v === undefined) {
    if (opts.required) throw required(name);
    return undefined;
  }
  if (v === null) throw validation('This field may not be null.', name, 'null');
  if (typeof v !== 'string' && typeof v !== 'number') throw validation('Not a valid string.', name, 'invalid');
  const s = String(v).trim();
  if (!s && !opts.allowBlank) throw validation('This field may not be blank.', name, 'blank');
  if (opts.max !== undefined && s.length > opts.max)
    throw validation(`Ensure this field has no more than ${opts.max} characters.`, name, 'max_length');
  return s;
}

function uuidField(value: unknown, name: string): string {
  if (typeof value !== 'string' || !UUID_RE.test(value)) throw validation('Must be a valid UUID.', name, 'invalid');
  return value.toLowerCase();
}

function choiceField<T extends string>(b: Row, name: string, choices: readonly T[], fallback?: T): T {
  const v = b[name];
  if (v === undefined || v === '') {
    if (fallback !== undefined) return fallback;
    throw required(name);
  }
  if (typeof v !== 'string' || !choices.includes(v as T)) throw validation(`"${String(v)}" is not a valid choice.`, name, 'invalid_choice');
  return v as T;
}

function booleanField(v: unknown, name: string): boolean {
  if (v === true || v === 'true' || v === 'True' || v === 1 || v === '1') return true;
  if (v === false || v === 'false' || v === 'False' || v === 0 || v === '0') return false;
  throw validation('Must be a valid boolean.', name, 'invalid');
}

// `is_url_allowed` (posthog/security/url_validation.py), without DNS resolution.
const METADATA_HOSTS = new Set(['169.254.169.254', 'metadata.google.internal']);
const INTERNAL_SUFFIXES = [
  '.local',
  '.internal',
  '.svc.cluster.local',
  '.cluster.local',
  '.consul',
  '.lan',
  '.home',
  '.corp',
  '.localdomain',
  '.home.arpa',
  '.intranet',
  '.priv',
];

function ipv4Internal(host: string): boolean | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 192 && b === 0 && Number(m[3]) === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

function ipv6Internal(host: string): boolean | undefined {
  if (!host.includes(':')) return undefined;
  const h = host.toLowerCase();
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (mapped) {
    const hi = parseInt(mapped[1], 16);
    const lo = parseInt(mapped[2], 16);
    return ipv4Internal(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`) ?? true;
  }
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (dotted) return ipv4Internal(dotted[1]) ?? true;
  return h === '::' || h === '::1' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('ff');
}

/** Why the URL is not allowed, or undefined. */
export function urlNotAllowedReason(raw: string): string | undefined {
  if (raw.includes('\\') || raw.toLowerCase().includes('%5c')) return 'Invalid URL: ambiguous authority';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Invalid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'URL must start with http:// or https://';
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (!host) return 'Missing host';
  if (METADATA_HOSTS.has(host)) return 'Local/metadata host';
  if (host === 'localhost' || host === '127.0.0.1' || host === '::1') return 'Local/Loopback host not allowed';
  for (const suffix of INTERNAL_SUFFIXES) if (host.endsWith(suffix)) return `Internal domain pattern blocked: ${suffix}`;
  if (ipv4Internal(host) || ipv6Internal(host)) return 'Private IP address not allowed';
  return undefined;
}

/** `InstallCustomSerializer.url`: URLField(max_length=2048) + the SSRF check. */
function urlField(b: Row): string {
  const url = charField(b, 'url', { required: true, max: 2048 })!;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:', 'ftp:', 'ftps:'].includes(parsed.protocol) || !parsed.hostname)
    throw validation('Enter a valid URL.', 'url');
  const reason = urlNotAllowedReason(url);
  if (reason) throw validation(`URL not allowed: ${reason}`, 'url');
  return url;
}

// ---------------------------------------------------------------------------------------------
// Lookups

/** Rows the caller may see: shared ones, and their own personal ones (others' → 404). */
function visible(ctx: Ctx, row: Row): boolean {
  return row.scope === 'shared' || row.user_id === ctx.user.id;
}

export function installation(ctx: Ctx, opts: { ownerOnly?: boolean } = {}): Row {
  const row = installationsTable(ctx.state, ctx.team.id).get(ctx.params.id);
  if (!row || !visible(ctx, row)) throw notFound();
  if (opts.ownerOnly) assertOwner(ctx, row);
  return row;
}

/** Shared rows may only be reconfigured by the member whose credential they hold. */
function assertOwner(ctx: Ctx, row: Row): void {
  if (row.scope === 'shared' && row.user_id !== ctx.user.id) {
    throw new HttpError(
      403,
      envelope('authentication_error', 'permission_denied', 'Only the credential owner can modify a shared server.'),
    );
  }
}

function activeTemplate(state: State, id: string): Row | undefined {
  const t = templatesTable(state).get(id);
  return t && t.is_active !== false ? t : undefined;
}

function touch(row: Row): void {
  row.updated_at = nowIso();
}

/** `get_or_create` on (team, url, scope[, user when personal]). */
function getOrCreateRow(ctx: Ctx, url: string, scope: 'personal' | 'shared', defaults: Row): { row: Row; created: boolean } {
  const table = installationsTable(ctx.state, ctx.team.id);
  const existing = table.find(
    (i) => i.url === url && (i.scope ?? 'personal') === scope && (scope === 'shared' || i.user_id === ctx.user.id),
  );
  if (existing) return { row: existing, created: false };
  const now = nowIso();
  const row = table.insert({
    id: randomUUID(),
    team_id: ctx.team.id,
    user_id: ctx.user.id,
    scope,
    template_id: null,
    display_name: '',
    url,
    description: '',
    auth_type: 'api_key',
    is_enabled: true,
    sensitive_configuration: {},
    tools: [],
    upstream_tools: [],
    created_at: now,
    updated_at: now,
    ...defaults,
  });
  return { row, created: true };
}

/** Reinstalling a removed-then-added server reuses the row: an explicit install means "on". */
function resetRecycled(row: Row, authType?: string): void {
  if (authType && row.auth_type !== authType) row.auth_type = authType;
  row.is_enabled = true;
  touch(row);
}

// ---------------------------------------------------------------------------------------------
// OAuth

/** What discovery (`/.well-known/oauth-authorization-server`) finds for a custom server. */
function discoverMetadata(serverUrl: string): Row {
  const origin = new URL(serverUrl).origin;
  return {
    issuer: origin,
    authorization_endpoint: `${origin}/authorize`,
    token_endpoint: `${origin}/token`,
    registration_endpoint: `${origin}/register`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_post'],
  };
}

function dcrClientId(): string {
  return `mcp_client_${randomBytes(12).toString('hex')}`;
}

const templateUsesDcr = (t: Row) => t.auth_type === 'oauth' && !t.oauth_client_id;

class OAuthUrlError extends Error {}

/** Creates the one-time OAuth state and returns the provider's authorize URL. */
function authorizeUrl(
  ctx: Ctx,
  row: Row,
  metadata: Row,
  clientId: string,
  templateId: string | null,
  opts: { installSource: string; returnPath?: string },
): string {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const token = randomBytes(32).toString('base64url');
  oauthStatesTable(ctx.state).insert({
    id: randomUUID(),
    token_hash: createHash('sha256').update(token).digest('hex'),
    team_id: ctx.team.id,
    installation_id: row.id,
    template_id: templateId,
    user_id: ctx.user.id,
    install_source: opts.installSource,
    web_return_path: opts.returnPath ?? '',
    pkce_verifier: verifier,
    expires_at: Date.now() + OAUTH_STATE_MAX_AGE_MS,
  });
  const endpoint = String(metadata.authorization_endpoint ?? '');
  if (!endpoint) throw new OAuthUrlError('Authorization endpoint missing from metadata');
  if (!endpoint.startsWith('https://')) throw new OAuthUrlError('Authorization endpoint must use HTTPS');
  const params = new URLSearchParams({
    client_id: clientId,
    redirect_uri: `${siteUrl(ctx)}/api/mcp_store/oauth_redirect/`,
    response_type: 'code',
    state: token,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const scopes = metadata.scopes_supported as string[] | undefined;
  if (scopes?.length) params.set('scope', scopes.join(' '));
  params.set('resource', row.url);
  return `${endpoint}?${params.toString()}`;
}

/** 302 with Location for the web app; 200 `{redirect_url}` for PostHog Code. */
function authorizeResponse(url: string, installSource: string) {
  return installSource === 'posthog-code' ? r(200, { redirect_url: url }) : r(302, undefined, { Location: url });
}

function installSourceOf(b: Row | URLSearchParams): string {
  const v = b instanceof URLSearchParams ? (b.get('install_source') ?? undefined) : b.install_source;
  return choiceField({ install_source: v }, 'install_source', ['posthog', 'posthog-code', 'twig'] as const, 'posthog');
}

/** The template branch of authorize (also used for template-based installations). */
function authorizeTemplate(ctx: Ctx, templateId: string, installSource: string, existing?: Row) {
  const template = activeTemplate(ctx.state, templateId);
  if (!template) throw bare(404, 'Template not found');
  const row =
    existing ??
    getOrCreateRow(ctx, template.url, 'personal', {
      template_id: template.id,
      display_name: template.name,
      description: template.description,
      auth_type: template.auth_type,
      upstream_tools: structuredClone(template.upstream_tools ?? []),
    }).row;
  if (row.template_id !== template.id) {
    row.template_id = template.id;
    touch(row);
  }
  let metadata: Row;
  let clientId: string;
  if (templateUsesDcr(template)) {
    clientId = row.sensitive_configuration?.dcr_client_id ?? '';
    if (!clientId) throw bare(400, 'Installation is missing OAuth state — reinstall the server');
    metadata = row.oauth_metadata ?? template.oauth_metadata;
    row.oauth_metadata = metadata;
  } else {
    if (!template.oauth_metadata) throw bare(400, 'Template missing OAuth metadata');
    metadata = template.oauth_metadata;
    clientId = template.oauth_client_id;
  }
  try {
    return authorizeResponse(authorizeUrl(ctx, row, metadata, clientId, template.id, { installSource }), installSource);
  } catch (e) {
    if (e instanceof OAuthUrlError) throw bare(400, 'Could not build OAuth authorize URL');
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Routes

export const mcpStoreRoutes: RouteGroup = {
  register(router: Router) {
    // Catalog. Only GET exists (ListModelMixin): other methods get DRF's 405 envelope.
    router.get(
      'mcp_servers',
      (ctx) => ({
        results: templatesTable(ctx.state)
          .all()
          .filter((t) => t.is_active !== false)
          .sort((a, b) => String(a.name).localeCompare(String(b.name)))
          .map(serializeTemplate),
      }),
      OPTS,
    );

    // Installations: `{"results": [...]}` only, every visible row, newest first; `limit` / `offset`
    // are ignored (the newest MCPServerInstallationViewSet.list overrides DRF's paginated list).
    router.get(
      BASE,
      (ctx) => {
        const rows = installationsTable(ctx.state, ctx.team.id)
          .all()
          .filter((row) => visible(ctx, row))
          .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
        return { results: rows.map((row) => serializeInstallation(ctx, row)) };
      },
      OPTS,
    );
    // create() is disabled: 405 with an empty body (use install_custom / install_template).
    router.post(BASE, () => r(405), OPTS);

    // Collection actions come before the `:id` routes (DRF registers list routes first).
    router.get(
      `${BASE}/authorize`,
      (ctx) => {
        takeOAuthThrottle(ctx);
        const q = ctx.query;
        const templateRaw = q.get('template_id') || undefined;
        const installationRaw = q.get('installation_id') || undefined;
        const templateId = templateRaw === undefined ? undefined : uuidField(templateRaw, 'template_id');
        const installationId = installationRaw === undefined ? undefined : uuidField(installationRaw, 'installation_id');
        const installSource = installSourceOf(q);
        if (!!templateId === !!installationId) throw validation('Pass exactly one of template_id or installation_id');
        if (templateId) return authorizeTemplate(ctx, templateId, installSource);

        const row = installationsTable(ctx.state, ctx.team.id).get(installationId!);
        if (!row || row.user_id !== ctx.user.id) throw bare(404, 'Installation not found');
        if (row.template_id) return authorizeTemplate(ctx, row.template_id, installSource, row);
        if (urlNotAllowedReason(row.url)) throw bare(400, 'Server URL blocked by security policy');
        const metadata = row.oauth_metadata as Row | undefined;
        const clientId = row.sensitive_configuration?.dcr_client_id as string | undefined;
        if (!metadata || !clientId) throw bare(400, 'Installation is missing OAuth state — reinstall the server');
        try {
          return authorizeResponse(authorizeUrl(ctx, row, metadata, clientId, null, { installSource }), installSource);
        } catch (e) {
          if (e instanceof OAuthUrlError) throw bare(400, 'Authorization endpoint must use HTTPS');
          throw e;
        }
      },
      OPTS,
    );

    router.post(
      `${BASE}/install_custom`,
      (ctx) => {
        takeOAuthThrottle(ctx);
        const b = bodyObject(ctx);
        const name = charField(b, 'name', { required: true, max: 200 })!;
        const url = urlField(b);
        const authType = choiceField(b, 'auth_type', ['api_key', 'oauth'] as const);
        const apiKey = charField(b, 'api_key', { allowBlank: true }) ?? '';
        const description = charField(b, 'description', { allowBlank: true }) ?? '';
        const clientId = charField(b, 'client_id', { allowBlank: true }) ?? '';
        const clientSecret = charField(b, 'client_secret', { allowBlank: true }) ?? '';
        const installSource = installSourceOf(b);
        // Shared installs are admin-only upstream; every stand-in user is an organization admin.
        const scope = choiceField(b, 'scope', ['personal', 'shared'] as const, 'personal');

        if (authType === 'api_key') {
          const { row, created } = getOrCreateRow(ctx, url, scope, {
            display_name: name,
            description,
            auth_type: 'api_key',
            sensitive_configuration: apiKey ? { api_key: apiKey } : {},
            upstream_tools: defaultCustomTools(),
          });
          if (!created) throw bare(400, 'This server URL is already installed.');
          syncTools(row); // the background tool sync, done at once
          return r(201, serializeInstallation(ctx, row));
        }

        // OAuth: discovery, then the user's client or Dynamic Client Registration.
        const { row, created } = getOrCreateRow(ctx, url, scope, {
          display_name: name,
          description,
          auth_type: 'oauth',
          upstream_tools: defaultCustomTools(),
        });
        if (!created) {
          assertOwner(ctx, row);
          resetRecycled(row, 'oauth');
        }
        const metadata = discoverMetadata(url);
        const sensitive: Row = { ...(row.sensitive_configuration ?? {}) };
        if (!created) {
          // A new client invalidates tokens minted for the old one.
          for (const k of ['access_token', 'refresh_token', 'token_retrieved_at', 'expires_in']) delete sensitive[k];
          sensitive.needs_reauth = true;
        }
        const userProvided = !!clientId;
        sensitive.dcr_client_id = userProvided ? clientId : dcrClientId();
        sensitive.dcr_is_user_provided = userProvided;
        sensitive.dcr_token_endpoint_auth_method = userProvided && clientSecret ? 'client_secret_post' : 'none';
        if (userProvided && clientSecret) sensitive.dcr_client_secret = clientSecret;
        else delete sensitive.dcr_client_secret;
        row.sensitive_configuration = sensitive;
        row.oauth_metadata = metadata;
        touch(row);
        try {
          const redirect = authorizeUrl(ctx, row, metadata, sensitive.dcr_client_id, null, { installSource });
          return r(200, { redirect_url: redirect });
        } catch (e) {
          if (!(e instanceof OAuthUrlError)) throw e;
          if (created) installationsTable(ctx.state, ctx.team.id).remove(row.id);
          throw bare(400, 'Authorization endpoint must use HTTPS');
        }
      },
      OPTS,
    );

    router.post(
      `${BASE}/install_template`,
      (ctx) => {
        takeOAuthThrottle(ctx);
        const b = bodyObject(ctx);
        if (b.template_id === undefined || b.template_id === null || b.template_id === '') throw required('template_id');
        const templateId = uuidField(b.template_id, 'template_id');
        const apiKey = charField(b, 'api_key', { allowBlank: true }) ?? '';
        const installSource = installSourceOf(b);
        const scope = choiceField(b, 'scope', ['personal', 'shared'] as const, 'personal');

        const template = activeTemplate(ctx.state, templateId);
        if (!template) throw bare(404, 'Template not found');
        const { row, created } = getOrCreateRow(ctx, template.url, scope, {
          template_id: template.id,
          display_name: template.name,
          description: template.description,
          auth_type: template.auth_type,
          upstream_tools: structuredClone(template.upstream_tools ?? []),
        });
        if (!created) {
          assertOwner(ctx, row);
          resetRecycled(row);
        }
        if (row.template_id !== template.id) {
          row.template_id = template.id;
          row.display_name = row.display_name || template.name;
          row.auth_type = template.auth_type;
        }
        const table = installationsTable(ctx.state, ctx.team.id);

        if (template.auth_type === 'api_key') {
          if (!apiKey) {
            if (created) table.remove(row.id);
            throw bare(400, 'api_key is required');
          }
          row.sensitive_configuration = { api_key: apiKey };
          touch(row);
          syncTools(row); // the background tool sync, done at once
          return r(201, serializeInstallation(ctx, row));
        }

        let metadata: Row;
        let clientId: string;
        if (templateUsesDcr(template)) {
          metadata = structuredClone(template.oauth_metadata);
          clientId = dcrClientId();
          row.oauth_metadata = metadata;
          row.sensitive_configuration = {
            ...(row.sensitive_configuration ?? {}),
            dcr_client_id: clientId,
            dcr_is_user_provided: false,
            dcr_token_endpoint_auth_method: 'none',
          };
          touch(row);
        } else {
          if (!template.oauth_metadata) {
            if (created) table.remove(row.id);
            throw bare(400, 'Template is missing OAuth metadata');
          }
          metadata = template.oauth_metadata;
          clientId = template.oauth_client_id;
        }
        try {
          return r(200, { redirect_url: authorizeUrl(ctx, row, metadata, clientId, template.id, { installSource }) });
        } catch (e) {
          if (!(e instanceof OAuthUrlError)) throw e;
          if (created) table.remove(row.id);
          throw bare(400, 'Could not build OAuth authorize URL');
        }
      },
      OPTS,
    );

    // One installation.
    router.get(`${BASE}/:id`, (ctx) => serializeInstallation(ctx, installation(ctx)), OPTS);
    router.patch(
      `${BASE}/:id`,
      (ctx) => {
        const b = bodyObject(ctx);
        const changes: Row = {};
        const displayName = charField(b, 'display_name', { allowBlank: true });
        if (displayName !== undefined) changes.display_name = displayName;
        const description = charField(b, 'description', { allowBlank: true });
        if (description !== undefined) changes.description = description;
        if (b.is_enabled !== undefined) changes.is_enabled = booleanField(b.is_enabled, 'is_enabled');
        const row = installation(ctx, { ownerOnly: true });
        Object.assign(row, changes); // anything else in the body is ignored
        touch(row);
        return serializeInstallation(ctx, row);
      },
      OPTS,
    );
    // PUT is disabled: 405 with an empty body.
    router.put(`${BASE}/:id`, () => r(405), OPTS);
    // A hard delete: the row, its tools and its OAuth states go.
    router.delete(
      `${BASE}/:id`,
      (ctx) => {
        const row = installation(ctx);
        installationsTable(ctx.state, ctx.team.id).remove(row.id);
        const states = oauthStatesTable(ctx.state);
        for (const s of states.all()) if (s.installation_id === row.id) states.remove(s.id);
        return r(204);
      },
      OPTS,
    );

    // Tools.
    router.get(
      `${BASE}/:id/tools`,
      (ctx) => {
        const row = installation(ctx);
        return { results: liveToolsSorted(row, ctx.query.get('include_removed') === '1').map(serializeTool) };
      },
      OPTS,
    );
    router.post(
      `${BASE}/:id/tools/refresh`,
      (ctx) => {
        takeOAuthThrottle(ctx);
        const row = installation(ctx, { ownerOnly: true });
        if (!row.is_enabled) throw bare(400, 'Installation is disabled');
        const s = (row.sensitive_configuration ?? {}) as Row;
        const upstreamRejects = row.auth_type === 'oauth' && (!s.access_token || s.needs_reauth);
        if (row.upstream_unreachable || upstreamRejects) throw bare(502, 'Could not refresh tools from the upstream MCP server');
        syncTools(row);
        touch(row);
        return { results: liveToolsSorted(row).map(serializeTool) };
      },
      OPTS,
    );
    router.patch(
      `${BASE}/:id/tools/:tool_name`,
      (ctx) => {
        const b = bodyObject(ctx);
        const state = choiceField(b, 'approval_state', APPROVAL_STATES);
        const row = installation(ctx, { ownerOnly: true });
        const tool = ((row.tools ?? []) as Row[]).find((t) => t.tool_name === ctx.params.tool_name);
        if (!tool) throw bare(404, 'Tool not found');
        if (tool.approval_state !== state) {
          tool.approval_state = state;
          tool.updated_at = nowIso();
        }
        return serializeTool(tool);
      },
      OPTS,
    );

    // The OAuth callback the provider sends the browser to (session auth upstream; none here).
    router.get(
      '/api/mcp_store/oauth_redirect',
      (ctx) => {
        const token = ctx.query.get('state');
        if (!token) throw bare(400, 'Missing state parameter');
        const states = oauthStatesTable(ctx.state);
        const hash = createHash('sha256').update(token).digest('hex');
        const st = states.find((s) => s.token_hash === hash);
        if (st) states.remove(st.id); // one-time
        if (!st || st.expires_at < Date.now()) throw bare(400, 'Invalid or expired OAuth state');
        const row = installationsTable(ctx.state, st.team_id).get(st.installation_id);
        if (!row) throw bare(400, 'Invalid or expired OAuth state');
        const site = `${siteUrl(ctx)}${st.web_return_path || `/project/${st.team_id}/settings/mcp-servers`}`;
        const error = ctx.query.get('error');
        const code = ctx.query.get('code');
        if (error || !code) {
          const reason = error === 'access_denied' ? 'cancelled' : error || 'missing_code';
          return r(302, undefined, { Location: `${site}?oauth_error=true&error=${encodeURIComponent(reason)}` });
        }
        const sensitive: Row = { ...(row.sensitive_configuration ?? {}) };
        sensitive.access_token = `mcp_at_${randomBytes(16).toString('hex')}`;
        sensitive.refresh_token = `mcp_rt_${randomBytes(16).toString('hex')}`;
        sensitive.token_retrieved_at = Math.floor(Date.now() / 1000);
        sensitive.expires_in = 3600;
        delete sensitive.needs_reauth;
        row.sensitive_configuration = sensitive;
        if (!row.upstream_unreachable) syncTools(row); // the queued tool sync, done at once
        touch(row);
        return r(302, undefined, { Location: `${site}?oauth_complete=true` });
      },
      { prefix: 'root', auth: false, throttle: 'none' },
    );
  },

  seed(state: State, team: Team) {
    if (templatesTable(state).all().length === 0) seedTemplates(state);
    const byName = (name: string) => templatesTable(state).find((t) => t.name === name)!;
    const table = installationsTable(state, team.id);

    if (team.id !== 1) {
      // Staging: a Linear install that is still waiting for the OAuth consent.
      const linear = byName('Linear');
      table.insert({
        id: randomUUID(),
        team_id: team.id,
        user_id: 1,
        scope: 'personal',
        template_id: linear.id,
        display_name: 'Linear',
        url: linear.url,
        description: linear.description,
        auth_type: 'oauth',
        is_enabled: true,
        sensitive_configuration: {
          dcr_client_id: 'mcp_client_5b1e0c9a7d3f42e8a1c06b9d',
          dcr_is_user_provided: false,
          dcr_token_endpoint_auth_method: 'none',
        },
        oauth_metadata: structuredClone(linear.oauth_metadata),
        tools: [],
        upstream_tools: structuredClone(linear.upstream_tools),
        created_at: isoDaysAgo(1, 15),
        updated_at: isoDaysAgo(1, 15),
      });
      return;
    }

    // 1. Sentry from the catalog (api_key): approved, needs_approval, do_not_use, and one removed tool.
    const sentry = byName('Sentry');
    table.insert({
      id: randomUUID(),
      team_id: team.id,
      user_id: 1,
      scope: 'personal',
      template_id: sentry.id,
      display_name: 'Sentry',
      url: sentry.url,
      description: sentry.description,
      auth_type: 'api_key',
      is_enabled: true,
      sensitive_configuration: { api_key: 'sntrys_standin_demo_token_7f3a9c2e' },
      tools: seededTools(
        sentry.upstream_tools,
        40,
        {
          find_organizations: 'approved',
          find_projects: 'approved',
          search_issues: 'approved',
          get_issue_details: 'approved',
          search_events: 'needs_approval',
          analyze_issue_with_seer: 'needs_approval',
          update_issue: 'do_not_use',
        },
        [
          {
            name: 'begin_seer_issue_fix',
            title: 'Begin Seer issue fix',
            description:
              'Start a Seer analysis that proposes a root cause and a fix for a Sentry issue. Superseded by analyze_issue_with_seer.',
            inputSchema: schema(
              { organizationSlug: ['string', 'The organization slug'], issueId: ['string', 'The issue id, e.g. PROJECT-123'] },
              ['organizationSlug', 'issueId'],
            ),
            state: 'approved',
            removedDaysAgo: 12,
          },
        ],
      ),
      upstream_tools: structuredClone(sentry.upstream_tools),
      created_at: isoDaysAgo(40, 9),
      updated_at: isoDaysAgo(12, 9),
    });

    // 2. A custom OAuth server whose token refresh was rejected: needs_reauth.
    const acmeTools = ACME_TOOLS;
    table.insert({
      id: randomUUID(),
      team_id: team.id,
      user_id: 1,
      scope: 'personal',
      template_id: null,
      display_name: 'Acme Internal Tools',
      url: 'https://mcp.acme-tools.dev/mcp',
      description: 'Customer lookup, deployments and support tickets from the Acme back office.',
      auth_type: 'oauth',
      is_enabled: true,
      sensitive_configuration: {
        access_token: 'acme_at_expired_0c1d2e3f',
        refresh_token: 'acme_rt_revoked_4a5b6c7d',
        token_retrieved_at: Math.floor(Date.parse(isoDaysAgo(9)) / 1000),
        expires_in: 3600,
        needs_reauth: true,
        dcr_client_id: 'mcp_client_0f4c2a9e8b7d41c3a5e6f701',
        dcr_is_user_provided: false,
        dcr_token_endpoint_auth_method: 'none',
      },
      oauth_metadata: discoverMetadata('https://mcp.acme-tools.dev/mcp'),
      tools: seededTools(acmeTools, 25, {
        lookup_customer: 'approved',
        list_deployments: 'approved',
        create_support_ticket: 'needs_approval',
        issue_refund: 'do_not_use',
      }),
      upstream_tools: structuredClone(acmeTools),
      created_at: isoDaysAgo(25, 14),
      updated_at: isoDaysAgo(9, 14),
    });

    // 3. Stripe from the catalog, switched off.
    const stripe = byName('Stripe');
    table.insert({
      id: randomUUID(),
      team_id: team.id,
      user_id: 1,
      scope: 'personal',
      template_id: stripe.id,
      display_name: 'Stripe',
      url: stripe.url,
      description: stripe.description,
      auth_type: 'api_key',
      is_enabled: false,
      sensitive_configuration: { api_key: 'rk_test_standin_restricted_key_51Hq' },
      tools: seededTools(stripe.upstream_tools, 60, {
        list_customers: 'approved',
        list_invoices: 'approved',
        create_customer: 'needs_approval',
        create_payment_link: 'needs_approval',
        create_refund: 'do_not_use',
      }),
      upstream_tools: structuredClone(stripe.upstream_tools),
      created_at: isoDaysAgo(60, 11),
      updated_at: isoDaysAgo(5, 11),
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Demo data

type Prop = [type: string, description: string];

function schema(props: Record<string, Prop>, requiredProps: string[] = []): Row {
  const properties: Row = {};
  for (const [k, [type, description]] of Object.entries(props)) properties[k] = { type, description };
  return { type: 'object', properties, required: requiredProps, additionalProperties: false };
}

function seededTools(
  upstream: UpstreamTool[],
  createdDaysAgo: number,
  states: Record<string, string>,
  removed: Array<UpstreamTool & { state: string; removedDaysAgo: number }> = [],
): Row[] {
  const created = isoDaysAgo(createdDaysAgo);
  const seen = isoDaysAgo(1);
  const tools: Row[] = upstream.map((u) => ({
    id: randomUUID(),
    tool_name: u.name,
    display_name: u.title ?? '',
    description: u.description ?? '',
    input_schema: structuredClone(u.inputSchema ?? { type: 'object', properties: {} }),
    approval_state: states[u.name] ?? 'needs_approval',
    removed_at: null,
    last_seen_at: seen,
    created_at: created,
    updated_at: created,
  }));
  for (const t of removed) {
    tools.push({
      id: randomUUID(),
      tool_name: t.name,
      display_name: t.title ?? '',
      description: t.description ?? '',
      input_schema: structuredClone(t.inputSchema ?? { type: 'object', properties: {} }),
      approval_state: t.state,
      removed_at: isoDaysAgo(t.removedDaysAgo),
      last_seen_at: isoDaysAgo(t.removedDaysAgo + 1),
      created_at: created,
      updated_at: isoDaysAgo(t.removedDaysAgo),
    });
  }
  return tools;
}

/** What an unknown custom server answers to `tools/list` until a test says otherwise. */
function defaultCustomTools(): UpstreamTool[] {
  return [
    {
      name: 'search',
      title: 'Search',
      description: 'Search the documents this server has access to.',
      inputSchema: schema({ query: ['string', 'What to search for'] }, ['query']),
    },
    {
      name: 'fetch',
      title: 'Fetch document',
      description: 'Fetch one document by id.',
      inputSchema: schema({ id: ['string', 'The document id from search'] }, ['id']),
    },
  ];
}

const ACME_TOOLS: UpstreamTool[] = [
  {
    name: 'lookup_customer',
    title: 'Look up customer',
    description: 'Find a customer account by email or account id: plan, seats, MRR and the account owner.',
    inputSchema: schema({ email: ['string', 'Customer email'], account_id: ['string', 'Acme account id'] }),
  },
  {
    name: 'list_deployments',
    title: 'List deployments',
    description: 'Recent deployments of a service with their status, commit and who shipped them.',
    inputSchema: schema({ service: ['string', 'Service name, e.g. billing-api'], limit: ['integer', 'How many (default 20)'] }, [
      'service',
    ]),
  },
  {
    name: 'create_support_ticket',
    title: 'Create support ticket',
    description: 'Open a support ticket for a customer in the Acme help desk.',
    inputSchema: schema(
      {
        account_id: ['string', 'Acme account id'],
        subject: ['string', 'Ticket subject'],
        body: ['string', 'What happened'],
        priority: ['string', 'low, normal, high or urgent'],
      },
      ['account_id', 'subject', 'body'],
    ),
  },
  {
    name: 'issue_refund',
    title: 'Issue refund',
    description: 'Refund part or all of an invoice. Money moves immediately.',
    inputSchema: schema(
      { invoice_id: ['string', 'Invoice id'], amount_cents: ['integer', 'Amount to refund, in cents'], reason: ['string', 'Why'] },
      ['invoice_id', 'amount_cents'],
    ),
  },
];

interface TemplateSeed {
  id: string;
  name: string;
  url: string;
  docs_url: string;
  description: string;
  auth_type: 'api_key' | 'oauth';
  icon_key: string;
  icon_domain: string;
  category: string;
  is_active?: boolean;
  oauth_client_id?: string;
  oauth_metadata?: Row;
  upstream_tools: UpstreamTool[];
}

const TEMPLATES: TemplateSeed[] = [
  {
    id: '0190b7a1-5e00-7000-8000-00000000a001',
    name: 'Linear',
    url: 'https://mcp.linear.app/mcp',
    docs_url: 'https://linear.app/docs/mcp',
    description: 'Find, create and update Linear issues, projects and comments.',
    auth_type: 'oauth',
    icon_key: 'linear',
    icon_domain: 'linear.app',
    category: 'productivity',
    oauth_metadata: {
      issuer: 'https://mcp.linear.app',
      authorization_endpoint: 'https://mcp.linear.app/authorize',
      token_endpoint: 'https://mcp.linear.app/token',
      registration_endpoint: 'https://mcp.linear.app/register',
      code_challenge_methods_supported: ['S256'],
    },
    upstream_tools: [
      {
        name: 'list_issues',
        title: 'List issues',
        description: 'List issues in the workspace, filtered by team, assignee, state or label.',
        inputSchema: schema({
          team: ['string', 'Team name or id'],
          assignee: ['string', 'User name, email or "me"'],
          state: ['string', 'Workflow state'],
          limit: ['integer', 'Max results (default 50)'],
        }),
      },
      {
        name: 'get_issue',
        title: 'Get issue',
        description: 'Get one issue with its description, comments and attachments.',
        inputSchema: schema({ id: ['string', 'Issue id or identifier, e.g. ENG-123'] }, ['id']),
      },
      {
        name: 'create_issue',
        title: 'Create issue',
        description: 'Create an issue in a team.',
        inputSchema: schema(
          {
            title: ['string', 'Issue title'],
            team: ['string', 'Team name or id'],
            description: ['string', 'Markdown description'],
            assignee: ['string', 'Assignee'],
          },
          ['title', 'team'],
        ),
      },
      {
        name: 'update_issue',
        title: 'Update issue',
        description: "Change an issue's title, description, state, assignee or priority.",
        inputSchema: schema(
          {
            id: ['string', 'Issue id'],
            title: ['string', 'New title'],
            state: ['string', 'New state'],
            assignee: ['string', 'New assignee'],
          },
          ['id'],
        ),
      },
      {
        name: 'create_comment',
        title: 'Create comment',
        description: 'Comment on an issue.',
        inputSchema: schema({ issueId: ['string', 'Issue id'], body: ['string', 'Markdown comment'] }, ['issueId', 'body']),
      },
      {
        name: 'list_projects',
        title: 'List projects',
        description: 'List projects with their status, lead and target date.',
        inputSchema: schema({ team: ['string', 'Team name or id'] }),
      },
    ],
  },
  {
    id: '0190b7a1-5e00-7000-8000-00000000a002',
    name: 'GitHub',
    url: 'https://api.githubcopilot.com/mcp/',
    docs_url: 'https://github.com/github/github-mcp-server',
    description: 'Search code, read and open issues and pull requests in GitHub repositories.',
    auth_type: 'oauth',
    icon_key: 'github',
    icon_domain: 'github.com',
    category: 'dev',
    oauth_client_id: 'Iv23liPostHogMcpStore',
    oauth_metadata: {
      issuer: 'https://github.com/login/oauth',
      authorization_endpoint: 'https://github.com/login/oauth/authorize',
      token_endpoint: 'https://github.com/login/oauth/access_token',
      scopes_supported: ['repo', 'read:org'],
    },
    upstream_tools: [
      {
        name: 'search_code',
        title: 'Search code',
        description: 'Search code across GitHub repositories.',
        inputSchema: schema({ q: ['string', 'GitHub code search query'] }, ['q']),
      },
      {
        name: 'get_issue',
        title: 'Get issue',
        description: 'Get an issue in a repository.',
        inputSchema: schema(
          { owner: ['string', 'Repository owner'], repo: ['string', 'Repository name'], issue_number: ['integer', 'Issue number'] },
          ['owner', 'repo', 'issue_number'],
        ),
      },
      {
        name: 'create_issue',
        title: 'Create issue',
        description: 'Open an issue in a repository.',
        inputSchema: schema(
          {
            owner: ['string', 'Repository owner'],
            repo: ['string', 'Repository name'],
            title: ['string', 'Title'],
            body: ['string', 'Body'],
          },
          ['owner', 'repo', 'title'],
        ),
      },
      {
        name: 'list_pull_requests',
        title: 'List pull requests',
        description: 'List pull requests in a repository.',
        inputSchema: schema(
          { owner: ['string', 'Repository owner'], repo: ['string', 'Repository name'], state: ['string', 'open, closed or all'] },
          ['owner', 'repo'],
        ),
      },
      {
        name: 'create_pull_request',
        title: 'Create pull request',
        description: 'Open a pull request from a branch.',
        inputSchema: schema(
          {
            owner: ['string', 'Repository owner'],
            repo: ['string', 'Repository name'],
            title: ['string', 'Title'],
            head: ['string', 'Branch with the changes'],
            base: ['string', 'Branch to merge into'],
          },
          ['owner', 'repo', 'title', 'head', 'base'],
        ),
      },
    ],
  },
  {
    id: '0190b7a1-5e00-7000-8000-00000000a003',
    name: 'Sentry',
    url: 'https://mcp.sentry.dev/mcp',
    docs_url: 'https://docs.sentry.io/product/sentry-mcp/',
    description: 'Search Sentry issues and events, and get root-cause analysis from Seer.',
    auth_type: 'api_key',
    icon_key: 'sentry',
    icon_domain: 'sentry.io',
    category: 'dev',
    upstream_tools: [
      {
        name: 'find_organizations',
        title: 'Find organizations',
        description: 'List the Sentry organizations the token can access.',
        inputSchema: schema({}),
      },
      {
        name: 'find_projects',
        title: 'Find projects',
        description: 'List the projects of an organization.',
        inputSchema: schema({ organizationSlug: ['string', 'The organization slug'] }, ['organizationSlug']),
      },
      {
        name: 'search_issues',
        title: 'Search issues',
        description: 'Search issues with a natural-language query, e.g. "unresolved errors in checkout from the last day".',
        inputSchema: schema(
          {
            organizationSlug: ['string', 'The organization slug'],
            naturalLanguageQuery: ['string', 'What to look for'],
            projectSlug: ['string', 'Limit to one project'],
          },
          ['organizationSlug', 'naturalLanguageQuery'],
        ),
      },
      {
        name: 'get_issue_details',
        title: 'Get issue details',
        description: 'Get an issue with its latest event, stack trace and tags.',
        inputSchema: schema(
          { organizationSlug: ['string', 'The organization slug'], issueId: ['string', 'The issue id, e.g. PROJECT-123'] },
          ['organizationSlug', 'issueId'],
        ),
      },
      {
        name: 'search_events',
        title: 'Search events',
        description: 'Search and aggregate error and span events with a natural-language query.',
        inputSchema: schema(
          { organizationSlug: ['string', 'The organization slug'], naturalLanguageQuery: ['string', 'What to count or find'] },
          ['organizationSlug', 'naturalLanguageQuery'],
        ),
      },
      {
        name: 'update_issue',
        title: 'Update issue',
        description: 'Resolve, ignore or assign an issue.',
        inputSchema: schema(
          {
            organizationSlug: ['string', 'The organization slug'],
            issueId: ['string', 'The issue id'],
            status: ['string', 'resolved, ignored or unresolved'],
            assignedTo: ['string', 'user:ID or team:ID'],
          },
          ['organizationSlug', 'issueId'],
        ),
      },
      {
        name: 'analyze_issue_with_seer',
        title: 'Analyze issue with Seer',
        description: "Run Seer's root-cause analysis on an issue and return the proposed fix.",
        inputSchema: schema({ organizationSlug: ['string', 'The organization slug'], issueId: ['string', 'The issue id'] }, [
          'organizationSlug',
          'issueId',
        ]),
      },
    ],
  },
  {
    id: '0190b7a1-5e00-7000-8000-00000000a004',
    name: 'Stripe',
    url: 'https://mcp.stripe.com',
    docs_url: 'https://docs.stripe.com/mcp',
    description: 'Look up customers, invoices and payments, and create payment links in Stripe.',
    auth_type: 'api_key',
    icon_key: 'stripe',
    icon_domain: 'stripe.com',
    category: 'business',
    upstream_tools: [
      {
        name: 'list_customers',
        title: 'List customers',
        description: 'List customers, optionally by email.',
        inputSchema: schema({ email: ['string', 'Customer email'], limit: ['integer', 'Max results (1-100)'] }),
      },
      {
        name: 'create_customer',
        title: 'Create customer',
        description: 'Create a customer.',
        inputSchema: schema({ name: ['string', 'Customer name'], email: ['string', 'Customer email'] }, ['name']),
      },
      {
        name: 'list_invoices',
        title: 'List invoices',
        description: "List a customer's invoices.",
        inputSchema: schema({ customer: ['string', 'Customer id'], status: ['string', 'draft, open, paid, uncollectible or void'] }),
      },
      {
        name: 'create_payment_link',
        title: 'Create payment link',
        description: 'Create a payment link for a price.',
        inputSchema: schema({ price: ['string', 'Price id'], quantity: ['integer', 'Quantity'] }, ['price', 'quantity']),
      },
      {
        name: 'create_refund',
        title: 'Create refund',
        description: 'Refund a payment intent, fully or partly.',
        inputSchema: schema(
          { payment_intent: ['string', 'Payment intent id'], amount: ['integer', 'Amount in the smallest currency unit'] },
          ['payment_intent'],
        ),
      },
    ],
  },
  {
    id: '0190b7a1-5e00-7000-8000-00000000a005',
    name: 'Notion',
    url: 'https://mcp.notion.com/mcp',
    docs_url: 'https://developers.notion.com/docs/mcp',
    description: 'Search, read and edit Notion pages and databases.',
    auth_type: 'oauth',
    icon_key: 'notion',
    icon_domain: 'notion.so',
    category: 'productivity',
    oauth_metadata: {
      issuer: 'https://mcp.notion.com',
      authorization_endpoint: 'https://mcp.notion.com/authorize',
      token_endpoint: 'https://mcp.notion.com/token',
      registration_endpoint: 'https://mcp.notion.com/register',
      code_challenge_methods_supported: ['S256'],
    },
    upstream_tools: [
      {
        name: 'search',
        title: 'Search Notion',
        description: 'Search pages and databases in the workspace.',
        inputSchema: schema({ query: ['string', 'What to search for'] }, ['query']),
      },
      {
        name: 'fetch',
        title: 'Fetch page',
        description: 'Fetch a page or database by URL or id, as Markdown.',
        inputSchema: schema({ id: ['string', 'Page URL or id'] }, ['id']),
      },
      {
        name: 'create_pages',
        title: 'Create pages',
        description: 'Create one or more pages under a parent page or database.',
        inputSchema: schema(
          { parent: ['string', 'Parent page or database id'], pages: ['array', 'Pages to create, each with title and Markdown content'] },
          ['pages'],
        ),
      },
      {
        name: 'update_page',
        title: 'Update page',
        description: "Change a page's properties or replace part of its content.",
        inputSchema: schema({ page_id: ['string', 'Page id'], command: ['string', 'update_properties or replace_content'] }, [
          'page_id',
          'command',
        ]),
      },
    ],
  },
  {
    id: '0190b7a1-5e00-7000-8000-00000000a006',
    name: 'Atlassian',
    url: 'https://mcp.atlassian.com/v1/sse',
    docs_url: 'https://support.atlassian.com/rovo/docs/getting-started-with-the-atlassian-remote-mcp-server/',
    description: 'Work with Jira issues and Confluence pages.',
    auth_type: 'oauth',
    icon_key: 'atlassian',
    icon_domain: 'atlassian.com',
    category: 'productivity',
    oauth_metadata: {
      issuer: 'https://mcp.atlassian.com',
      authorization_endpoint: 'https://mcp.atlassian.com/v1/authorize',
      token_endpoint: 'https://cf.mcp.atlassian.com/v1/token',
      registration_endpoint: 'https://cf.mcp.atlassian.com/v1/register',
      code_challenge_methods_supported: ['S256'],
    },
    upstream_tools: [
      {
        name: 'searchJiraIssuesUsingJql',
        title: 'Search Jira issues',
        description: 'Search Jira issues with JQL.',
        inputSchema: schema({ cloudId: ['string', 'Atlassian site id'], jql: ['string', 'JQL query'] }, ['cloudId', 'jql']),
      },
      {
        name: 'getJiraIssue',
        title: 'Get Jira issue',
        description: 'Get a Jira issue by key.',
        inputSchema: schema({ cloudId: ['string', 'Atlassian site id'], issueIdOrKey: ['string', 'Issue key, e.g. PROJ-42'] }, [
          'cloudId',
          'issueIdOrKey',
        ]),
      },
      {
        name: 'createJiraIssue',
        title: 'Create Jira issue',
        description: 'Create a Jira issue.',
        inputSchema: schema(
          {
            cloudId: ['string', 'Atlassian site id'],
            projectKey: ['string', 'Project key'],
            summary: ['string', 'Summary'],
            issueTypeName: ['string', 'Task, Bug, Story…'],
          },
          ['cloudId', 'projectKey', 'summary', 'issueTypeName'],
        ),
      },
      {
        name: 'getConfluencePage',
        title: 'Get Confluence page',
        description: 'Get a Confluence page as Markdown.',
        inputSchema: schema({ cloudId: ['string', 'Atlassian site id'], pageId: ['string', 'Page id'] }, ['cloudId', 'pageId']),
      },
    ],
  },
  {
    // Retired from the catalog: hidden from the list, and installing it answers 404.
    id: '0190b7a1-5e00-7000-8000-00000000a0ff',
    name: 'Zapier (retired)',
    url: 'https://actions.zapier.com/mcp/',
    docs_url: 'https://zapier.com/mcp',
    description: 'Run Zapier actions.',
    auth_type: 'api_key',
    icon_key: 'zapier',
    icon_domain: 'zapier.com',
    category: 'productivity',
    is_active: false,
    upstream_tools: [],
  },
];

/** The global catalog's ids, for tests and demos. */
export const TEMPLATE_IDS = Object.fromEntries(TEMPLATES.map((t) => [t.name, t.id])) as Record<string, string>;

function seedTemplates(state: State): void {
  const table = templatesTable(state);
  for (const t of TEMPLATES) table.insert({ ...structuredClone(t), is_active: t.is_active ?? true, created_at: isoDaysAgo(120) });
}
