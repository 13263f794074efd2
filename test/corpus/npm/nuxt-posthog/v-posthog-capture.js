import { useNuxtApp } from "#app";
const directive = (el, { value, arg }) => {
  const { $clientPosthog } = useNuxtApp();
  if (el.hasAttribute("posthog-listener")) return;
  el.setAttribute("posthog-listener", "true");
  el.addEventListener(arg ?? "click", () => {
    if (!$clientPosthog) return;
    if (typeof value === "string") $clientPosthog.capture(value);
    else $clientPosthog.capture(value.name, value.properties);
  });
};
export const vPostHogCapture = {
  mounted: directive,
  updated: directive
};
