"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const posthog_js_1 = require("posthog-js");
let isPostHogLoaded = false;
function postHog(config) {
    return {
        name: 'posthog',
        initialize: () => {
            if (config.enabled) {
                posthog_js_1.default.init(config.token, Object.assign(Object.assign({}, config.options), { loaded: () => (isPostHogLoaded = true) }));
            }
        },
        track: ({ payload }) => {
            posthog_js_1.default.capture(payload.event, payload.properties);
        },
        page: ({ payload }) => {
            posthog_js_1.default.capture('$pageview', payload.properties);
        },
        identify: ({ payload, }) => {
            var _a, _b;
            const { userId } = payload;
            const set = (_a = payload.traits.$set) !== null && _a !== void 0 ? _a : payload.traits;
            const setOnce = (_b = payload.traits.$set_once) !== null && _b !== void 0 ? _b : {};
            if (userId) {
                posthog_js_1.default.identify(payload.userId, set, setOnce);
            }
        },
        loaded: () => {
            return isPostHogLoaded;
        },
        // Custom PostHog's functions to expose to analytics instance
        methods: {
            /** To avoid exposing every method one-by-one, lets exposed scoped instance of posthog itself */
            getPostHogInstance: () => posthog_js_1.default,
            /**
             * Method wrapper for PostHog "group" method - https://posthog.com/docs/product-analytics/group-analytics#setting-and-updating-group-properties
             */
            group: (groupName, groupId, groupData) => {
                posthog_js_1.default.group(groupName, groupId, groupData);
            },
            /**
             * Super Properties are properties associated with events that are set once and then sent with every capture call, be it a $pageview, an autocaptured button click, or anything else.
             * They are set using "posthog.register", which takes a properties object as a parameter, and they persist across sessions.
             */
            register: ({ payload }) => {
                posthog_js_1.default.register(payload.properties);
            },
            /**
             * An object with properties to be set on the user that will be associated with the user who triggered the event.
             */
            trackAndSet: ({ payload }) => {
                posthog_js_1.default.capture(payload.event, { $set: payload.properties });
            },
            /**
             * An object with properties to be set on the user that will be associated with the user who triggered the event, except that it will only set the property if the user doesn't already have that property set.
             */
            trackAndSetOnce: ({ payload }) => {
                posthog_js_1.default.capture(payload.event, { $set_once: payload.properties });
            },
            /**
             * The argument callback(flags: string[]) will be called when the feature flags are loaded.
             * In case the flags are already loaded, it'll be called immediately. Additionally, it will also be called when the flags are re-loaded e.g. after calling identify or reloadFeatureFlags.
             * @param {function} callback
             */
            onFeatureFlags: (callback) => {
                posthog_js_1.default.onFeatureFlags(callback);
            },
            /**
             * Checks is the feature flag enabled
             * @param {string} flagName The name of the feature flag
             * @param {boolean} shouldSendEvent Whether to send an event when the flag is checked
             * @returns {boolean} Whether the flag is enabled
             */
            isFeatureEnabled: (flagName, shouldSendEvent = true) => posthog_js_1.default.isFeatureEnabled(flagName, { send_event: shouldSendEvent }),
            /**
             * Checks multivariate feature flag value
             * @param {string} flagName The name of the feature flag
             * @param {boolean} shouldSendEvent Whether to send an event when the flag is checked
             * @returns {string | boolean | undefined} The flag variant, or undefined if not found
             */
            getFeatureFlag: (flagName, shouldSendEvent = true) => posthog_js_1.default.getFeatureFlag(flagName, { send_event: shouldSendEvent }),
            reloadFeatureFlags: () => {
                posthog_js_1.default.reloadFeatureFlags();
            },
            /**
             * Returns the distinct id of the current user.
             * @returns {string}
             */
            getDistinctId: () => posthog_js_1.default.get_distinct_id(),
            startSessionRecording: () => {
                posthog_js_1.default.startSessionRecording();
            },
        },
    };
}
exports.default = postHog;
