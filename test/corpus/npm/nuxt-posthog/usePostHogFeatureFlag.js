import { useState } from "#app";
export default () => {
  const posthogFeatureFlags = useState("ph-feature-flags");
  const posthogFeatureFlagPayloads = useState("ph-feature-flag-payloads");
  const isFeatureEnabled = (feature) => {
    return posthogFeatureFlags.value?.[feature] ?? false;
  };
  const getFeatureFlag = (feature) => {
    return {
      value: posthogFeatureFlags.value?.[feature] ?? false,
      payload: posthogFeatureFlagPayloads.value?.[feature]
    };
  };
  return {
    isFeatureEnabled,
    getFeatureFlag
  };
};
