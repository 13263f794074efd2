import { S as ANALYTICS_TEAM_TAG, b as ANALYTICS_HOST_URL, r as debug, s as logToFile, x as ANALYTICS_POSTHOG_PUBLIC_PROJECT_WRITE_KEY } from "./debug-CZwmzyDx.js";
import { PostHog } from "posthog-node";
import { v4 } from "uuid";
//#region src/utils/ci-flag-overrides.ts
function applyCiFlagOverrides(flags) {
	return flags;
}
/**
* Task types excluded from this run. The exclusion env var (see the allowlist
* in `env.ts`) is a comma-separated list (e.g. `dashboard`), set by the CI
* harness that owns the policy — the wizard and the served content stay
* run-mode agnostic. CI-build only, same as the flag overrides: published
* builds strip this path.
*/
function ciExcludedTaskTypes() {
	return [];
}
//#endregion
//#region src/utils/analytics.ts
/**
* Extract a standard property bag from the current session.
* Used by store-level analytics and available for ad-hoc captures.
*/
function sessionProperties(session) {
	return {
		integration: session.integration,
		detected_framework: session.detectedFrameworkLabel,
		typescript: session.typescript,
		project_id: session.credentials?.projectId,
		discovered_features: session.discoveredFeatures,
		additional_features: session.additionalFeatureQueue,
		run_phase: session.runPhase
	};
}
function groupsFromUser(user, host) {
	const groups = { instance: host };
	if (!user) return groups;
	const organizationId = user.organization?.id;
	if (organizationId) groups.organization = organizationId;
	const customerId = user.organization?.customer_id;
	if (customerId) groups.customer = customerId;
	const projectUuid = user.team?.uuid;
	if (projectUuid) groups.project = projectUuid;
	return groups;
}
var Analytics = class {
	client;
	tags = {};
	distinctId;
	anonymousId;
	_runId;
	sessionId = null;
	appName = "wizard";
	activeFlags = null;
	groups = {};
	personProperties = {};
	constructor() {
		this.client = new PostHog(ANALYTICS_POSTHOG_PUBLIC_PROJECT_WRITE_KEY, {
			host: ANALYTICS_HOST_URL,
			flushAt: 1,
			flushInterval: 0,
			enableExceptionAutocapture: true,
			before_send: (event) => {
				if (!event) return event;
				if (Object.keys(this.groups).length > 0) event.groups = {
					...this.groups,
					...event.groups
				};
				if (event.event === "$exception") {
					event.distinctId = this.distinctId ?? this.anonymousId;
					const { $process_person_profile, ...properties } = event.properties ?? {};
					event.properties = {
						...this.tags,
						...properties
					};
				}
				return event;
			}
		});
		this.tags = { $app_name: this.appName };
		this.tags.build = "prod";
		this.anonymousId = v4();
		this._runId = v4();
		this.tags.run_id = this._runId;
		this.distinctId = void 0;
	}
	/** Per-process run id, tagged on every event and gateway trace. */
	get runId() {
		return this._runId;
	}
	/** Build type for this run ('prod' | 'dev' | 'ci' | 'headless') — the same value tagged on every analytics event. */
	get build() {
		return String(this.tags.build ?? "dev");
	}
	/**
	* Associate the run with the logged-in user, once per id. Identifies them
	* (email, name) and records those person properties so events carry them and
	* feature flags can target the individual user — without the email here the
	* wizard only sends `$app_name`, so email-targeted flags never match. Opens
	* the analytics session on first login, then aliases the run's anonymous id
	* onto the identified person so pre-login events merge in.
	*/
	identifyUser(user) {
		const distinctId = user.distinct_id;
		if (this.distinctId === distinctId || distinctId === this.anonymousId) return;
		this.distinctId = distinctId;
		if (!this.sessionId) {
			this.sessionId = v4();
			this.tags.$session_id = this.sessionId;
		}
		const props = {};
		if (user.email) props.email = user.email;
		const name = [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
		if (name) props.name = name;
		this.personProperties = props;
		this.client.identify({
			distinctId,
			properties: { $set: props }
		});
		this.client.alias({
			distinctId,
			alias: this.anonymousId
		});
		this.activeFlags = null;
	}
	/** Person properties sent with flag evaluation: app name plus the user's. */
	flagPersonProperties() {
		return {
			$app_name: this.appName,
			...this.personProperties
		};
	}
	setTag(key, value) {
		this.tags[key] = value;
	}
	setGroups(groups) {
		this.groups = groups;
	}
	captureException(error, properties = {}) {
		this.client.captureException(error, this.distinctId ?? this.anonymousId, {
			team: ANALYTICS_TEAM_TAG,
			...this.tags,
			...properties
		});
	}
	capture(eventName, properties) {
		this.client.capture({
			distinctId: this.distinctId ?? this.anonymousId,
			event: eventName,
			properties: {
				...this.tags,
				...properties
			}
		});
	}
	/**
	* Capture a wizard-specific event. Automatically prepends "wizard: " to the event name.
	* All new wizard analytics should use this method instead of capture() directly.
	*/
	wizardCapture(eventName, properties) {
		this.capture(`wizard: ${eventName}`, properties);
	}
	/**
	* Flush pending events without firing the "setup wizard finished" terminal
	* event. Use this from CLI error paths that exit before any wizard run
	* starts — `shutdown()` would inflate the run count with a "finished" event
	* for a parse error that never actually ran the wizard.
	*/
	async flush() {
		await this.client.shutdown();
	}
	async getFeatureFlag(flagKey) {
		try {
			const distinctId = this.distinctId ?? this.anonymousId;
			return await this.client.getFeatureFlag(flagKey, distinctId, {
				sendFeatureFlagEvents: true,
				personProperties: this.flagPersonProperties()
			});
		} catch (error) {
			debug("Failed to get feature flag:", flagKey, error);
			return;
		}
	}
	/**
	* Evaluate all feature flags for the current user at the start of a run.
	* Result is cached; subsequent calls in the same run return the same map.
	* Returns flag key -> string value (booleans become 'true'/'false').
	*/
	async getAllFlagsForWizard() {
		if (this.activeFlags !== null) return this.activeFlags;
		const out = {};
		try {
			const distinctId = this.distinctId ?? this.anonymousId;
			logToFile("[flags] evaluating as", {
				distinctId,
				identified: this.distinctId !== void 0,
				personProperties: this.flagPersonProperties()
			});
			const flags = (await this.client.getAllFlagsAndPayloads(distinctId, { personProperties: this.flagPersonProperties() })).featureFlags ?? {};
			for (const [key, value] of Object.entries(flags)) {
				if (value === void 0) continue;
				out[key] = typeof value === "boolean" ? String(value) : String(value);
			}
		} catch (error) {
			debug("Failed to get all feature flags:", error);
			this.captureException(error instanceof Error ? error : new Error(String(error)), { step: "get_all_flags" });
		}
		this.activeFlags = applyCiFlagOverrides(out);
		logToFile("[flags] evaluated", this.activeFlags);
		return this.activeFlags;
	}
	async shutdown(status) {
		if (Object.keys(this.tags).length === 0) return;
		this.client.capture({
			distinctId: this.distinctId ?? this.anonymousId,
			event: "setup wizard finished",
			properties: {
				run_id: this._runId,
				...this.sessionId ? { $session_id: this.sessionId } : {},
				status,
				tags: this.tags
			}
		});
		await this.client.shutdown();
	}
};
const analytics = new Analytics();
//#endregion
export { ciExcludedTaskTypes as i, groupsFromUser as n, sessionProperties as r, analytics as t };

//# sourceMappingURL=analytics-Du8Z_3oX.js.map