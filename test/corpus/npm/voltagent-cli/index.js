#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/index.ts
var index_exports = {};
__export(index_exports, {
  runCLI: () => runCLI
});
module.exports = __toCommonJS(index_exports);
var import_chalk13 = __toESM(require("chalk"));
var import_commander = require("commander");
var import_figlet = __toESM(require("figlet"));

// src/commands/add.ts
var import_chalk = __toESM(require("chalk"));

// src/utils/analytics.ts
var import_node_crypto = __toESM(require("crypto"));
var import_node_os = __toESM(require("os"));
var import_posthog_node = require("posthog-node");
var import_uuid = require("uuid");
var isTelemetryDisabled = /* @__PURE__ */ __name(() => {
  return process.env.VOLTAGENT_TELEMETRY_DISABLED === "1" || process.env.VOLTAGENT_TELEMETRY_DISABLED === "true";
}, "isTelemetryDisabled");
var client = new import_posthog_node.PostHog("phc_cLPjGbbZ9BdRtLG3cxoHNch3ZJnQvNhXCHRkeWUI6z5", {
  host: "https://us.i.posthog.com",
  flushAt: 1,
  flushInterval: 0,
  disableGeoip: false
});
var getMachineId = /* @__PURE__ */ __name(() => {
  try {
    const hostname = import_node_os.default.hostname();
    const cpus = import_node_os.default.cpus().length;
    const platform = import_node_os.default.platform();
    const arch = import_node_os.default.arch();
    const dataToHash = `${hostname}-${cpus}-${platform}-${arch}`;
    return import_node_crypto.default.createHash("sha256").update(dataToHash).digest("hex").substring(0, 32);
  } catch {
    return (0, import_uuid.v4)();
  }
}, "getMachineId");
var getOSInfo = /* @__PURE__ */ __name(() => {
  try {
    return {
      os_platform: import_node_os.default.platform(),
      os_release: import_node_os.default.release(),
      os_version: import_node_os.default.version(),
      os_arch: import_node_os.default.arch()
    };
  } catch {
    return {
      os_platform: "unknown",
      os_release: "unknown",
      os_version: "unknown",
      os_arch: "unknown"
    };
  }
}, "getOSInfo");
var captureInitEvent = /* @__PURE__ */ __name((options) => {
  if (isTelemetryDisabled()) return;
  client.capture({
    distinctId: getMachineId(),
    event: "cli_init",
    properties: {
      package_manager: options.packageManager,
      machine_id: getMachineId(),
      ...getOSInfo()
    }
  });
}, "captureInitEvent");
var captureUpdateEvent = /* @__PURE__ */ __name((options) => {
  if (isTelemetryDisabled()) return;
  client.capture({
    distinctId: getMachineId(),
    event: "cli_update_check",
    properties: {
      had_updates: options.hadUpdates,
      machine_id: getMachineId(),
      ...getOSInfo()
    }
  });
}, "captureUpdateEvent");
var captureError = /* @__PURE__ */ __name((options) => {
  if (isTelemetryDisabled()) return;
  client.capture({
    distinctId: getMachineId(),
    event: "cli_error",
    properties: {
      command: options.command,
      error_message: options.errorMessage,
      machine_id: getMachineId(),
      ...getOSInfo()
    }
  });
}, "captureError");
var captureWhoamiEvent = /* @__PURE__ */ __name((options) => {
  if (isTelemetryDisabled()) return;
  client.capture({
    distinctId: getMachineId(),
    event: "cli_whoami",
    properties: {
      num_volt_packages: options.numVoltPackages,
      machine_id: getMachineId(),
      ...getOSInfo()
    }
  });
}, "captureWhoamiEvent");
var captureTunnelEvent = /* @__PURE__ */ __name((options) => {
  if (isTelemetryDisabled()) return;
  client.capture({
    distinctId: getMachineId(),
    event: "cli_tunnel_opened",
    properties: {
      authenticated: options?.authenticated ?? false,
      has_paid_plan: options?.has_paid_plan ?? false,
      plan_name: options?.plan_name ?? "free",
      has_prefix: options?.has_prefix ?? false,
      machine_id: getMachineId(),
      ...getOSInfo()
    }
  });
}, "captureTunnelEvent");
var captureLoginEvent = /* @__PURE__ */ __name((options) => {
  if (isTelemetryDisabled()) return;
  client.capture({
    distinctId: getMachineId(),
    event: "cli_login",
    properties: {
      success: options.success,
      error_message: options.error,
      machine_id: getMachineId(),
      ...getOSInfo()
    }
  });
}, "captureLoginEvent");
var captureLogoutEvent = /* @__PURE__ */ __name(() => {
  if (isTelemetryDisabled()) return;
  client.capture({
    distinctId: getMachineId(),
    event: "cli_logout",
    properties: {
      machine_id: getMachineId(),
      ...getOSInfo()
    }
  });
}, "captureLogoutEvent");
var analytics_default = client;

// src/commands/add.ts
var registerAddCommand = /* @__PURE__ */ __name((program) => {
  program.command("add <agent-slug>").description("Add a VoltAgent agent from the marketplace to your project.").action(async (agentSlug) => {
    try {
      console.log(
        import_chalk.default.yellow(
          `
\u{1F6A7} The 'add' command is coming soon! This feature will allow you to easily integrate agents like '${agentSlug}' into your project.
`
        )
      );
      console.log(
        import_chalk.default.cyan("\nWant to be among the first to try it out and shape its development?\n")
      );
      console.log(
        import_chalk.default.cyan(
          `Join the discussion on GitHub and become an early user: ${import_chalk.default.underline(
            "https://github.com/orgs/voltagent/discussions/74/"
          )}
`
        )
      );
      console.log(import_chalk.default.gray("\nWe appreciate your interest!\n"));
    } catch (error) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      console.error(import_chalk.default.red("\nAn unexpected error occurred:"));
      console.error(errorMessage);
      captureError({
        command: "add",
        errorMessage
      });
      process.exit(1);
    }
  });
}, "registerAddCommand");

// src/commands/deploy.ts
var import_node_fs = require("fs");
var import_node_path = __toESM(require("path"));
var import_chalk2 = __toESM(require("chalk"));
var import_inquirer = __toESM(require("inquirer"));
var import_open = __toESM(require("open"));

// src/templates/cloudflare-wrangler.toml
var cloudflare_wrangler_default = '# Generated by VoltAgent CLI\nname = "voltagent-worker"\nmain = "dist/index.js"\ncompatibility_date = "2025-01-01"\naccount_id = ""\nworkers_dev = true\ncompatibility_flags = [\n  "nodejs_compat",\n  "nodejs_compat_populate_process_env",\n  "no_handle_cross_request_promise_resolution",\n]\n';

// src/templates/netlify.toml
var netlify_default = '# Generated by VoltAgent CLI\n[functions]\n  node_bundler = "esbuild"\n\n[[edge_functions]]\n  function = "voltagent"\n  path = "/*"\n';

// src/templates/vercel.json.template
var vercel_json_default = '// Generated by VoltAgent CLI\n{\n  "version": 3,\n  "functions": {\n    "api/voltagent.ts": {\n      "runtime": "edge"\n    }\n  },\n  "routes": [\n    { "src": "/(.*)", "dest": "/api/voltagent.ts" }\n  ]\n}\n';

// src/commands/deploy.ts
var SUPPORTED_TARGETS = ["voltops", "cloudflare", "vercel", "netlify"];
var CLOUDFLARE_WRANGLER_TEMPLATE = cloudflare_wrangler_default;
var VERCEL_CONFIG_TEMPLATE = vercel_json_default;
var NETLIFY_CONFIG_TEMPLATE = netlify_default;
async function ensureFile(pathToFile, contents) {
  try {
    await import_node_fs.promises.access(pathToFile);
    return false;
  } catch {
    await import_node_fs.promises.writeFile(pathToFile, contents, { encoding: "utf8" });
    return true;
  }
}
__name(ensureFile, "ensureFile");
async function handleVoltOpsDeploy() {
  const url = "https://console.voltagent.dev/deployments";
  console.log(import_chalk2.default.green("\n\u26A1 VoltOps Deployments"));
  console.log(import_chalk2.default.white("   Deploy your VoltAgent application to the cloud with VoltOps.\n"));
  console.log(import_chalk2.default.dim(`   ${url}
`));
  const { openBrowser } = await import_inquirer.default.prompt([
    {
      type: "confirm",
      name: "openBrowser",
      message: "Open VoltOps Deployments in your browser?",
      default: true
    }
  ]);
  if (openBrowser) {
    await (0, import_open.default)(url);
    console.log(import_chalk2.default.green("\n\u2705 Opened in browser.\n"));
  }
}
__name(handleVoltOpsDeploy, "handleVoltOpsDeploy");
async function handleCloudflareDeploy() {
  const targetPath = import_node_path.default.join(process.cwd(), "wrangler.toml");
  const created = await ensureFile(targetPath, CLOUDFLARE_WRANGLER_TEMPLATE);
  if (created) {
    console.log(import_chalk2.default.green(`
\u2705 Created wrangler.toml at ${targetPath}`));
  } else {
    console.log(
      import_chalk2.default.yellow(`
\u26A0\uFE0F  wrangler.toml already exists at ${targetPath}. No changes were made.`)
    );
  }
  console.log("\nNext steps:");
  console.log('  1. Build your project: "pnpm build"');
  console.log('  2. Authenticate if needed: "pnpm wrangler login"');
  console.log('  3. Deploy: "pnpm wrangler deploy"');
  console.log(
    '\nNote: If you maintain multiple Cloudflare accounts or use KV/D1 bindings/routes, edit "wrangler.toml" to provide those values.'
  );
  console.log(
    "Need help? Wrangler docs: https://developers.cloudflare.com/workers/wrangler/configuration/"
  );
  console.log("Join the VoltAgent Discord: https://s.voltagent.dev/discord\n");
}
__name(handleCloudflareDeploy, "handleCloudflareDeploy");
async function handleVercelDeploy() {
  const targetPath = import_node_path.default.join(process.cwd(), "vercel.json");
  const created = await ensureFile(targetPath, VERCEL_CONFIG_TEMPLATE);
  if (created) {
    console.log(import_chalk2.default.green(`
\u2705 Created vercel.json at ${targetPath}`));
  } else {
    console.log(
      import_chalk2.default.yellow(`
\u26A0\uFE0F  vercel.json already exists at ${targetPath}. No changes were made.`)
    );
  }
  console.log("\nNext steps:");
  console.log('  1. Build your project: "pnpm build"');
  console.log(
    '  2. Ensure you have a serverless entry (example: api/voltagent.ts) that exports "voltAgent.serverless().toVercelEdge()".'
  );
  console.log('  3. Authenticate if needed: "pnpm vercel login" (or "vercel login")');
  console.log('  4. Deploy: "pnpm vercel deploy" (or "vercel deploy")');
  console.log(
    "\nNote: Adjust vercel.json routes/functions if you use a different API path or need environment variables."
  );
  console.log("Need help? Vercel Edge docs: https://vercel.com/docs/functions/edge-functions");
  console.log("Join the VoltAgent Discord: https://s.voltagent.dev/discord\n");
}
__name(handleVercelDeploy, "handleVercelDeploy");
async function handleNetlifyDeploy() {
  const targetPath = import_node_path.default.join(process.cwd(), "netlify.toml");
  const created = await ensureFile(targetPath, NETLIFY_CONFIG_TEMPLATE);
  if (created) {
    console.log(import_chalk2.default.green(`
\u2705 Created netlify.toml at ${targetPath}`));
  } else {
    console.log(
      import_chalk2.default.yellow(`
\u26A0\uFE0F  netlify.toml already exists at ${targetPath}. No changes were made.`)
    );
  }
  console.log("\nNext steps:");
  console.log('  1. Build your project: "pnpm build"');
  console.log(
    '  2. Add a function file (example: netlify/functions/voltagent.ts) that exports "createNetlifyFunctionHandler(getVoltAgent())".'
  );
  console.log('  3. Authenticate if needed: "pnpm netlify login" (or "netlify login")');
  console.log('  4. Deploy: "pnpm netlify deploy --prod" (or "netlify deploy --prod")');
  console.log(
    "\nNote: Update netlify.toml to match your project (custom paths, environment variables, etc.)."
  );
  console.log("Need help? Netlify Functions docs: https://docs.netlify.com/functions/overview/");
  console.log("Join the VoltAgent Discord: https://s.voltagent.dev/discord\n");
}
__name(handleNetlifyDeploy, "handleNetlifyDeploy");
var registerDeployCommand = /* @__PURE__ */ __name((program) => {
  program.command("deploy").description("Prepare deployment configuration for supported serverless runtimes.").option("-t, --target <target>", "Target platform").action(async (options) => {
    let target = options.target;
    if (!target) {
      const answer = await import_inquirer.default.prompt([
        {
          type: "list",
          name: "chosenTarget",
          message: "Select a deployment target",
          choices: SUPPORTED_TARGETS,
          default: "voltops"
        }
      ]);
      target = answer.chosenTarget;
    }
    if (!SUPPORTED_TARGETS.includes(target)) {
      console.error(
        import_chalk2.default.red(
          `
Unsupported target "${target}". Supported targets: ${SUPPORTED_TARGETS.join(", ")}.
`
        )
      );
      return;
    }
    try {
      switch (target) {
        case "voltops":
          await handleVoltOpsDeploy();
          break;
        case "cloudflare":
          await handleCloudflareDeploy();
          break;
        case "vercel":
          await handleVercelDeploy();
          break;
        case "netlify":
          await handleNetlifyDeploy();
          break;
        default:
          console.log(import_chalk2.default.yellow("\nNo handlers implemented for the selected target yet.\n"));
      }
    } catch (error) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      console.error(import_chalk2.default.red("\nAn unexpected error occurred during deploy setup:"));
      console.error(errorMessage);
      captureError({
        command: "deploy",
        errorMessage
      });
      process.exit(1);
    }
  });
}, "registerDeployCommand");

// src/commands/eval.ts
var import_node_fs4 = __toESM(require("fs"));
var import_node_path5 = __toESM(require("path"));
var import_sdk3 = require("@voltagent/sdk");
var import_chalk4 = __toESM(require("chalk"));
var import_inquirer3 = __toESM(require("inquirer"));
var import_ora2 = __toESM(require("ora"));

// src/services/eval/dataset-fetch.ts
var import_sdk = require("@voltagent/sdk");
var DEFAULT_PAGE_SIZE = 200;
var fetchDatasetFromVoltOps = /* @__PURE__ */ __name(async (options) => {
  const {
    auth,
    datasetId: initialDatasetId,
    datasetName: requestedDatasetName,
    versionId,
    pageSize
  } = options;
  const sdk = new import_sdk.VoltOpsRestClient(auth);
  let datasetId = initialDatasetId ?? null;
  let datasetName = requestedDatasetName ?? null;
  let datasetDetail = null;
  if (datasetId) {
    datasetDetail = await sdk.getDataset(datasetId);
    if (!datasetDetail) {
      throw new Error(`Dataset with id ${datasetId} not found.`);
    }
    datasetName = datasetDetail.name;
  } else if (datasetName) {
    datasetDetail = await sdk.getDatasetByName(datasetName);
    if (!datasetDetail) {
      throw new Error(`Dataset named "${datasetName}" not found.`);
    }
    datasetId = datasetDetail.id;
  } else {
    throw new Error(
      "Provide dataset name (--name) or dataset id (--id). Alternatively set VOLTAGENT_DATASET_NAME or VOLTAGENT_DATASET_ID."
    );
  }
  if (!datasetDetail) {
    datasetDetail = await sdk.getDataset(datasetId);
    if (!datasetDetail) {
      throw new Error(`Dataset (${datasetId}) could not be retrieved.`);
    }
  }
  const targetVersionId = versionId ?? process.env.VOLTAGENT_DATASET_VERSION_ID ?? datasetDetail.versions?.[0]?.id ?? null;
  if (!targetVersionId) {
    throw new Error("Dataset has no versions. Please create a version before pulling items.");
  }
  const versionSummary = datasetDetail.versions?.find((version) => version.id === targetVersionId);
  if (!versionSummary) {
    throw new Error(`Version ${targetVersionId} not found for dataset ${datasetDetail.name}.`);
  }
  const limit = pageSize ?? DEFAULT_PAGE_SIZE;
  let offset = 0;
  let total = 0;
  const items = [];
  while (true) {
    const response = await sdk.listDatasetItems(datasetId, targetVersionId, {
      limit,
      offset
    });
    const fetched = response.items ?? [];
    total = response.total ?? fetched.length;
    for (const item of fetched) {
      items.push({
        name: item.label ?? void 0,
        input: item.input,
        expected: item.expected,
        extra: item.extra ?? null
      });
    }
    offset += fetched.length;
    options.onProgress?.(items.length, total);
    if (items.length >= total || fetched.length === 0) {
      break;
    }
  }
  const datasetFile = {
    name: datasetDetail.name,
    description: datasetDetail.description ?? versionSummary.description ?? null,
    tags: datasetDetail.tags ?? null,
    metadata: null,
    checksum: null,
    data: items
  };
  return {
    datasetId,
    datasetName: datasetDetail.name,
    datasetDescription: datasetDetail.description ?? null,
    datasetTags: datasetDetail.tags ?? null,
    versionId: targetVersionId,
    versionLabel: versionSummary.description ?? null,
    itemCount: items.length,
    datasetFile
  };
}, "fetchDatasetFromVoltOps");

// src/services/eval/dataset-loader.ts
var import_promises = __toESM(require("fs/promises"));
var import_node_path2 = __toESM(require("path"));
var DEFAULT_DATASET_DIR = ".voltagent/datasets";
var resolveDatasetFilePath = /* @__PURE__ */ __name((datasetName, options = {}) => {
  const workingDir = options.cwd ?? process.cwd();
  if (options.filePath) {
    return import_node_path2.default.isAbsolute(options.filePath) ? options.filePath : import_node_path2.default.resolve(workingDir, options.filePath);
  }
  return import_node_path2.default.resolve(workingDir, DEFAULT_DATASET_DIR, `${datasetName}.json`);
}, "resolveDatasetFilePath");
var readDatasetFile = /* @__PURE__ */ __name(async (datasetName, options = {}) => {
  const filePath = resolveDatasetFilePath(datasetName, options);
  const fileContents = await import_promises.default.readFile(filePath, "utf-8");
  const parsed = JSON.parse(fileContents);
  return parsed;
}, "readDatasetFile");
var writeDatasetFile = /* @__PURE__ */ __name(async (filePath, data) => {
  const content = `${JSON.stringify(data, null, 2)}
`;
  await import_promises.default.writeFile(filePath, content, "utf-8");
}, "writeDatasetFile");
var readDatasetFileFromPath = /* @__PURE__ */ __name(async (filePath) => {
  const fileContents = await import_promises.default.readFile(filePath, "utf-8");
  return JSON.parse(fileContents);
}, "readDatasetFileFromPath");
var sortJsonValue = /* @__PURE__ */ __name((value) => {
  if (Array.isArray(value)) {
    return value.map((item) => sortJsonValue(item));
  }
  if (value && typeof value === "object" && value.constructor === Object) {
    const sortedEntries = Object.entries(value).sort(
      ([keyA], [keyB]) => keyA.localeCompare(keyB)
    );
    return sortedEntries.reduce((acc, [key, val]) => {
      acc[key] = sortJsonValue(val);
      return acc;
    }, {});
  }
  return value;
}, "sortJsonValue");
var canonicalizeDataset = /* @__PURE__ */ __name((dataset) => {
  const clone = {
    ...dataset,
    data: dataset.data ? dataset.data.map((item) => ({ ...item })) : void 0,
    tags: dataset.tags ? [...dataset.tags] : void 0
  };
  if (clone.tags) {
    clone.tags.sort((a, b) => a.localeCompare(b));
  }
  if (clone.data) {
    clone.data.sort((left, right) => {
      const leftLabel = left.name ?? "";
      const rightLabel = right.name ?? "";
      return leftLabel.localeCompare(rightLabel);
    });
    clone.data = clone.data.map((item) => {
      const sortedItem = sortJsonValue(item);
      return sortedItem;
    });
  }
  return JSON.stringify(sortJsonValue(clone));
}, "canonicalizeDataset");
var datasetsEqual = /* @__PURE__ */ __name((left, right) => {
  return canonicalizeDataset(left) === canonicalizeDataset(right);
}, "datasetsEqual");

// src/services/eval/dataset-push.ts
var import_internal = require("@voltagent/internal");
var buildHeaders = /* @__PURE__ */ __name((auth) => ({
  "Content-Type": "application/json",
  "X-Public-Key": auth.publicKey,
  "X-Secret-Key": auth.secretKey
}), "buildHeaders");
var joinUrl = /* @__PURE__ */ __name((baseUrl, pathname) => {
  const trimmed = baseUrl.replace(/\/$/, "");
  return `${trimmed}${pathname}`;
}, "joinUrl");
var handleResponse = /* @__PURE__ */ __name(async (response) => {
  if (!response.ok) {
    const text = await response.text().catch(() => response.statusText);
    throw new Error(`Request failed (${response.status}): ${text}`);
  }
  const contentType = response.headers.get("content-type");
  if (contentType?.includes("application/json")) {
    return await response.json();
  }
  return void 0;
}, "handleResponse");
var pushDatasetToVoltOps = /* @__PURE__ */ __name(async (options) => {
  const { datasetName, dataset, auth } = options;
  const headers = buildHeaders(auth);
  const datasetPayload = {
    name: dataset.name ?? datasetName,
    description: dataset.description ?? null,
    tags: dataset.tags ?? [],
    metadata: dataset.metadata ?? null
  };
  const datasetResponse = await fetch(joinUrl(auth.baseUrl, "/evals/datasets"), {
    method: "POST",
    headers,
    body: (0, import_internal.safeStringify)(datasetPayload)
  });
  let datasetId;
  if (datasetResponse.ok) {
    const datasetJson = await datasetResponse.json();
    datasetId = datasetJson.id;
  } else if (datasetResponse.status === 409 || datasetResponse.status === 400) {
    const fallbackUrl = new URL(joinUrl(auth.baseUrl, "/evals/datasets"));
    fallbackUrl.searchParams.set("name", datasetPayload.name);
    const existingResponse = await fetch(fallbackUrl, { headers });
    const existingJson = await handleResponse(existingResponse);
    const match = Array.isArray(existingJson?.data) ? existingJson.data.find((item) => item?.name === datasetPayload.name) : Array.isArray(existingJson) ? existingJson.find((item) => item?.name === datasetPayload.name) : null;
    if (!match?.id) {
      const bodyText = await datasetResponse.text().catch(() => datasetResponse.statusText);
      throw new Error(`Failed to create dataset: ${bodyText}`);
    }
    datasetId = match.id;
  } else {
    const bodyText = await datasetResponse.text().catch(() => datasetResponse.statusText);
    throw new Error(`Failed to create dataset (${datasetResponse.status}): ${bodyText}`);
  }
  const versionPayload = {
    description: dataset.description ?? null,
    metadata: dataset.metadata ?? null,
    checksum: dataset.checksum ?? null
  };
  const versionResponse = await fetch(
    joinUrl(auth.baseUrl, `/evals/datasets/${datasetId}/versions`),
    {
      method: "POST",
      headers,
      body: (0, import_internal.safeStringify)(versionPayload)
    }
  );
  const versionJson = await handleResponse(versionResponse);
  const datasetVersionId = versionJson.id;
  const items = dataset.data ?? [];
  for (const item of items) {
    const itemPayload = {
      input: item.input,
      expected: item.expected ?? null,
      extra: item.extra ?? null,
      label: item.name ?? null
    };
    const itemResponse = await fetch(
      joinUrl(auth.baseUrl, `/evals/datasets/${datasetId}/versions/${datasetVersionId}/items`),
      {
        method: "POST",
        headers,
        body: (0, import_internal.safeStringify)(itemPayload)
      }
    );
    if (!itemResponse.ok) {
      const text = await itemResponse.text().catch(() => itemResponse.statusText);
      throw new Error(`Failed to create dataset item (${item.name ?? "unnamed"}): ${text}`);
    }
  }
  return {
    datasetId,
    datasetVersionId,
    itemCount: items.length
  };
}, "pushDatasetToVoltOps");

// src/services/eval/run-experiment.ts
var import_node_fs2 = __toESM(require("fs"));
var import_node_path3 = __toESM(require("path"));
var import_node_url = require("url");
var import_evals = require("@voltagent/evals");
var import_sdk2 = require("@voltagent/sdk");
var import_bundle_require = require("bundle-require");
var import_chalk3 = __toESM(require("chalk"));
var import_ora = __toESM(require("ora"));
var DEFAULT_TRIGGER_SOURCE = "run-experiment";
async function runExperimentCli(options) {
  const spinner = (0, import_ora.default)("Loading experiment definition").start();
  try {
    const absolutePath = resolveExperimentPath(options.experimentPath, options.cwd);
    const definition = await loadExperimentDefinition(absolutePath);
    const configWithOverrides = applyOverrides(definition.config, {
      datasetName: options.datasetOverride,
      experimentName: options.experimentNameOverride,
      triggerSource: options.tagOverride
    });
    if (options.tagOverride) {
      process.env.VOLTAGENT_TRIGGER_SOURCE = options.tagOverride;
    }
    if (options.datasetOverride) {
      process.env.VOLTAGENT_DATASET_NAME = options.datasetOverride;
    }
    if (options.dryRun) {
      process.env.VOLTAGENT_DISABLE_REMOTE_SUBMIT = "1";
    }
    const voltOpsClient = options.dryRun || !options.auth ? void 0 : new import_sdk2.VoltOpsRestClient({
      baseUrl: options.auth.baseUrl,
      publicKey: options.auth.publicKey,
      secretKey: options.auth.secretKey
    });
    const basics = describeExperimentBasics(configWithOverrides, absolutePath);
    const experimentName = basics.experimentName;
    const datasetName = basics.datasetName;
    let voltOpsExperimentName = basics.voltOpsExperimentName;
    const concurrencyLevel = Math.max(1, Math.trunc(options.concurrency ?? 1) || 1);
    let latestCompleted = 0;
    let totalItems;
    let lastItemDetail = null;
    let experimentMeta = null;
    renderRunBanner({
      experimentName,
      datasetName,
      voltOpsExperimentName,
      concurrency: concurrencyLevel,
      dryRun: Boolean(options.dryRun),
      triggerTag: options.tagOverride ?? configWithOverrides.voltOps?.triggerSource ?? DEFAULT_TRIGGER_SOURCE,
      datasetLimit: configWithOverrides.dataset?.limit,
      autoCreate: configWithOverrides.experiment?.autoCreate !== false
    });
    const refreshSpinner = /* @__PURE__ */ __name(() => {
      spinner.text = buildSpinnerText({
        experimentName,
        datasetName,
        voltOpsExperimentName,
        completed: latestCompleted,
        total: totalItems,
        lastItem: lastItemDetail,
        concurrency: concurrencyLevel
      });
    }, "refreshSpinner");
    refreshSpinner();
    const result = await (0, import_evals.runExperiment)(configWithOverrides, {
      voltOpsClient,
      concurrency: options.concurrency,
      onItem: /* @__PURE__ */ __name((event) => {
        if (totalItems === void 0 && event.summary.totalCount) {
          totalItems = event.summary.totalCount;
        }
        lastItemDetail = describeLastItem(event, totalItems);
        latestCompleted = event.summary.completedCount;
        refreshSpinner();
      }, "onItem"),
      onProgress: /* @__PURE__ */ __name(({ completed, total }) => {
        latestCompleted = completed;
        if (total !== void 0) {
          totalItems = total;
        }
        refreshSpinner();
      }, "onProgress")
    });
    experimentMeta = extractVoltOpsExperimentMetadata(result.metadata);
    if (experimentMeta?.name) {
      voltOpsExperimentName = experimentMeta.name;
    }
    latestCompleted = result.summary.completedCount;
    totalItems = result.summary.totalCount;
    refreshSpinner();
    spinner.succeed(
      import_chalk3.default.green(
        `Experiment completed (${result.summary.completedCount}/${result.summary.totalCount} items processed)`
      )
    );
    logSummary(result.summary);
    if (experimentMeta) {
      const label = experimentMeta.name ?? experimentMeta.id ?? "unnamed";
      if (experimentMeta.created) {
        console.log(import_chalk3.default.green(`Created VoltOps experiment ${import_chalk3.default.cyan(label)}`));
      }
      if (experimentMeta.name && !experimentMeta.id && !experimentMeta.autoCreateAttempted) {
        console.log(
          import_chalk3.default.yellow(
            `VoltOps experiment "${experimentMeta.name}" was not found. Run results are not linked.`
          )
        );
      }
      if (experimentMeta.autoCreateAttempted && !experimentMeta.autoCreateSupported) {
        const reason = experimentMeta.autoCreateReason ?? "VoltOps experiment auto-create is not supported by the current client";
        console.log(import_chalk3.default.yellow(`VoltOps experiment auto-create unavailable: ${reason}`));
      } else if (experimentMeta.autoCreateAttempted && experimentMeta.autoCreateReason) {
        console.log(
          import_chalk3.default.yellow(`VoltOps experiment auto-create: ${experimentMeta.autoCreateReason}`)
        );
      }
    } else if (voltOpsClient && configWithOverrides.experiment?.name) {
      console.log(
        import_chalk3.default.yellow(
          `VoltOps experiment "${configWithOverrides.experiment.name}" was not linked. Provide an experiment id or enable autoCreate.`
        )
      );
    }
    if (voltOpsClient && result.runId) {
      const consoleBase = (process.env.VOLTAGENT_CONSOLE_URL ?? "https://console.voltagent.dev").replace(/\/$/, "");
      const runUrl = `${consoleBase}/evals/runs?runId=${result.runId}`;
      console.log("");
      console.log(
        import_chalk3.default.bgBlue.white.bold(" VoltOps "),
        import_chalk3.default.blueBright(
          experimentMeta?.name ? `Experiment ${experimentMeta.name} \u2192` : "View run results \u2192"
        ),
        import_chalk3.default.cyan(runUrl)
      );
    }
  } catch (error) {
    spinner.fail(import_chalk3.default.red("Experiment run failed"));
    throw error;
  }
}
__name(runExperimentCli, "runExperimentCli");
function resolveExperimentPath(filePath, cwd) {
  const base = cwd ?? process.cwd();
  const absolute = import_node_path3.default.isAbsolute(filePath) ? filePath : import_node_path3.default.resolve(base, filePath);
  if (!import_node_fs2.default.existsSync(absolute)) {
    throw new Error(`Experiment file not found at ${absolute}`);
  }
  return absolute;
}
__name(resolveExperimentPath, "resolveExperimentPath");
async function loadExperimentDefinition(filePath) {
  const imported = await loadModule(filePath);
  const candidate = imported.default ?? imported.experiment ?? imported.definition ?? imported;
  if (candidate && typeof candidate === "object" && candidate.kind === import_evals.EXPERIMENT_DEFINITION_KIND) {
    return candidate;
  }
  throw new Error(
    "Provided module does not export a valid experiment definition. Use `createExperiment(...)`."
  );
}
__name(loadExperimentDefinition, "loadExperimentDefinition");
async function loadModule(filePath) {
  if (isTypeScriptModule(filePath)) {
    const { mod } = await (0, import_bundle_require.bundleRequire)({
      filepath: filePath,
      cwd: import_node_path3.default.dirname(filePath)
    });
    return mod;
  }
  const moduleUrl = (0, import_node_url.pathToFileURL)(filePath).href;
  return await import(moduleUrl);
}
__name(loadModule, "loadModule");
function isTypeScriptModule(filePath) {
  if (filePath.endsWith(".d.ts")) {
    return false;
  }
  const extension = import_node_path3.default.extname(filePath).toLowerCase();
  return extension === ".ts" || extension === ".tsx" || extension === ".mts" || extension === ".cts";
}
__name(isTypeScriptModule, "isTypeScriptModule");
function applyOverrides(config, overrides) {
  const voltOps = {
    ...config.voltOps ?? {},
    triggerSource: overrides.triggerSource ?? config.voltOps?.triggerSource
  };
  const dataset = applyDatasetOverride(config.dataset, overrides.datasetName);
  const experiment = applyExperimentOverride(config.experiment, overrides.experimentName);
  return {
    ...config,
    dataset,
    voltOps,
    experiment
  };
}
__name(applyOverrides, "applyOverrides");
function applyDatasetOverride(dataset, nameOverride) {
  if (!dataset) {
    return void 0;
  }
  if (!nameOverride) {
    return dataset;
  }
  return {
    ...dataset,
    name: nameOverride
  };
}
__name(applyDatasetOverride, "applyDatasetOverride");
function applyExperimentOverride(experiment, nameOverride) {
  if (!nameOverride) {
    return experiment;
  }
  const trimmedName = nameOverride.trim();
  if (!trimmedName) {
    return experiment;
  }
  if (!experiment) {
    return {
      name: trimmedName,
      autoCreate: true
    };
  }
  return {
    ...experiment,
    name: trimmedName
  };
}
__name(applyExperimentOverride, "applyExperimentOverride");
function renderRunBanner(context) {
  const rows = [];
  rows.push(["Experiment", import_chalk3.default.cyan(context.experimentName)]);
  const datasetLabel = context.datasetName ?? "\u2014";
  const datasetValue = context.datasetName ? import_chalk3.default.cyan(datasetLabel) : import_chalk3.default.gray(datasetLabel);
  rows.push(["Dataset", datasetValue]);
  if (context.datasetLimit !== void 0) {
    rows.push([
      "Dataset limit",
      context.datasetLimit > 0 ? String(context.datasetLimit) : import_chalk3.default.gray("\u2014")
    ]);
  }
  const voltOpsParts = [];
  if (context.voltOpsExperimentName) {
    voltOpsParts.push(import_chalk3.default.cyan(context.voltOpsExperimentName));
  } else {
    voltOpsParts.push(import_chalk3.default.gray("\u2014"));
  }
  if (context.autoCreate) {
    voltOpsParts.push(import_chalk3.default.dim("auto-create"));
  }
  rows.push(["VoltOps experiment", voltOpsParts.join(" ")]);
  rows.push(["Concurrency", import_chalk3.default.cyan(String(context.concurrency))]);
  rows.push([
    "Mode",
    context.dryRun ? import_chalk3.default.yellow("dry-run (VoltOps disabled)") : import_chalk3.default.cyan("VoltOps linked")
  ]);
  if (context.triggerTag) {
    rows.push(["Trigger", import_chalk3.default.cyan(context.triggerTag)]);
  }
  const labelWidth = rows.reduce((max, [label]) => Math.max(max, label.length), 0);
  console.log("");
  console.log(import_chalk3.default.bold("Experiment Setup"));
  for (const [label, value] of rows) {
    console.log(`  ${import_chalk3.default.dim(label.padEnd(labelWidth))}  ${value}`);
  }
  console.log("");
}
__name(renderRunBanner, "renderRunBanner");
function describeExperimentBasics(config, experimentPath) {
  const experimentName = (typeof config.label === "string" && config.label.trim().length > 0 ? config.label.trim() : config.id?.trim()) || stripExperimentExtension(import_node_path3.default.basename(experimentPath));
  return {
    experimentName,
    datasetName: extractDatasetLabel(config.dataset),
    voltOpsExperimentName: extractVoltOpsExperimentName(config)
  };
}
__name(describeExperimentBasics, "describeExperimentBasics");
function extractDatasetLabel(descriptor) {
  if (!descriptor || typeof descriptor !== "object") {
    return null;
  }
  const record = descriptor;
  const keys = ["label", "name", "id"];
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && value.trim().length > 0) {
      return value.trim();
    }
  }
  return null;
}
__name(extractDatasetLabel, "extractDatasetLabel");
function extractVoltOpsExperimentName(config) {
  const binding = config.experiment;
  if (!binding) {
    return null;
  }
  if (typeof binding.name === "string" && binding.name.trim().length > 0) {
    return binding.name.trim();
  }
  if (typeof binding.id === "string" && binding.id.trim().length > 0) {
    return binding.id.trim();
  }
  return null;
}
__name(extractVoltOpsExperimentName, "extractVoltOpsExperimentName");
function buildSpinnerText(args) {
  const headerParts = [args.experimentName];
  if (args.datasetName) {
    headerParts.push(`dataset ${args.datasetName}`);
  }
  if (args.voltOpsExperimentName) {
    headerParts.push(`VoltOps ${args.voltOpsExperimentName}`);
  }
  if (args.concurrency > 1) {
    headerParts.push(`${args.concurrency}\xD7 concurrency`);
  }
  const progressSegments = [];
  const totalLabel = args.total !== void 0 ? `${args.completed}/${args.total} items` : `${args.completed} items`;
  progressSegments.push(totalLabel);
  if (typeof args.total === "number" && args.total > 0) {
    const ratio = Math.min(1, Math.max(0, args.completed / args.total));
    progressSegments.push(`${Math.round(ratio * 100)}%`);
  }
  let text = `Running ${headerParts.join(" \u2022 ")} \u2014 ${progressSegments.join(" \u2022 ")}`;
  if (args.lastItem) {
    text += ` \u2014 last: ${truncateText(args.lastItem, 90)}`;
  }
  return text;
}
__name(buildSpinnerText, "buildSpinnerText");
function describeLastItem(event, totalHint) {
  const total = totalHint && totalHint > 0 ? totalHint : event.summary.totalCount || void 0;
  const position = total && total > 0 ? `${event.index + 1}/${total}` : `#${event.index + 1}`;
  const statusSymbol = formatStatusSymbol(event.result.status);
  const label = extractItemLabel(event.item, event.result.itemId);
  const scoreSummary = formatPrimaryScore(event.result.scores);
  const duration = formatDuration(event.result.durationMs ?? event.result.runner.durationMs);
  const meanScore = formatScoreValue(event.summary.meanScore);
  const segments = [`${statusSymbol} ${position}`, label];
  if (scoreSummary) {
    segments.push(`score ${scoreSummary}`);
  }
  if (event.result.thresholdPassed === false) {
    segments.push("threshold miss");
  }
  if (duration) {
    segments.push(duration);
  }
  if (meanScore) {
    segments.push(`mean ${meanScore}`);
  }
  return segments.join(" \u2022 ");
}
__name(describeLastItem, "describeLastItem");
function extractItemLabel(item, fallback) {
  if (item && typeof item === "object") {
    const record = item;
    const keys = ["label", "name", "title", "id"];
    for (const key of keys) {
      const value = record[key];
      if (typeof value === "string" && value.trim().length > 0) {
        return value.trim();
      }
    }
  }
  return fallback;
}
__name(extractItemLabel, "extractItemLabel");
function formatPrimaryScore(scores) {
  for (const score of Object.values(scores)) {
    if (typeof score.score === "number" && Number.isFinite(score.score)) {
      const value = formatScoreValue(score.score);
      const threshold = typeof score.threshold === "number" && Number.isFinite(score.threshold) ? formatScoreValue(score.threshold) : null;
      if (value && threshold) {
        return `${value} (thr ${threshold})`;
      }
      if (value) {
        return value;
      }
    }
  }
  return null;
}
__name(formatPrimaryScore, "formatPrimaryScore");
function formatScoreValue(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return null;
  }
  if (value >= 0 && value <= 1) {
    return `${Math.round(value * 100)}%`;
  }
  const abs = Math.abs(value);
  if (abs < 10) {
    return value.toFixed(2);
  }
  if (abs < 100) {
    return value.toFixed(1);
  }
  return value.toFixed(0);
}
__name(formatScoreValue, "formatScoreValue");
function formatDuration(durationMs) {
  if (durationMs === null || durationMs === void 0 || !Number.isFinite(durationMs)) {
    return null;
  }
  if (durationMs >= 1e3) {
    const seconds = durationMs / 1e3;
    if (seconds >= 10) {
      return `${seconds.toFixed(1)}s`;
    }
    return `${seconds.toFixed(2)}s`;
  }
  return `${Math.max(1, Math.round(durationMs))}ms`;
}
__name(formatDuration, "formatDuration");
function formatStatusSymbol(status) {
  switch (status) {
    case "passed":
      return "\u2713";
    case "failed":
      return "\u2717";
    case "error":
      return "\u26A0";
    default:
      return "\u2022";
  }
}
__name(formatStatusSymbol, "formatStatusSymbol");
function truncateText(value, maxLength) {
  if (value.length <= maxLength) {
    return value;
  }
  return `${value.slice(0, Math.max(0, maxLength - 1))}\u2026`;
}
__name(truncateText, "truncateText");
function stripExperimentExtension(value) {
  return value.replace(/\.(?:c|m)?[tj]s$/i, "");
}
__name(stripExperimentExtension, "stripExperimentExtension");
function extractVoltOpsExperimentMetadata(metadata) {
  if (!metadata || typeof metadata !== "object") {
    return null;
  }
  const voltOps = metadata.voltOps;
  if (!voltOps || typeof voltOps !== "object") {
    return null;
  }
  const experiment = voltOps.experiment;
  if (!experiment || typeof experiment !== "object") {
    return null;
  }
  const record = experiment;
  const id = typeof record.id === "string" ? record.id : null;
  const name = typeof record.name === "string" ? record.name : null;
  const created = Boolean(record.created);
  const autoCreateAttempted = Boolean(record.autoCreateAttempted);
  const autoCreateSupported = record.autoCreateSupported !== false;
  const autoCreateReason = typeof record.autoCreateReason === "string" ? record.autoCreateReason : null;
  if (!id && !name && !autoCreateAttempted) {
    return null;
  }
  return {
    id,
    name,
    created,
    autoCreateAttempted,
    autoCreateSupported,
    autoCreateReason
  };
}
__name(extractVoltOpsExperimentMetadata, "extractVoltOpsExperimentMetadata");
function logSummary(summary) {
  const {
    successCount,
    failureCount,
    errorCount,
    completedCount,
    totalCount,
    meanScore,
    passRate
  } = summary;
  console.log("");
  console.log(import_chalk3.default.bold("Summary"));
  console.log(`  Completed: ${completedCount}/${totalCount}`);
  console.log(import_chalk3.default.green(`  Success: ${successCount}`));
  if (failureCount) {
    console.log(import_chalk3.default.yellow(`  Failures: ${failureCount}`));
  }
  if (errorCount) {
    console.log(import_chalk3.default.red(`  Errors: ${errorCount}`));
  }
  if (meanScore !== null && meanScore !== void 0) {
    console.log(`  Mean score: ${meanScore.toFixed(3)}`);
  }
  if (passRate !== null && passRate !== void 0) {
    console.log(`  Pass rate: ${(passRate * 100).toFixed(1)}%`);
  }
  console.log("");
}
__name(logSummary, "logSummary");

// src/utils/config.ts
var import_node_fs3 = __toESM(require("fs"));
var import_node_os2 = __toESM(require("os"));
var import_node_path4 = __toESM(require("path"));
var import_configstore = __toESM(require("configstore"));
var import_dotenv = __toESM(require("dotenv"));
var import_inquirer2 = __toESM(require("inquirer"));
var ENV_FILE_NAME = ".env";
var normaliseBaseUrl = /* @__PURE__ */ __name((input) => input.replace(/\/?$/, ""), "normaliseBaseUrl");
var DEFAULT_API_URL = "https://api.voltagent.dev";
var isNonEmptyString = /* @__PURE__ */ __name((value) => typeof value === "string" && value.trim().length > 0, "isNonEmptyString");
var envCredentialMessageShown = false;
var loadLocalEnvFile = /* @__PURE__ */ __name(() => {
  const envPath = import_node_path4.default.resolve(process.cwd(), ENV_FILE_NAME);
  if (import_node_fs3.default.existsSync(envPath)) {
    const result = import_dotenv.default.config({ path: envPath, override: false });
    return {
      path: envPath,
      parsed: result.parsed !== void 0
    };
  }
  return null;
}, "loadLocalEnvFile");
var upsertEnvValues = /* @__PURE__ */ __name((envPath, values) => {
  let content = import_node_fs3.default.existsSync(envPath) ? import_node_fs3.default.readFileSync(envPath, "utf-8") : "";
  for (const [key, value] of Object.entries(values)) {
    const line = `${key}=${value}`;
    const pattern = new RegExp(`^${key}=.*$`, "m");
    if (pattern.test(content)) {
      content = content.replace(pattern, line);
    } else {
      if (content && !content.endsWith("\n")) {
        content += "\n";
      }
      content += `${line}
`;
    }
  }
  import_node_fs3.default.writeFileSync(envPath, content, "utf-8");
}, "upsertEnvValues");
var resolveAuthConfig = /* @__PURE__ */ __name(async (options = {}) => {
  const envFile = loadLocalEnvFile();
  const envPath = envFile?.path ?? null;
  const envWasLoaded = envFile?.parsed ?? false;
  const envBaseUrl = process.env.VOLTAGENT_API_URL;
  const envPublic = process.env.VOLTAGENT_PUBLIC_KEY;
  const envSecret = process.env.VOLTAGENT_SECRET_KEY;
  if (isNonEmptyString(envBaseUrl) && isNonEmptyString(envPublic) && isNonEmptyString(envSecret)) {
    if (envWasLoaded && envPath && !envCredentialMessageShown) {
      const relativePath = import_node_path4.default.relative(process.cwd(), envPath);
      const displayPath = relativePath && !relativePath.startsWith("..") ? relativePath || ENV_FILE_NAME : envPath;
      console.log(`Using VoltAgent credentials from ${displayPath}`);
      envCredentialMessageShown = true;
    }
    return {
      baseUrl: normaliseBaseUrl(envBaseUrl.trim()),
      publicKey: envPublic.trim(),
      secretKey: envSecret.trim()
    };
  }
  if (!options.promptIfMissing) {
    throw new Error(
      "VoltAgent credentials not found. Set VOLTAGENT_API_URL, VOLTAGENT_PUBLIC_KEY, VOLTAGENT_SECRET_KEY in your environment or .env file."
    );
  }
  const baseUrlSource = isNonEmptyString(envBaseUrl) ? envBaseUrl : DEFAULT_API_URL;
  const baseUrl = normaliseBaseUrl(baseUrlSource.trim());
  const prompts = [];
  if (!isNonEmptyString(envPublic)) {
    prompts.push({
      type: "password",
      name: "publicKey",
      message: "VoltAgent public key",
      mask: "*",
      validate: /* @__PURE__ */ __name((value) => isNonEmptyString(value) ? true : "Public key cannot be empty", "validate")
    });
  }
  if (!isNonEmptyString(envSecret)) {
    prompts.push({
      type: "password",
      name: "secretKey",
      message: "VoltAgent secret key",
      mask: "*",
      validate: /* @__PURE__ */ __name((value) => isNonEmptyString(value) ? true : "Secret key cannot be empty", "validate")
    });
  }
  const answers = prompts.length > 0 ? await import_inquirer2.default.prompt(prompts) : { publicKey: envPublic, secretKey: envSecret };
  const publicKeySource = isNonEmptyString(envPublic) ? envPublic : answers.publicKey;
  const secretKeySource = isNonEmptyString(envSecret) ? envSecret : answers.secretKey;
  if (!isNonEmptyString(publicKeySource) || !isNonEmptyString(secretKeySource)) {
    throw new Error(
      "VoltAgent credentials not found. Provide VOLTAGENT_PUBLIC_KEY and VOLTAGENT_SECRET_KEY."
    );
  }
  const publicKey = publicKeySource.trim();
  const secretKey = secretKeySource.trim();
  process.env.VOLTAGENT_API_URL = baseUrl;
  process.env.VOLTAGENT_PUBLIC_KEY = publicKey;
  process.env.VOLTAGENT_SECRET_KEY = secretKey;
  const targetEnvPath = envPath ?? import_node_path4.default.resolve(process.cwd(), ENV_FILE_NAME);
  upsertEnvValues(targetEnvPath, {
    VOLTAGENT_PUBLIC_KEY: publicKey,
    VOLTAGENT_SECRET_KEY: secretKey
  });
  return {
    baseUrl,
    publicKey,
    secretKey
  };
}, "resolveAuthConfig");
var voltOpsConfig = new import_configstore.default(
  "voltcli",
  {},
  {
    globalConfigPath: true
    // Use ~/.config/voltcli instead of ~/.config/configstore/voltcli
  }
);
var migrateOldConfig = /* @__PURE__ */ __name(() => {
  try {
    const homeDir = import_node_os2.default.homedir();
    const oldConfigDir = process.platform === "win32" ? import_node_path4.default.join(process.env.APPDATA || import_node_path4.default.join(homeDir, "AppData", "Roaming"), "voltcli") : import_node_path4.default.join(homeDir, ".voltcli");
    const oldConfigPath = import_node_path4.default.join(oldConfigDir, "config.json");
    if (import_node_fs3.default.existsSync(oldConfigPath) && !voltOpsConfig.has("token")) {
      const oldConfigContent = import_node_fs3.default.readFileSync(oldConfigPath, "utf-8");
      const oldConfig = JSON.parse(oldConfigContent);
      voltOpsConfig.set("token", oldConfig.token);
      voltOpsConfig.set("user", oldConfig.user);
      voltOpsConfig.set("loginDate", oldConfig.loginDate);
      import_node_fs3.default.unlinkSync(oldConfigPath);
      try {
        import_node_fs3.default.rmdirSync(oldConfigDir);
      } catch {
      }
    }
  } catch (error) {
    console.error("Warning: Failed to migrate old config:", error);
  }
}, "migrateOldConfig");
migrateOldConfig();
var readVoltOpsToken = /* @__PURE__ */ __name(() => {
  return voltOpsConfig.get("token") ?? null;
}, "readVoltOpsToken");
var readVoltOpsConfig = /* @__PURE__ */ __name(() => {
  if (!voltOpsConfig.has("token")) {
    return null;
  }
  return {
    token: voltOpsConfig.get("token"),
    user: voltOpsConfig.get("user"),
    loginDate: voltOpsConfig.get("loginDate")
  };
}, "readVoltOpsConfig");
var writeVoltOpsToken = /* @__PURE__ */ __name((token, user) => {
  voltOpsConfig.set({
    token,
    user,
    loginDate: (/* @__PURE__ */ new Date()).toISOString()
  });
}, "writeVoltOpsToken");
var deleteVoltOpsToken = /* @__PURE__ */ __name(() => {
  voltOpsConfig.clear();
}, "deleteVoltOpsToken");
var getVoltOpsConfigPath = /* @__PURE__ */ __name(() => {
  return voltOpsConfig.path;
}, "getVoltOpsConfigPath");
var getTunnelPrefix = /* @__PURE__ */ __name(() => {
  loadLocalEnvFile();
  return process.env.VOLTAGENT_TUNNEL_PREFIX || null;
}, "getTunnelPrefix");

// src/commands/eval.ts
var ensureFileExists = /* @__PURE__ */ __name((filePath) => {
  if (!import_node_fs4.default.existsSync(filePath)) {
    throw new Error(`Dataset file not found at ${filePath}`);
  }
}, "ensureFileExists");
var parsePositiveInteger = /* @__PURE__ */ __name((value) => {
  const parsed = Number.parseInt(value, 10);
  if (Number.isNaN(parsed) || parsed <= 0) {
    throw new Error("Value must be a positive integer.");
  }
  return parsed;
}, "parsePositiveInteger");
var buildAlternateFilePath = /* @__PURE__ */ __name((basePath) => {
  const { dir, name, ext } = import_node_path5.default.parse(basePath);
  let index = 0;
  const extension = ext || ".json";
  let candidate = import_node_path5.default.join(dir, `${name}-remote${extension}`);
  while (import_node_fs4.default.existsSync(candidate)) {
    index += 1;
    candidate = import_node_path5.default.join(dir, `${name}-remote-${index}${extension}`);
  }
  return candidate;
}, "buildAlternateFilePath");
var promptDatasetDetail = /* @__PURE__ */ __name(async (sdk) => {
  const spinner = (0, import_ora2.default)("Loading datasets from VoltOps").start();
  try {
    const datasets = await sdk.listDatasets();
    spinner.stop();
    if (!datasets.length) {
      throw new Error("No datasets found in VoltOps project. Create a dataset before pulling.");
    }
    const choices = datasets.slice().sort((a, b) => a.name.localeCompare(b.name)).map((dataset) => ({
      name: `${dataset.name} (${dataset.versionCount} version${dataset.versionCount === 1 ? "" : "s"})`,
      value: dataset.id,
      short: dataset.name
    }));
    const answers = await import_inquirer3.default.prompt([
      {
        type: "list",
        name: "datasetId",
        message: "Select a dataset to pull",
        choices
      }
    ]);
    const detailSpinner = (0, import_ora2.default)("Loading dataset detail").start();
    try {
      const detail = await sdk.getDataset(answers.datasetId);
      detailSpinner.stop();
      if (!detail) {
        throw new Error(`Dataset with id ${answers.datasetId} could not be retrieved.`);
      }
      return detail;
    } catch (error) {
      detailSpinner.fail("Failed to load dataset detail");
      throw error;
    }
  } catch (error) {
    spinner.fail("Failed to load dataset list");
    throw error;
  }
}, "promptDatasetDetail");
var resolveDatasetDetail = /* @__PURE__ */ __name(async (sdk, criteria) => {
  if (criteria.datasetId) {
    const spinner = (0, import_ora2.default)(`Loading dataset ${criteria.datasetId}`).start();
    try {
      const detail = await sdk.getDataset(criteria.datasetId);
      spinner.stop();
      if (!detail) {
        throw new Error(`Dataset with id ${criteria.datasetId} not found.`);
      }
      return detail;
    } catch (error) {
      spinner.fail(`Failed to load dataset ${criteria.datasetId}`);
      throw error;
    }
  }
  if (criteria.datasetName) {
    const spinner = (0, import_ora2.default)(`Loading dataset ${criteria.datasetName}`).start();
    try {
      const detail = await sdk.getDatasetByName(criteria.datasetName);
      spinner.stop();
      if (!detail) {
        throw new Error(`Dataset named "${criteria.datasetName}" not found.`);
      }
      return detail;
    } catch (error) {
      spinner.fail(`Failed to load dataset ${criteria.datasetName}`);
      throw error;
    }
  }
  return await promptDatasetDetail(sdk);
}, "resolveDatasetDetail");
var selectVersionId = /* @__PURE__ */ __name(async (detail) => {
  const versions = (detail.versions ?? []).slice();
  if (versions.length === 0) {
    throw new Error(`Dataset ${detail.name} has no versions available to pull.`);
  }
  versions.sort((a, b) => {
    if (typeof b.version === "number" && typeof a.version === "number") {
      return b.version - a.version;
    }
    return new Date(b.createdAt).valueOf() - new Date(a.createdAt).valueOf();
  });
  if (versions.length === 1) {
    return versions[0].id;
  }
  const choices = versions.map((version) => {
    const label = version.description ? ` \u2014 ${version.description}` : "";
    const versionLabel = typeof version.version === "number" ? `v${version.version}` : version.id.slice(0, 8);
    return {
      name: `${versionLabel} \u2022 ${version.itemCount} items${label}`,
      value: version.id,
      short: versionLabel
    };
  });
  const answers = await import_inquirer3.default.prompt([
    {
      type: "list",
      name: "versionId",
      message: `Select a version to pull for ${detail.name}`,
      choices,
      default: choices[0]?.value
    }
  ]);
  return answers.versionId;
}, "selectVersionId");
var registerEvalCommand = /* @__PURE__ */ __name((program) => {
  const evalCommand = program.command("eval").description("Dataset management and evaluation helpers");
  const datasetCommand = evalCommand.command("dataset").description("Dataset related helpers");
  datasetCommand.command("push").description("Push a local dataset JSON file to VoltOps").requiredOption("--name <datasetName>", "Dataset name to sync").option("--file <datasetFile>", "Path to dataset JSON file").action(async (options) => {
    const datasetName = options.name ?? process.env.VOLTAGENT_DATASET_NAME;
    if (!datasetName) {
      throw new Error(
        "Dataset name is required. Provide --name or set VOLTAGENT_DATASET_NAME in your environment."
      );
    }
    const spinner = (0, import_ora2.default)("Preparing dataset payload").start();
    try {
      const auth = await resolveAuthConfig({ promptIfMissing: true });
      const datasetPath = resolveDatasetFilePath(datasetName, {
        filePath: options.file
      });
      ensureFileExists(datasetPath);
      const dataset = await readDatasetFile(datasetName, {
        filePath: options.file
      });
      spinner.text = "Pushing dataset to VoltOps";
      const result = await pushDatasetToVoltOps({
        datasetName,
        dataset,
        auth
      });
      spinner.succeed(
        import_chalk4.default.green(
          `Dataset synced: ${datasetName} (datasetId=${result.datasetId}, versionId=${result.datasetVersionId}, items=${result.itemCount})`
        )
      );
      const consoleBase = (process.env.VOLTAGENT_CONSOLE_URL ?? "https://console.voltagent.dev").replace(/\/$/, "");
      const datasetUrl = `${consoleBase}/evals/datasets/${result.datasetId}`;
      console.log(import_chalk4.default.cyan(`View dataset in VoltOps Console \u2192 ${datasetUrl}`));
    } catch (error) {
      spinner.fail("Dataset push failed");
      throw error;
    }
  });
  datasetCommand.command("pull").description("Download a dataset version from VoltOps into .voltagent/datasets").option("--name <datasetName>", "Dataset name to pull (defaults to VOLTAGENT_DATASET_NAME)").option("--id <datasetId>", "Dataset ID to pull (overrides --name)").option("--version <versionId>", "Dataset version ID (defaults to latest)").option("--output <filePath>", "Custom output file path").option("--overwrite", "Overwrite existing file if present", false).option("--page-size <size>", "Number of items to fetch per request", parsePositiveInteger).action(
    async (options) => {
      const auth = await resolveAuthConfig({ promptIfMissing: true });
      const sdk = new import_sdk3.VoltOpsRestClient(auth);
      const datasetDetail = await resolveDatasetDetail(sdk, {
        datasetId: options.id,
        datasetName: options.name
      });
      let versionId = options.version ?? void 0;
      if (versionId) {
        const versionExists = (datasetDetail.versions ?? []).some(
          (version) => version.id === versionId
        );
        if (!versionExists) {
          throw new Error(`Version ${versionId} not found in dataset ${datasetDetail.name}.`);
        }
      } else {
        versionId = await selectVersionId(datasetDetail);
      }
      const spinner = (0, import_ora2.default)("Fetching dataset metadata").start();
      try {
        let totalItems = null;
        const result = await fetchDatasetFromVoltOps({
          auth,
          datasetId: datasetDetail.id,
          datasetName: datasetDetail.name,
          versionId,
          pageSize: options.pageSize,
          onProgress: /* @__PURE__ */ __name((fetched, total) => {
            totalItems = total;
            if (total) {
              spinner.text = `Downloading dataset items (${fetched}/${total})`;
            } else {
              spinner.text = `Downloading dataset items (${fetched})`;
            }
          }, "onProgress")
        });
        if (totalItems === null) {
          totalItems = result.itemCount;
        }
        spinner.stop();
        const basePath = options.output ? import_node_path5.default.isAbsolute(options.output) ? options.output : import_node_path5.default.resolve(process.cwd(), options.output) : resolveDatasetFilePath(result.datasetName);
        let targetPath = basePath;
        let overwritten = false;
        if (import_node_fs4.default.existsSync(targetPath)) {
          const existingDataset = await readDatasetFileFromPath(targetPath);
          if (datasetsEqual(existingDataset, result.datasetFile)) {
            console.log(
              import_chalk4.default.gray(`Dataset ${result.datasetName} is already up to date at ${targetPath}.`)
            );
            const consoleBase2 = (process.env.VOLTAGENT_CONSOLE_URL ?? "https://console.voltagent.dev").replace(/\/$/, "");
            const datasetUrl2 = `${consoleBase2}/evals/datasets/${result.datasetId}`;
            console.log(
              import_chalk4.default.cyan(
                `VoltOps dataset remains unchanged \u2192 ${datasetUrl2} (version ${result.versionId}, items ${result.itemCount})`
              )
            );
            return;
          }
          if (options.overwrite) {
            overwritten = true;
          } else {
            const alternativePath = buildAlternateFilePath(targetPath);
            const { action } = await import_inquirer3.default.prompt([
              {
                type: "list",
                name: "action",
                message: `Local file ${targetPath} already exists. Choose how to proceed:`,
                choices: [
                  { name: "Overwrite existing file", value: "overwrite" },
                  {
                    name: `Save as new file (${alternativePath})`,
                    value: "new"
                  },
                  { name: "Cancel", value: "cancel" }
                ]
              }
            ]);
            if (action === "cancel") {
              console.log(import_chalk4.default.yellow("Dataset pull cancelled."));
              return;
            }
            if (action === "overwrite") {
              overwritten = true;
            } else {
              const { newPath } = await import_inquirer3.default.prompt([
                {
                  type: "input",
                  name: "newPath",
                  message: "Save dataset as",
                  default: alternativePath,
                  validate: /* @__PURE__ */ __name((input) => {
                    if (!input.trim()) {
                      return "File path cannot be empty.";
                    }
                    const absolute = import_node_path5.default.isAbsolute(input) ? input : import_node_path5.default.resolve(process.cwd(), input);
                    if (import_node_fs4.default.existsSync(absolute)) {
                      return "File already exists. Choose a different path or enable --overwrite.";
                    }
                    return true;
                  }, "validate")
                }
              ]);
              targetPath = import_node_path5.default.isAbsolute(newPath) ? newPath : import_node_path5.default.resolve(process.cwd(), newPath);
            }
          }
        }
        const writeSpinner = (0, import_ora2.default)(
          totalItems ? `Writing ${totalItems} items to ${targetPath}` : `Writing dataset to ${targetPath}`
        ).start();
        try {
          await writeDatasetFile(targetPath, result.datasetFile);
          writeSpinner.succeed(
            import_chalk4.default.green(
              `Dataset pulled: ${result.datasetName} (version ${result.versionId}) \u2192 ${targetPath}${overwritten ? " (overwritten)" : ""}`
            )
          );
        } catch (writeError) {
          writeSpinner.fail("Failed to write dataset file");
          throw writeError;
        }
        const consoleBase = (process.env.VOLTAGENT_CONSOLE_URL ?? "https://console.voltagent.dev").replace(/\/$/, "");
        const datasetUrl = `${consoleBase}/evals/datasets/${result.datasetId}`;
        console.log(
          import_chalk4.default.cyan(
            `View dataset in VoltOps Console \u2192 ${datasetUrl} (version ${result.versionId}, items ${result.itemCount})`
          )
        );
      } catch (error) {
        if (spinner.isSpinning) {
          spinner.fail("Dataset pull failed");
        } else {
          (0, import_ora2.default)().fail("Dataset pull failed");
        }
        throw error;
      }
    }
  );
  evalCommand.command("run").description("Execute an experiment definition with VoltAgent integration").requiredOption(
    "--experiment <path>",
    "Path to the experiment module (exported via createExperiment)"
  ).option("--dataset <name>", "Dataset name override applied at runtime").option("--experiment-name <name>", "VoltOps experiment name override applied at runtime").option("--tag <trigger>", "VoltOps trigger source tag override", "cli-experiment").option("--concurrency <count>", "Maximum concurrent items", parsePositiveInteger).option("--dry-run", "Skip VoltOps submission (local scoring only)", false).action(
    async (options) => {
      const experimentPath = import_node_path5.default.isAbsolute(options.experiment) ? options.experiment : import_node_path5.default.resolve(process.cwd(), options.experiment);
      if (!import_node_fs4.default.existsSync(experimentPath)) {
        throw new Error(`Experiment file not found at ${experimentPath}`);
      }
      const auth = options.dryRun ? void 0 : await resolveAuthConfig({ promptIfMissing: true });
      await runExperimentCli({
        experimentPath,
        datasetOverride: options.dataset,
        experimentNameOverride: options.experimentName,
        tagOverride: options.tag,
        concurrency: options.concurrency,
        dryRun: options.dryRun,
        auth,
        cwd: process.cwd()
      });
    }
  );
}, "registerEvalCommand");

// src/commands/init.ts
var import_node_child_process = require("child_process");
var import_node_fs5 = __toESM(require("fs"));
var import_node_path6 = __toESM(require("path"));
var import_chalk5 = __toESM(require("chalk"));
var registerInitCommand = /* @__PURE__ */ __name((program) => {
  program.command("init").description("Integrate VoltAgent CLI into a project").action(async () => {
    try {
      console.log(import_chalk5.default.cyan("Integrating VoltAgent CLI into your project..."));
      const packageJsonPath = import_node_path6.default.join(process.cwd(), "package.json");
      if (!import_node_fs5.default.existsSync(packageJsonPath)) {
        console.error(
          import_chalk5.default.red(
            "Error: package.json file not found. This command must be run inside a Node.js project."
          )
        );
        process.exit(1);
      }
      const packageJson = JSON.parse(import_node_fs5.default.readFileSync(packageJsonPath, "utf-8"));
      const scripts = packageJson.scripts || {};
      let packageManager = "npm";
      try {
        if (import_node_fs5.default.existsSync(import_node_path6.default.join(process.cwd(), "pnpm-lock.yaml"))) {
          packageManager = "pnpm";
        } else if (import_node_fs5.default.existsSync(import_node_path6.default.join(process.cwd(), "yarn.lock"))) {
          packageManager = "yarn";
        }
      } catch {
        packageManager = "npm";
      }
      console.log(import_chalk5.default.blue(`Detected package manager: ${packageManager}`));
      let modified = false;
      if (!scripts.volt || scripts.volt !== "volt") {
        scripts.volt = "volt";
        modified = true;
      }
      if (!modified) {
        console.log(import_chalk5.default.yellow("No changes made. The 'volt' script is already configured."));
      } else {
        packageJson.scripts = scripts;
        import_node_fs5.default.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
        console.log(import_chalk5.default.green("\u2713 Added 'volt' script to package.json"));
      }
      let isPackageInstalled = false;
      try {
        import_node_fs5.default.accessSync(
          import_node_path6.default.join(process.cwd(), "node_modules", "@voltagent", "cli"),
          import_node_fs5.default.constants.F_OK
        );
        isPackageInstalled = true;
      } catch {
        isPackageInstalled = false;
      }
      if (!isPackageInstalled) {
        console.log(import_chalk5.default.cyan("Installing @voltagent/cli locally..."));
        try {
          const installCommand = packageManager === "yarn" ? "yarn add @voltagent/cli --dev" : packageManager === "pnpm" ? "pnpm add @voltagent/cli --save-dev" : "npm install @voltagent/cli --save-dev";
          (0, import_node_child_process.execSync)(installCommand, { stdio: "inherit" });
          console.log(import_chalk5.default.green("\u2713 @voltagent/cli successfully installed!"));
        } catch (error) {
          console.error(
            import_chalk5.default.red("Failed to install @voltagent/cli:"),
            error instanceof Error ? error.message : String(error)
          );
        }
      }
      const voltagentDir = import_node_path6.default.join(process.cwd(), ".voltagent");
      if (!import_node_fs5.default.existsSync(voltagentDir)) {
        import_node_fs5.default.mkdirSync(voltagentDir);
      }
      console.log(import_chalk5.default.green("\u2713 VoltAgent CLI successfully integrated!"));
      console.log("\n", import_chalk5.default.cyan("To run VoltAgent:"), import_chalk5.default.green("npm run volt"));
      captureInitEvent({
        packageManager
      });
    } catch (error) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      console.error(import_chalk5.default.red("Error:"), errorMessage);
      captureError({
        command: "init",
        errorMessage
      });
      process.exit(1);
    }
  });
}, "registerInitCommand");

// src/commands/login.ts
var import_chalk6 = __toESM(require("chalk"));
var import_open2 = __toESM(require("open"));
var import_ora3 = __toESM(require("ora"));
var API_BASE_URL = "https://api.voltagent.dev";
var registerLoginCommand = /* @__PURE__ */ __name((program) => {
  program.command("login").description("Login to VoltAgent to get persistent tunnel subdomains").action(async () => {
    try {
      const existingConfig = readVoltOpsConfig();
      if (existingConfig) {
        console.log(import_chalk6.default.yellow("\nYou are already logged in."));
        console.log(import_chalk6.default.gray(`Email: ${existingConfig.user.email}`));
        console.log(import_chalk6.default.gray(`Name: ${existingConfig.user.name}`));
        console.log(import_chalk6.default.gray("\nTo login with a different account, run: volt logout\n"));
        return;
      }
      console.log(import_chalk6.default.cyan("\n\u{1F510} VoltAgent Login\n"));
      const spinner = (0, import_ora3.default)("Requesting authorization...").start();
      const deviceCodeResponse = await fetch(`${API_BASE_URL}/auth/cli/device-code`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json"
        }
      });
      if (!deviceCodeResponse.ok) {
        throw new Error(`Failed to get device code: ${deviceCodeResponse.statusText}`);
      }
      const deviceCode = await deviceCodeResponse.json();
      spinner.succeed("Authorization requested");
      const verificationUrl = `${deviceCode.verification_uri}?code=${deviceCode.user_code}`;
      console.log(import_chalk6.default.cyan("\n\u{1F4F1} Please authorize this device in your browser"));
      console.log(import_chalk6.default.gray(`URL: ${verificationUrl}`));
      console.log(import_chalk6.default.yellow(`
User Code: ${import_chalk6.default.bold(deviceCode.user_code)}
`));
      try {
        await (0, import_open2.default)(verificationUrl);
        console.log(import_chalk6.default.gray("Browser opened automatically\n"));
      } catch (_error) {
        console.log(
          import_chalk6.default.yellow("Could not open browser automatically. Please open the URL manually.\n")
        );
      }
      const pollSpinner = (0, import_ora3.default)("Waiting for authorization...").start();
      const startTime = Date.now();
      const expiresAt = startTime + deviceCode.expires_in * 1e3;
      let authorized = false;
      let accessToken = "";
      while (Date.now() < expiresAt && !authorized) {
        await new Promise((resolve) => setTimeout(resolve, deviceCode.interval * 1e3));
        try {
          const tokenResponse = await fetch(`${API_BASE_URL}/auth/cli/token`, {
            method: "POST",
            headers: {
              "Content-Type": "application/json"
            },
            body: JSON.stringify({
              device_code: deviceCode.device_code
            })
          });
          const tokenData = await tokenResponse.json();
          if (tokenData.error === "authorization_pending") {
            continue;
          }
          if (tokenData.error === "expired_token") {
            pollSpinner.fail("Authorization expired");
            console.log(import_chalk6.default.red("\nThe authorization code has expired. Please try again.\n"));
            return;
          }
          if (tokenData.error) {
            throw new Error(tokenData.error_description || tokenData.error);
          }
          if (tokenData.access_token) {
            accessToken = tokenData.access_token;
            authorized = true;
            break;
          }
        } catch (_error) {
        }
      }
      if (!authorized) {
        pollSpinner.fail("Authorization timeout");
        console.log(import_chalk6.default.red("\nAuthorization timed out. Please try again.\n"));
        return;
      }
      pollSpinner.succeed("Authorization successful");
      const profileSpinner = (0, import_ora3.default)("Fetching user profile...").start();
      const profileResponse = await fetch(`${API_BASE_URL}/auth/profile`, {
        method: "GET",
        headers: {
          Authorization: `Bearer ${accessToken}`,
          "Content-Type": "application/json"
        }
      });
      if (!profileResponse.ok) {
        throw new Error("Failed to fetch user profile");
      }
      const userProfile = await profileResponse.json();
      profileSpinner.succeed("Profile fetched");
      writeVoltOpsToken(accessToken, {
        email: userProfile.email,
        name: userProfile.name
      });
      captureLoginEvent({ success: true });
      console.log(import_chalk6.default.green("\n\u2713 Successfully logged in!"));
      console.log(import_chalk6.default.gray(`Email: ${userProfile.email}`));
      console.log(import_chalk6.default.gray(`Name: ${userProfile.name}`));
      console.log(import_chalk6.default.gray(`Config saved to: ${getVoltOpsConfigPath()}`));
      console.log(
        import_chalk6.default.cyan("\nYou can now use persistent tunnel subdomains with Core/Pro plans.\n")
      );
      console.log(import_chalk6.default.gray("Run: volt tunnel <port> to start a tunnel\n"));
    } catch (error) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      console.error(import_chalk6.default.red("\n\u2717 Login failed"));
      console.error(import_chalk6.default.red(`${errorMessage}
`));
      captureLoginEvent({ success: false, error: errorMessage });
      captureError({
        command: "login",
        errorMessage
      });
      process.exit(1);
    }
  });
}, "registerLoginCommand");

// src/commands/logout.ts
var import_chalk7 = __toESM(require("chalk"));
var registerLogoutCommand = /* @__PURE__ */ __name((program) => {
  program.command("logout").description("Logout from VoltAgent").action(async () => {
    try {
      const config = readVoltOpsConfig();
      if (!config) {
        console.log(import_chalk7.default.yellow("\nYou are not logged in.\n"));
        return;
      }
      deleteVoltOpsToken();
      captureLogoutEvent();
      console.log(import_chalk7.default.green("\n\u2713 Successfully logged out"));
      console.log(import_chalk7.default.gray(`Email: ${config.user.email}`));
      console.log(import_chalk7.default.gray(`Config removed from: ${getVoltOpsConfigPath()}
`));
    } catch (error) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      console.error(import_chalk7.default.red("\n\u2717 Logout failed"));
      console.error(import_chalk7.default.red(`${errorMessage}
`));
      captureError({
        command: "logout",
        errorMessage
      });
      process.exit(1);
    }
  });
}, "registerLogoutCommand");

// src/commands/mcp.ts
var import_node_fs6 = __toESM(require("fs"));
var import_node_path7 = __toESM(require("path"));
var import_chalk8 = __toESM(require("chalk"));
var import_inquirer4 = __toESM(require("inquirer"));
var import_ora4 = __toESM(require("ora"));
var isWindows = process.platform === "win32";
function createMCPConfig(ide, projectRoot) {
  if (ide === "none") return;
  const configs = {
    cursor: {
      dir: ".cursor",
      file: "mcp.json",
      content: {
        mcpServers: {
          voltagent: {
            command: "npx",
            args: ["-y", "@voltagent/docs-mcp"]
          }
        }
      }
    },
    windsurf: {
      dir: ".windsurf",
      file: "mcp.json",
      content: {
        mcpServers: {
          voltagent: {
            command: "npx",
            args: ["-y", "@voltagent/docs-mcp"]
          }
        }
      }
    },
    vscode: {
      dir: ".vscode",
      file: "mcp.json",
      content: isWindows ? {
        servers: {
          voltagent: {
            command: "cmd",
            args: ["/c", "npx", "-y", "@voltagent/docs-mcp"],
            type: "stdio"
          }
        }
      } : {
        servers: {
          voltagent: {
            command: "npx",
            args: ["-y", "@voltagent/docs-mcp"],
            type: "stdio"
          }
        }
      }
    }
  };
  const config = configs[ide];
  const configDir = import_node_path7.default.join(projectRoot, config.dir);
  const configFile = import_node_path7.default.join(configDir, config.file);
  if (!import_node_fs6.default.existsSync(configDir)) {
    import_node_fs6.default.mkdirSync(configDir, { recursive: true });
  }
  import_node_fs6.default.writeFileSync(configFile, JSON.stringify(config.content, null, 2));
}
__name(createMCPConfig, "createMCPConfig");
function checkExistingConfig(projectRoot) {
  const possibleConfigs = [
    { ide: "cursor", path: import_node_path7.default.join(projectRoot, ".cursor", "mcp.json") },
    { ide: "windsurf", path: import_node_path7.default.join(projectRoot, ".windsurf", "mcp.json") },
    { ide: "vscode", path: import_node_path7.default.join(projectRoot, ".vscode", "mcp.json") }
  ];
  for (const config of possibleConfigs) {
    if (import_node_fs6.default.existsSync(config.path)) {
      try {
        const content = import_node_fs6.default.readFileSync(config.path, "utf-8");
        const parsed = JSON.parse(content);
        const hasVoltAgentDocs = parsed.mcpServers?.["voltagent-docs"] || parsed.servers?.["voltagent-docs"];
        if (hasVoltAgentDocs) {
          return {
            hasConfig: true,
            configuredIDE: config.ide,
            configPath: config.path
          };
        }
      } catch {
      }
    }
  }
  return { hasConfig: false };
}
__name(checkExistingConfig, "checkExistingConfig");
async function setupMCP(options = {}) {
  const projectRoot = process.cwd();
  console.log(import_chalk8.default.cyan("\u{1F527} VoltAgent MCP Docs Server Setup\n"));
  try {
    const existingConfig = checkExistingConfig(projectRoot);
    if (existingConfig.hasConfig && !options.force) {
      console.log(
        import_chalk8.default.yellow(`\u26A0\uFE0F  MCP already seems to be installed (${existingConfig.configuredIDE})`)
      );
      console.log(import_chalk8.default.gray(`   Location: ${existingConfig.configPath}
`));
      const shouldContinue = await import_inquirer4.default.prompt([
        {
          type: "confirm",
          name: "continue",
          message: "Do you want to reinstall the setup?",
          default: false
        }
      ]);
      if (!shouldContinue.continue) {
        console.log(import_chalk8.default.gray("Setup cancelled."));
        return;
      }
    }
    const ideChoice = await import_inquirer4.default.prompt([
      {
        type: "list",
        name: "ide",
        message: "Which IDE are you using?",
        choices: [
          { name: "Cursor", value: "cursor" },
          { name: "Windsurf", value: "windsurf" },
          { name: "VS Code", value: "vscode" },
          { name: "None (manual setup)", value: "none" }
        ]
      }
    ]);
    const ide = ideChoice.ide;
    if (ide === "none") {
      console.log(import_chalk8.default.yellow("\n\u{1F4D6} Manual setup selected."));
      console.log(import_chalk8.default.gray("You will need to configure the MCP server manually."));
      console.log(
        import_chalk8.default.blue("For details: https://voltagent.dev/docs/getting-started/mcp-docs-server\n")
      );
      return;
    }
    const spinner = (0, import_ora4.default)("Creating MCP configuration...").start();
    try {
      createMCPConfig(ide, projectRoot);
      spinner.succeed(import_chalk8.default.green(`\u2705 MCP configuration created for ${ide}!`));
      console.log(import_chalk8.default.cyan("\n\u{1F4C1} Created files:"));
      const configPath = import_node_path7.default.join(`.${ide}`, "mcp.json");
      console.log(import_chalk8.default.gray(`   ${configPath}`));
      console.log(import_chalk8.default.cyan("\n\u{1F680} Next steps:"));
      console.log(
        import_chalk8.default.white(
          `   1. Restart ${ide === "cursor" ? "Cursor" : ide === "windsurf" ? "Windsurf" : "VS Code"}`
        )
      );
      console.log(import_chalk8.default.white("   2. Ask your AI assistant questions about VoltAgent"));
      console.log(import_chalk8.default.gray('      Example: "How do I create an agent in VoltAgent?"'));
    } catch (error) {
      spinner.fail(import_chalk8.default.red("Failed to create MCP configuration"));
      throw error;
    }
  } catch (error) {
    const errorMessage = error instanceof Error ? error.message : String(error);
    console.error(import_chalk8.default.red(`
\u274C Error: ${errorMessage}`));
    captureError({
      command: "mcp_setup",
      errorMessage
    });
    process.exit(1);
  }
}
__name(setupMCP, "setupMCP");
async function testMCP() {
  console.log(import_chalk8.default.cyan("\u{1F9EA} Testing VoltAgent MCP Connection\n"));
  const projectRoot = process.cwd();
  const existingConfig = checkExistingConfig(projectRoot);
  if (!existingConfig.hasConfig) {
    console.log(import_chalk8.default.red("\u274C MCP configuration not found."));
    console.log(import_chalk8.default.gray("Please run 'volt mcp setup' first.\n"));
    return;
  }
  console.log(import_chalk8.default.green(`\u2705 MCP configuration found (${existingConfig.configuredIDE})`));
  console.log(import_chalk8.default.gray(`   Location: ${existingConfig.configPath}`));
  console.log(import_chalk8.default.cyan("\n\u{1F4CB} Test suggestions:"));
  console.log(import_chalk8.default.white("   You can ask your AI assistant these questions:"));
  console.log(import_chalk8.default.gray('   \u2022 "How do I create an agent in VoltAgent?"'));
  console.log(import_chalk8.default.gray('   \u2022 "Is there a VoltAgent example with Next.js?"'));
  console.log(import_chalk8.default.gray('   \u2022 "How do I use voice features?"'));
  console.log(import_chalk8.default.gray('   \u2022 "What are the latest updates?"'));
  console.log(import_chalk8.default.cyan("\n\u{1F527} Having issues?"));
  console.log(
    import_chalk8.default.white(
      `   1. Restart ${existingConfig.configuredIDE === "cursor" ? "Cursor" : existingConfig.configuredIDE === "windsurf" ? "Windsurf" : "VS Code"}`
    )
  );
  console.log(import_chalk8.default.white("   2. Check MCP settings"));
  console.log(
    import_chalk8.default.blue("   3. For help: https://voltagent.dev/docs/getting-started/mcp-docs-server")
  );
}
__name(testMCP, "testMCP");
async function statusMCP() {
  console.log(import_chalk8.default.cyan("\u{1F4CA} VoltAgent MCP Status\n"));
  const projectRoot = process.cwd();
  const existingConfig = checkExistingConfig(projectRoot);
  if (!existingConfig.hasConfig) {
    console.log(import_chalk8.default.red("\u274C MCP configuration not found"));
    console.log(import_chalk8.default.gray("MCP appears to not be installed yet.\n"));
    console.log(import_chalk8.default.blue("To install: volt mcp setup"));
    return;
  }
  console.log(import_chalk8.default.green("\u2705 MCP configuration active"));
  console.log(import_chalk8.default.gray(`   IDE: ${existingConfig.configuredIDE}`));
  console.log(import_chalk8.default.gray(`   File: ${existingConfig.configPath}`));
  if (existingConfig.configPath) {
    try {
      const content = import_node_fs6.default.readFileSync(existingConfig.configPath, "utf-8");
      const config = JSON.parse(content);
      console.log(import_chalk8.default.cyan("\n\u{1F4CB} Configuration details:"));
      console.log(import_chalk8.default.gray(JSON.stringify(config, null, 2)));
    } catch {
      console.log(import_chalk8.default.yellow("\u26A0\uFE0F  Configuration file could not be read"));
    }
  }
}
__name(statusMCP, "statusMCP");
async function removeMCP() {
  console.log(import_chalk8.default.cyan("\u{1F5D1}\uFE0F  VoltAgent MCP Removal\n"));
  const projectRoot = process.cwd();
  const existingConfig = checkExistingConfig(projectRoot);
  if (!existingConfig.hasConfig) {
    console.log(import_chalk8.default.yellow("\u26A0\uFE0F  MCP configuration not found"));
    console.log(import_chalk8.default.gray("It may have already been removed.\n"));
    return;
  }
  console.log(import_chalk8.default.yellow(`MCP configuration found (${existingConfig.configuredIDE})`));
  console.log(import_chalk8.default.gray(`Location: ${existingConfig.configPath}`));
  const shouldRemove = await import_inquirer4.default.prompt([
    {
      type: "confirm",
      name: "remove",
      message: "Are you sure you want to remove the MCP configuration?",
      default: false
    }
  ]);
  if (!shouldRemove.remove) {
    console.log(import_chalk8.default.gray("Operation cancelled."));
    return;
  }
  if (existingConfig.configPath) {
    try {
      import_node_fs6.default.unlinkSync(existingConfig.configPath);
      console.log(import_chalk8.default.green("\u2705 MCP configuration removed"));
    } catch (error) {
      console.log(import_chalk8.default.red("\u274C Failed to remove MCP configuration"));
      console.error(error);
    }
  }
}
__name(removeMCP, "removeMCP");
function registerMCPCommand(program) {
  const mcpCommand = program.command("mcp").description("VoltAgent MCP Docs Server management");
  mcpCommand.command("setup").description("MCP Docs Server setup").option("-f, --force", "Overwrite existing configuration").action(async (options) => {
    await setupMCP(options);
  });
  mcpCommand.command("test").description("Test MCP connection").action(async () => {
    await testMCP();
  });
  mcpCommand.command("status").description("Show MCP status").action(async () => {
    await statusMCP();
  });
  mcpCommand.command("remove").description("Remove MCP configuration").action(async () => {
    await removeMCP();
  });
  mcpCommand.action(async () => {
    await setupMCP();
  });
}
__name(registerMCPCommand, "registerMCPCommand");

// src/commands/prompts.ts
var import_node_path8 = __toESM(require("path"));
var import_utils = require("@voltagent/internal/utils");
var import_adm_zip = __toESM(require("adm-zip"));
var import_chalk9 = __toESM(require("chalk"));
var import_fs_extra = __toESM(require("fs-extra"));
var import_gray_matter = __toESM(require("gray-matter"));
var import_inquirer5 = __toESM(require("inquirer"));
var import_ora5 = __toESM(require("ora"));
var DEFAULT_OUTPUT_DIR = ".voltagent/prompts";
var normalizePromptNames = /* @__PURE__ */ __name((input) => {
  if (!input) {
    return void 0;
  }
  const values = Array.isArray(input) ? input : [input];
  const normalized = values.flatMap(
    (value) => value.split(",").map((entry) => entry.trim()).filter(Boolean)
  );
  return normalized.length ? Array.from(new Set(normalized)) : void 0;
}, "normalizePromptNames");
var normalizeStringArray = /* @__PURE__ */ __name((value) => {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter((entry) => typeof entry === "string" && entry.trim().length);
}, "normalizeStringArray");
var normalizeLabels = /* @__PURE__ */ __name((labels) => Array.from(
  new Set(labels.map((label) => label.trim()).filter((label) => label && label !== "latest"))
).sort(), "normalizeLabels");
var normalizeTags = /* @__PURE__ */ __name((tags) => Array.from(new Set(tags.map((tag) => tag.trim()).filter(Boolean))).sort(), "normalizeTags");
var normalizeLabelList = /* @__PURE__ */ __name((labels) => Array.from(
  new Set(
    normalizeStringArray(labels).map((label) => label.trim()).filter(Boolean)
  )
).sort(), "normalizeLabelList");
var parseVersionValue = /* @__PURE__ */ __name((value) => {
  if (typeof value === "number") {
    return value;
  }
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed && /^\d+$/.test(trimmed)) {
      return Number(trimmed);
    }
  }
  return void 0;
}, "parseVersionValue");
var parseVersionFromFilePath = /* @__PURE__ */ __name((filePath) => {
  const baseName = import_node_path8.default.basename(filePath, ".md");
  if (/^\d+$/.test(baseName)) {
    return Number(baseName);
  }
  return void 0;
}, "parseVersionFromFilePath");
var compactObject = /* @__PURE__ */ __name((input) => Object.fromEntries(Object.entries(input).filter(([, value]) => value !== void 0)), "compactObject");
var extractFilename = /* @__PURE__ */ __name((contentDisposition) => {
  if (!contentDisposition) {
    return null;
  }
  const match = /filename="?([^";]+)"?/i.exec(contentDisposition);
  return match?.[1] ?? null;
}, "extractFilename");
var resolveEntryPath = /* @__PURE__ */ __name((baseDir, entryName) => {
  const normalized = entryName.replace(/^\//, "");
  const resolved = import_node_path8.default.resolve(baseDir, normalized);
  const base = import_node_path8.default.resolve(baseDir) + import_node_path8.default.sep;
  if (!resolved.startsWith(base)) {
    return null;
  }
  return resolved;
}, "resolveEntryPath");
var collectPromptFiles = /* @__PURE__ */ __name(async (baseDir, promptNames) => {
  const files = /* @__PURE__ */ new Set();
  const visit = /* @__PURE__ */ __name(async (dir) => {
    const entries = await import_fs_extra.default.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const entryPath = import_node_path8.default.join(dir, entry.name);
      if (entry.isDirectory()) {
        await visit(entryPath);
        continue;
      }
      if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) {
        files.add(entryPath);
      }
    }
  }, "visit");
  if (promptNames && promptNames.length > 0) {
    for (const name of promptNames) {
      if (!name) {
        continue;
      }
      const directPath = import_node_path8.default.resolve(baseDir, name.endsWith(".md") ? name : `${name}.md`);
      if (import_fs_extra.default.existsSync(directPath) && import_fs_extra.default.statSync(directPath).isFile()) {
        files.add(directPath);
      }
      const promptName = name.endsWith(".md") ? name.slice(0, -3) : name;
      const baseFile = import_node_path8.default.resolve(baseDir, `${promptName}.md`);
      if (import_fs_extra.default.existsSync(baseFile) && import_fs_extra.default.statSync(baseFile).isFile()) {
        files.add(baseFile);
      }
      const dirPath = import_node_path8.default.resolve(baseDir, promptName);
      if (import_fs_extra.default.existsSync(dirPath) && import_fs_extra.default.statSync(dirPath).isDirectory()) {
        await visit(dirPath);
      }
    }
    return Array.from(files);
  }
  if (import_fs_extra.default.existsSync(baseDir)) {
    await visit(baseDir);
  }
  return Array.from(files);
}, "collectPromptFiles");
var parsePromptFile = /* @__PURE__ */ __name(async (filePath) => {
  const raw = await import_fs_extra.default.readFile(filePath, "utf8");
  const parsed = (0, import_gray_matter.default)(raw);
  const data = parsed.data;
  const body = parsed.content.trim();
  const fallbackName = import_node_path8.default.basename(filePath, ".md");
  const name = typeof data.name === "string" && data.name.trim().length > 0 ? data.name.trim() : fallbackName;
  const type = data.type === "chat" ? "chat" : "text";
  const allLabels = normalizeLabelList(data.labels);
  const labels = normalizeLabels(allLabels);
  const tags = normalizeTags(normalizeStringArray(data.tags));
  const version = parseVersionValue(data.version) ?? parseVersionFromFilePath(filePath);
  const config = data.config && typeof data.config === "object" && !Array.isArray(data.config) ? data.config : {};
  const description = typeof data.description === "string" && data.description.trim().length > 0 ? data.description.trim() : void 0;
  const commitMessage = typeof data.commit_message === "string" && data.commit_message.trim().length > 0 ? data.commit_message.trim() : void 0;
  if (type === "chat") {
    let messages = [];
    if (body) {
      try {
        const parsedMessages = JSON.parse(body);
        if (!Array.isArray(parsedMessages)) {
          throw new Error("Chat prompt content must be a JSON array of messages.");
        }
        messages = parsedMessages;
      } catch (error) {
        const reason = error instanceof Error ? error.message : "Invalid JSON";
        throw new Error(`Invalid chat prompt content in ${filePath}: ${reason}`);
      }
    }
    return {
      name,
      type,
      content: { messages },
      labels,
      tags,
      config,
      description,
      commitMessage,
      version,
      allLabels,
      filePath
    };
  }
  return {
    name,
    type,
    content: { text: body },
    labels,
    tags,
    config,
    description,
    commitMessage,
    version,
    allLabels,
    filePath
  };
}, "parsePromptFile");
var normalizeRemoteContent = /* @__PURE__ */ __name((remote) => {
  if (remote.type === "chat") {
    const prompt = remote.prompt;
    return (0, import_utils.safeStringify)(prompt?.messages ?? []);
  }
  if (typeof remote.prompt === "string") {
    return remote.prompt.trim();
  }
  if (remote.prompt && typeof remote.prompt === "object" && "text" in remote.prompt) {
    const candidate = remote.prompt.text;
    return typeof candidate === "string" ? candidate.trim() : "";
  }
  return "";
}, "normalizeRemoteContent");
var normalizeLocalContent = /* @__PURE__ */ __name((local) => {
  if (local.type === "chat") {
    return (0, import_utils.safeStringify)(local.content.messages ?? []);
  }
  return typeof local.content.text === "string" ? local.content.text.trim() : "";
}, "normalizeLocalContent");
var extractRemoteMessages = /* @__PURE__ */ __name((prompt) => {
  if (Array.isArray(prompt)) {
    return prompt;
  }
  if (prompt && typeof prompt === "object" && "messages" in prompt) {
    const messages = prompt.messages;
    return Array.isArray(messages) ? messages : [];
  }
  return [];
}, "extractRemoteMessages");
var buildMarkdownFromRemotePrompt = /* @__PURE__ */ __name((remote) => {
  const frontmatter = compactObject({
    name: remote.name,
    version: remote.version,
    type: remote.type,
    config: remote.config ?? {},
    labels: normalizeLabelList(remote.labels),
    tags: normalizeTags(normalizeStringArray(remote.tags))
  });
  if (remote.type === "chat") {
    const messages = extractRemoteMessages(remote.prompt);
    return import_gray_matter.default.stringify((0, import_utils.safeStringify)(messages, { indentation: 2 }), frontmatter);
  }
  if (typeof remote.prompt === "string") {
    return import_gray_matter.default.stringify(remote.prompt, frontmatter);
  }
  if (remote.prompt && typeof remote.prompt === "object" && "text" in remote.prompt) {
    const text = remote.prompt.text;
    return import_gray_matter.default.stringify(typeof text === "string" ? text : "", frontmatter);
  }
  return import_gray_matter.default.stringify((0, import_utils.safeStringify)(remote.prompt ?? "", { indentation: 2 }), frontmatter);
}, "buildMarkdownFromRemotePrompt");
var previewValue = /* @__PURE__ */ __name((value, maxLength = 160) => {
  const compact = value.replace(/\s+/g, " ").trim();
  if (!compact) {
    return "(empty)";
  }
  if (compact.length <= maxLength) {
    return compact;
  }
  return `${compact.slice(0, maxLength - 3)}...`;
}, "previewValue");
var buildDiffSummary = /* @__PURE__ */ __name((local, remote) => {
  if (!remote) {
    return ["status: new prompt (not found remotely)"];
  }
  const diffs = [];
  if (local.type !== remote.type) {
    diffs.push(`type: ${remote.type} -> ${local.type}`);
  }
  const localLabels = normalizeLabels(local.labels);
  const remoteLabels = normalizeLabels(normalizeStringArray(remote.labels));
  if ((0, import_utils.safeStringify)(localLabels) !== (0, import_utils.safeStringify)(remoteLabels)) {
    diffs.push(
      `labels: ${remoteLabels.join(", ") || "(none)"} -> ${localLabels.join(", ") || "(none)"}`
    );
  }
  const localTags = normalizeTags(local.tags);
  const remoteTags = normalizeTags(normalizeStringArray(remote.tags));
  if ((0, import_utils.safeStringify)(localTags) !== (0, import_utils.safeStringify)(remoteTags)) {
    diffs.push(`tags: ${remoteTags.join(", ") || "(none)"} -> ${localTags.join(", ") || "(none)"}`);
  }
  const localConfig = local.config ?? {};
  const remoteConfig = remote.config ?? {};
  if ((0, import_utils.safeStringify)(localConfig) !== (0, import_utils.safeStringify)(remoteConfig)) {
    diffs.push(
      `config: ${previewValue((0, import_utils.safeStringify)(remoteConfig))} -> ${previewValue(
        (0, import_utils.safeStringify)(localConfig)
      )}`
    );
  }
  const localContent = normalizeLocalContent(local);
  const remoteContent = normalizeRemoteContent(remote);
  if (localContent !== remoteContent) {
    diffs.push(`content: ${previewValue(remoteContent)} -> ${previewValue(localContent)}`);
  }
  return diffs;
}, "buildDiffSummary");
var fetchRemotePrompt = /* @__PURE__ */ __name(async (baseUrl, auth, name, options) => {
  const params = new URLSearchParams();
  if (options?.version !== void 0) {
    params.set("version", options.version.toString());
  }
  if (options?.label) {
    params.set("label", options.label);
  }
  const url = `${baseUrl}/prompts/public/${encodeURIComponent(name)}${params.toString() ? `?${params.toString()}` : ""}`;
  const response = await fetch(url, {
    method: "GET",
    headers: {
      "x-public-key": auth.publicKey,
      "x-secret-key": auth.secretKey
    }
  });
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    const details = await response.text().catch(() => "");
    throw new Error(
      `Failed to fetch prompt '${name}': ${response.status} ${response.statusText}${details ? ` - ${details}` : ""}`
    );
  }
  return await response.json();
}, "fetchRemotePrompt");
var buildCreatePayload = /* @__PURE__ */ __name((local) => ({
  type: local.type,
  content: local.content,
  labels: normalizeLabels(local.labels),
  tags: normalizeTags(local.tags),
  config: local.config ?? {},
  description: local.description,
  commit_message: local.commitMessage
}), "buildCreatePayload");
var registerPromptsCommand = /* @__PURE__ */ __name((program) => {
  const prompts = program.command("prompts").description("Manage VoltAgent prompts");
  prompts.command("pull").description("Pull prompts from VoltAgent to local markdown files").option("-o, --out <path>", "Output directory", DEFAULT_OUTPUT_DIR).option("-n, --names <names...>", "Prompt names to pull (comma-separated or repeatable)").option("-l, --label <label>", "Prompt label to pull (requires --names)").option("--prompt-version <version>", "Prompt version to pull (requires --names)").option("--clean", "Remove existing prompt files before pulling", false).action(
    async (options) => {
      try {
        const auth = await resolveAuthConfig({ promptIfMissing: true });
        const outputDir = import_node_path8.default.resolve(process.cwd(), options.out || DEFAULT_OUTPUT_DIR);
        const defaultOutputDir = import_node_path8.default.resolve(process.cwd(), DEFAULT_OUTPUT_DIR);
        const promptNames = normalizePromptNames(options.names);
        const label = options.label?.trim() || void 0;
        const version = options.promptVersion !== void 0 ? Number.parseInt(options.promptVersion, 10) : void 0;
        if (options.promptVersion !== void 0 && Number.isNaN(version)) {
          throw new Error("Version must be a number.");
        }
        const hasTargetedSelection = label !== void 0 || version !== void 0;
        if (hasTargetedSelection && (!promptNames || promptNames.length === 0)) {
          throw new Error("Use --names with --label or --prompt-version.");
        }
        if (options.clean) {
          await import_fs_extra.default.remove(outputDir);
        }
        await import_fs_extra.default.ensureDir(outputDir);
        if (hasTargetedSelection && promptNames) {
          const spinner2 = (0, import_ora5.default)("Downloading prompts...").start();
          const downloaded = [];
          const missing = [];
          for (const name of promptNames) {
            const remote = await fetchRemotePrompt(auth.baseUrl, auth, name, {
              label,
              version
            });
            if (!remote) {
              missing.push(name);
              continue;
            }
            const markdown = buildMarkdownFromRemotePrompt(remote);
            const relativePath = remote.version !== void 0 ? import_node_path8.default.join(remote.name, `${remote.version}.md`) : `${remote.name}.md`;
            const targetPath = resolveEntryPath(outputDir, relativePath);
            if (!targetPath) {
              throw new Error(`Invalid prompt filename returned: ${relativePath}`);
            }
            await import_fs_extra.default.ensureDir(import_node_path8.default.dirname(targetPath));
            await import_fs_extra.default.writeFile(targetPath, markdown, "utf8");
            downloaded.push(remote.name);
          }
          if (downloaded.length > 0) {
            spinner2.succeed(`Downloaded ${downloaded.length} prompt file(s).`);
          } else {
            spinner2.stop();
          }
          if (missing.length > 0) {
            console.log(import_chalk9.default.yellow(`Missing prompts: ${missing.join(", ")}`));
          }
          console.log(import_chalk9.default.green(`
Success: prompts pulled to ${outputDir}`));
          if (outputDir !== defaultOutputDir) {
            console.log(
              import_chalk9.default.yellow(
                `Set VOLTAGENT_PROMPTS_PATH=${options.out} to use this directory at runtime.`
              )
            );
          }
          return;
        }
        const params = new URLSearchParams();
        if (promptNames && promptNames.length > 0) {
          params.set("promptNames", promptNames.join(","));
        }
        const url = `${auth.baseUrl}/prompts/public/export/markdown${params.toString() ? `?${params.toString()}` : ""}`;
        const spinner = (0, import_ora5.default)("Downloading prompts...").start();
        const response = await fetch(url, {
          method: "GET",
          headers: {
            "x-public-key": auth.publicKey,
            "x-secret-key": auth.secretKey
          }
        });
        if (!response.ok) {
          const details = await response.text().catch(() => "");
          throw new Error(
            `Failed to export prompts: ${response.status} ${response.statusText}${details ? ` - ${details}` : ""}`
          );
        }
        const contentType = response.headers.get("content-type") ?? "";
        const contentDisposition = response.headers.get("content-disposition");
        if (contentType.includes("application/zip")) {
          const buffer = Buffer.from(await response.arrayBuffer());
          const zip = new import_adm_zip.default(buffer);
          const entries = zip.getEntries();
          let fileCount = 0;
          for (const entry of entries) {
            if (entry.isDirectory) {
              continue;
            }
            if (entry.entryName.includes("__MACOSX") || entry.entryName.split("/").pop()?.startsWith("._")) {
              continue;
            }
            const resolvedPath = resolveEntryPath(outputDir, entry.entryName);
            if (!resolvedPath) {
              continue;
            }
            await import_fs_extra.default.ensureDir(import_node_path8.default.dirname(resolvedPath));
            await import_fs_extra.default.writeFile(resolvedPath, entry.getData());
            fileCount++;
          }
          spinner.succeed(`Downloaded ${fileCount} prompt file(s).`);
        } else {
          const content = await response.text();
          const filename = extractFilename(contentDisposition) || (promptNames?.length === 1 ? `${promptNames[0]}.md` : "prompts.md");
          const targetPath = resolveEntryPath(outputDir, filename);
          if (!targetPath) {
            throw new Error(`Invalid prompt filename returned: ${filename}`);
          }
          await import_fs_extra.default.ensureDir(import_node_path8.default.dirname(targetPath));
          await import_fs_extra.default.writeFile(targetPath, content, "utf8");
          spinner.succeed(`Downloaded ${filename}.`);
        }
        console.log(import_chalk9.default.green(`
Success: prompts pulled to ${outputDir}`));
        if (outputDir !== defaultOutputDir) {
          console.log(
            import_chalk9.default.yellow(
              `Set VOLTAGENT_PROMPTS_PATH=${options.out} to use this directory at runtime.`
            )
          );
        }
      } catch (error) {
        const errorMessage = error instanceof Error ? error.message : String(error);
        console.error(import_chalk9.default.red("\nPrompt pull failed"));
        console.error(import_chalk9.default.red(errorMessage));
        captureError({
          command: "prompts pull",
          errorMessage
        });
        process.exit(1);
      }
    }
  );
  prompts.command("push").description("Push local prompt changes to VoltAgent").option("-o, --out <path>", "Input directory", DEFAULT_OUTPUT_DIR).option("-n, --names <names...>", "Prompt names to push (comma-separated or repeatable)").option("-y, --yes", "Skip confirmation prompts", false).action(async (options) => {
    try {
      const auth = await resolveAuthConfig({ promptIfMissing: true });
      const baseDir = import_node_path8.default.resolve(process.cwd(), options.out || DEFAULT_OUTPUT_DIR);
      const promptNames = normalizePromptNames(options.names);
      if (!import_fs_extra.default.existsSync(baseDir)) {
        console.log(import_chalk9.default.yellow(`Prompt directory not found: ${baseDir}`));
        return;
      }
      if (promptNames && promptNames.length > 0) {
        const missing = promptNames.filter((name) => {
          const directPath = import_node_path8.default.resolve(baseDir, name.endsWith(".md") ? name : `${name}.md`);
          if (import_fs_extra.default.existsSync(directPath)) {
            return false;
          }
          const promptName = name.endsWith(".md") ? name.slice(0, -3) : name;
          const baseFile = import_node_path8.default.resolve(baseDir, `${promptName}.md`);
          if (import_fs_extra.default.existsSync(baseFile)) {
            return false;
          }
          const dirPath = import_node_path8.default.resolve(baseDir, promptName);
          return !import_fs_extra.default.existsSync(dirPath);
        });
        if (missing.length > 0) {
          console.log(import_chalk9.default.yellow(`Missing local prompt files: ${missing.join(", ")}`));
        }
      }
      const files = await collectPromptFiles(baseDir, promptNames);
      if (files.length === 0) {
        console.log(import_chalk9.default.yellow("No prompt files found to push."));
        return;
      }
      const localPrompts = [];
      const parseErrors = [];
      for (const file of files) {
        try {
          localPrompts.push(await parsePromptFile(file));
        } catch (error) {
          parseErrors.push(error instanceof Error ? error.message : String(error));
        }
      }
      if (parseErrors.length > 0) {
        console.error(import_chalk9.default.red("Failed to parse prompt files:"));
        parseErrors.forEach((message) => console.error(import_chalk9.default.red(`- ${message}`)));
        process.exit(1);
      }
      const groupedPrompts = /* @__PURE__ */ new Map();
      for (const prompt of localPrompts) {
        const existing = groupedPrompts.get(prompt.name);
        if (existing) {
          existing.push(prompt);
        } else {
          groupedPrompts.set(prompt.name, [prompt]);
        }
      }
      const getVersionValue = /* @__PURE__ */ __name((prompt) => typeof prompt.version === "number" ? prompt.version : -1, "getVersionValue");
      const selectLatestPrompt = /* @__PURE__ */ __name((prompts2) => {
        const latestLabelled = prompts2.filter((prompt) => prompt.allLabels.includes("latest"));
        const candidates = latestLabelled.length > 0 ? latestLabelled : prompts2;
        return candidates.reduce(
          (best, current) => getVersionValue(current) > getVersionValue(best) ? current : best
        );
      }, "selectLatestPrompt");
      const selectedPrompts = [];
      for (const [name, prompts2] of groupedPrompts) {
        if (prompts2.length === 1) {
          selectedPrompts.push(prompts2[0]);
          continue;
        }
        const selected = selectLatestPrompt(prompts2);
        const skipped = prompts2.filter((prompt) => prompt.filePath !== selected.filePath);
        selectedPrompts.push(selected);
        if (skipped.length > 0) {
          const selectedVersion = selected.version !== void 0 ? `v${selected.version}` : "latest";
          console.log(
            import_chalk9.default.yellow(
              `Multiple local versions found for '${name}'. Pushing ${selectedVersion}; skipping ${skipped.length} file(s).`
            )
          );
        }
      }
      const diffResults = [];
      const spinner = (0, import_ora5.default)("Comparing local prompts with remote...").start();
      for (const prompt of selectedPrompts) {
        const remote = await fetchRemotePrompt(auth.baseUrl, auth, prompt.name);
        const diffs = buildDiffSummary(prompt, remote);
        if (diffs.length > 0) {
          diffResults.push({ local: prompt, remote, diffs });
        }
      }
      spinner.stop();
      if (diffResults.length === 0) {
        console.log(import_chalk9.default.green("No differences detected. Nothing to push."));
        return;
      }
      for (const entry of diffResults) {
        console.log(import_chalk9.default.yellow(`
${entry.local.name}`));
        entry.diffs.forEach((diff) => console.log(import_chalk9.default.gray(`- ${diff}`)));
      }
      const shouldPush = options.yes || (await import_inquirer5.default.prompt([
        {
          type: "confirm",
          name: "confirm",
          message: `Push ${diffResults.length} prompt(s) to VoltAgent?`,
          default: false
        }
      ])).confirm;
      if (!shouldPush) {
        console.log(import_chalk9.default.yellow("Push canceled."));
        return;
      }
      const pushSpinner = (0, import_ora5.default)("Pushing prompts...").start();
      for (const entry of diffResults) {
        const payload = buildCreatePayload(entry.local);
        const url = `${auth.baseUrl}/prompts/public/${encodeURIComponent(entry.local.name)}`;
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "x-public-key": auth.publicKey,
            "x-secret-key": auth.secretKey,
            "Content-Type": "application/json"
          },
          body: (0, import_utils.safeStringify)(payload)
        });
        if (!response.ok) {
          const details = await response.text().catch(() => "");
          throw new Error(
            `Failed to push prompt '${entry.local.name}': ${response.status} ${response.statusText}${details ? ` - ${details}` : ""}`
          );
        }
      }
      pushSpinner.succeed(`Pushed ${diffResults.length} prompt(s).`);
    } catch (error) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      console.error(import_chalk9.default.red("\nPrompt push failed"));
      console.error(import_chalk9.default.red(errorMessage));
      captureError({
        command: "prompts push",
        errorMessage
      });
      process.exit(1);
    }
  });
}, "registerPromptsCommand");

// src/commands/tunnel.ts
var import_chalk10 = __toESM(require("chalk"));
var import_localtunnel = __toESM(require("localtunnel"));
var import_ora6 = __toESM(require("ora"));
var API_BASE_URL2 = "https://api.voltagent.dev";
var TUNNEL_HOST = "https://tunnel.voltagent.dev";
function validatePrefix(prefix) {
  const regex = /^[a-z0-9][a-z0-9-]{0,19}$/;
  if (!regex.test(prefix)) {
    return false;
  }
  const reserved = ["www", "mail", "admin", "console", "api-voltagent"];
  if (reserved.includes(prefix)) {
    return false;
  }
  return true;
}
__name(validatePrefix, "validatePrefix");
var registerTunnelCommand = /* @__PURE__ */ __name((program) => {
  program.command("tunnel").description("Expose your local VoltAgent server through the VoltAgent tunnel service").argument("[port]", "Local port to expose", "3141").option("-p, --prefix <prefix>", "Subdomain prefix (e.g. agent, web, api)").action(async (portArg, options) => {
    const portValue = portArg ?? "3141";
    const port = Number.parseInt(portValue, 10);
    if (Number.isNaN(port) || port <= 0) {
      console.error(import_chalk10.default.red("\nInvalid port provided. Please specify a valid port number.\n"));
      process.exit(1);
    }
    if (options?.prefix) {
      if (!validatePrefix(options.prefix)) {
        console.error(import_chalk10.default.red("\n\u2717 Invalid prefix"));
        console.error(
          import_chalk10.default.gray(
            "Prefix must be 1-20 characters, lowercase letters, numbers, and dashes only."
          )
        );
        console.error(import_chalk10.default.gray("Examples: agent, web, api, my-app\n"));
        process.exit(1);
      }
    }
    try {
      const token = readVoltOpsToken();
      if (!token) {
        console.log(import_chalk10.default.yellow("\n\u26A0 Not logged in"));
        console.log(import_chalk10.default.gray("Login to get a persistent subdomain for Core/Pro plans"));
        console.log(import_chalk10.default.cyan("\u2192 Run: volt login\n"));
        const spinner2 = (0, import_ora6.default)("Opening tunnel...").start();
        const tunnel = await (0, import_localtunnel.default)({
          port,
          host: TUNNEL_HOST
        });
        spinner2.succeed("Tunnel opened");
        console.log(import_chalk10.default.cyan(`
\u2713 Tunnel ready at ${import_chalk10.default.bold(tunnel.url)}
`));
        captureTunnelEvent({
          authenticated: false,
          has_paid_plan: false,
          plan_name: "free",
          has_prefix: false
        });
        console.log(import_chalk10.default.gray("Press Ctrl+C to close the tunnel"));
        console.log(
          import_chalk10.default.gray(`Forwarding ${import_chalk10.default.cyan(tunnel.url)} \u2192 http://localhost:${port}
`)
        );
        await setupTunnelShutdown(tunnel);
        return;
      }
      const config = readVoltOpsConfig();
      const spinner = (0, import_ora6.default)("Checking subscription...").start();
      try {
        const response = await fetch(`${API_BASE_URL2}/auth/cli/subdomain`, {
          method: "GET",
          headers: {
            Authorization: `Bearer ${token}`,
            "Content-Type": "application/json"
          }
        });
        if (response.status === 401) {
          spinner.fail("Token expired");
          console.log(import_chalk10.default.yellow("\nYour login token has expired. Please login again."));
          console.log(import_chalk10.default.cyan("\u2192 Run: volt login\n"));
          deleteVoltOpsToken();
          process.exit(1);
        }
        if (!response.ok) {
          throw new Error(`Failed to check subscription: ${response.statusText}`);
        }
        const subdomainData = await response.json();
        spinner.succeed("Subscription checked");
        if (!subdomainData.subdomain || !subdomainData.hasPaidPlan) {
          console.log(import_chalk10.default.yellow("\n\u26A0 Free plan - using random subdomain"));
          console.log(import_chalk10.default.gray("Upgrade to Core/Pro for persistent subdomain"));
          console.log(import_chalk10.default.cyan("\u2192 Visit: https://console.voltagent.dev\n"));
          const tunnelSpinner2 = (0, import_ora6.default)("Opening tunnel...").start();
          const tunnel2 = await (0, import_localtunnel.default)({
            port,
            host: TUNNEL_HOST
          });
          tunnelSpinner2.succeed("Tunnel opened");
          console.log(import_chalk10.default.cyan(`
\u2713 Tunnel ready at ${import_chalk10.default.bold(tunnel2.url)}
`));
          captureTunnelEvent({
            authenticated: true,
            has_paid_plan: false,
            plan_name: "free",
            has_prefix: false
          });
          console.log(import_chalk10.default.gray("Press Ctrl+C to close the tunnel"));
          console.log(
            import_chalk10.default.gray(`Forwarding ${import_chalk10.default.cyan(tunnel2.url)} \u2192 http://localhost:${port}
`)
          );
          await setupTunnelShutdown(tunnel2);
          return;
        }
        const prefix = options?.prefix || getTunnelPrefix() || null;
        const fullSubdomain = prefix ? `${prefix}-${subdomainData.subdomain}` : subdomainData.subdomain;
        console.log(
          import_chalk10.default.green(
            `
\u2713 ${subdomainData.planName.charAt(0).toUpperCase() + subdomainData.planName.slice(1)} plan detected`
          )
        );
        if (config) {
          console.log(import_chalk10.default.gray(`Logged in as: ${config.user.email}`));
        }
        console.log();
        const tunnelSpinner = (0, import_ora6.default)("Opening persistent tunnel...").start();
        const tunnel = await (0, import_localtunnel.default)({
          port,
          host: TUNNEL_HOST,
          subdomain: fullSubdomain
        });
        const actualUrl = new URL(tunnel.url);
        const actualSubdomain = actualUrl.hostname.split(".")[0];
        if (actualSubdomain !== fullSubdomain) {
          tunnelSpinner.fail("Subdomain not available");
          console.log(import_chalk10.default.red(`
\u2717 Subdomain "${fullSubdomain}" is already in use`));
          console.log(import_chalk10.default.yellow("\nTry a different prefix or wait a moment and try again\n"));
          tunnel.close();
          process.exit(1);
        }
        tunnelSpinner.succeed("Persistent tunnel opened");
        console.log(import_chalk10.default.green(`
\u2713 Tunnel ready at ${import_chalk10.default.bold(tunnel.url)}
`));
        if (prefix) {
          console.log(import_chalk10.default.gray(`  Prefix: ${prefix}`));
        }
        console.log(import_chalk10.default.gray(`  Subdomain: ${fullSubdomain}`));
        console.log(import_chalk10.default.gray("  This URL will remain the same across sessions\n"));
        captureTunnelEvent({
          authenticated: true,
          has_paid_plan: subdomainData.hasPaidPlan,
          plan_name: subdomainData.planName,
          has_prefix: !!prefix
        });
        try {
          await registerTunnel(token, {
            subdomain: fullSubdomain,
            port,
            prefix: prefix || null
          });
        } catch (_error) {
          console.log(import_chalk10.default.yellow("\u26A0 Failed to register tunnel with API"));
        }
        console.log(import_chalk10.default.gray("Press Ctrl+C to close the tunnel"));
        console.log(
          import_chalk10.default.gray(`Forwarding ${import_chalk10.default.cyan(tunnel.url)} \u2192 http://localhost:${port}
`)
        );
        const heartbeatInterval = startHeartbeat(token, fullSubdomain);
        await setupTunnelShutdown(tunnel, token, fullSubdomain, heartbeatInterval);
      } catch (error) {
        spinner.fail("Failed to check subscription");
        throw error;
      }
    } catch (error) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      console.error(import_chalk10.default.red("\n\u2717 Failed to establish tunnel"));
      console.error(import_chalk10.default.red(`${errorMessage}
`));
      captureError({
        command: "tunnel",
        errorMessage
      });
      process.exit(1);
    }
  });
}, "registerTunnelCommand");
async function registerTunnel(token, data) {
  const response = await fetch(`${API_BASE_URL2}/tunnels/register`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json"
    },
    body: JSON.stringify(data)
  });
  if (!response.ok) {
    throw new Error(`Failed to register tunnel: ${response.statusText}`);
  }
}
__name(registerTunnel, "registerTunnel");
function startHeartbeat(token, subdomain) {
  return setInterval(async () => {
    try {
      await fetch(`${API_BASE_URL2}/tunnels/heartbeat`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json"
        },
        body: JSON.stringify({ subdomain })
      });
    } catch {
    }
  }, 3e4);
}
__name(startHeartbeat, "startHeartbeat");
async function disconnectTunnel(token, subdomain) {
  try {
    await fetch(`${API_BASE_URL2}/tunnels/${subdomain}`, {
      method: "DELETE",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json"
      }
    });
  } catch {
  }
}
__name(disconnectTunnel, "disconnectTunnel");
async function setupTunnelShutdown(tunnel, token, subdomain, heartbeatInterval) {
  let closing = false;
  const shutdown = /* @__PURE__ */ __name(async (signal) => {
    if (closing) {
      return;
    }
    closing = true;
    console.log(
      import_chalk10.default.gray(signal ? `
Received ${signal}, closing tunnel...` : "\nClosing tunnel...")
    );
    if (heartbeatInterval) {
      clearInterval(heartbeatInterval);
    }
    if (token && subdomain) {
      await disconnectTunnel(token, subdomain);
    }
    try {
      tunnel.close();
    } catch {
    }
    process.exit(0);
  }, "shutdown");
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  await new Promise(() => {
  });
  process.exit(0);
}
__name(setupTunnelShutdown, "setupTunnelShutdown");

// src/commands/update.ts
var import_node_child_process2 = require("child_process");
var import_node_fs7 = __toESM(require("fs"));
var import_node_path9 = __toESM(require("path"));
var import_chalk11 = __toESM(require("chalk"));
var import_inquirer6 = __toESM(require("inquirer"));
var ncuPackage = __toESM(require("npm-check-updates"));
var import_ora7 = __toESM(require("ora"));
var detectPackageManager = /* @__PURE__ */ __name((projectPath) => {
  const lockFiles = {
    "pnpm-lock.yaml": "pnpm",
    "package-lock.json": "npm",
    "yarn.lock": "yarn",
    "bun.lockb": "bun"
  };
  for (const [file, manager] of Object.entries(lockFiles)) {
    if (import_node_fs7.default.existsSync(import_node_path9.default.join(projectPath, file))) {
      return manager;
    }
  }
  return "npm";
}, "detectPackageManager");
var checkForUpdates = /* @__PURE__ */ __name(async (packagePath, options) => {
  try {
    const rootDir = packagePath ? import_node_path9.default.dirname(packagePath) : process.cwd();
    const packageJsonPath = packagePath || import_node_path9.default.join(rootDir, "package.json");
    if (!import_node_fs7.default.existsSync(packageJsonPath)) {
      return {
        hasUpdates: false,
        updates: {},
        count: 0,
        message: "Could not find package.json"
      };
    }
    const result = await ncuPackage.default({
      packageFile: packageJsonPath,
      silent: true,
      jsonUpgraded: true,
      filter: options?.filter
    });
    const updates = result;
    const count = Object.keys(updates).length;
    if (count > 0) {
      const updatesList = Object.entries(updates).map(([name, version]) => `  - ${name} \u2192 ${version}`).join("\n");
      return {
        hasUpdates: true,
        updates,
        count,
        message: `Found ${count} outdated packages:
${updatesList}`
      };
    }
    return {
      hasUpdates: false,
      updates: {},
      count: 0,
      message: "All packages are up to date"
    };
  } catch (error) {
    console.error("Error checking for updates:", error);
    return {
      hasUpdates: false,
      updates: {},
      count: 0,
      message: `Error checking for updates: ${error instanceof Error ? error.message : String(error)}`
    };
  }
}, "checkForUpdates");
var interactiveUpdate = /* @__PURE__ */ __name(async (updates, packagePath, skipInstall = false) => {
  const rootDir = packagePath ? import_node_path9.default.dirname(packagePath) : process.cwd();
  const packageJsonPath = packagePath || import_node_path9.default.join(rootDir, "package.json");
  const choices = Object.entries(updates).map(([name, version]) => {
    return {
      name: `${import_chalk11.default.cyan(name)}: ${import_chalk11.default.gray(getCurrentVersion(name, packageJsonPath))} \u2192 ${import_chalk11.default.green(version)}`,
      value: name,
      short: name
    };
  });
  const { selectedPackages } = await import_inquirer6.default.prompt([
    {
      type: "checkbox",
      name: "selectedPackages",
      message: "Select packages to update:",
      choices,
      pageSize: 15,
      default: choices.map((c) => c.value)
      // Default select all
    }
  ]);
  if (selectedPackages.length === 0) {
    console.log(import_chalk11.default.yellow("No packages selected for update."));
    return;
  }
  const selectedFilter = selectedPackages.join(" ");
  console.log(import_chalk11.default.cyan("\nApplying updates for selected packages..."));
  try {
    await ncuPackage.default({
      packageFile: packageJsonPath,
      upgrade: true,
      filter: selectedFilter
    });
    console.log(import_chalk11.default.green(`\u2713 Updated ${selectedPackages.length} packages in package.json`));
    if (skipInstall) {
      const packageManager2 = detectPackageManager(rootDir);
      const installCommand2 = packageManager2 === "yarn" ? `${packageManager2} install` : `${packageManager2} install`;
      console.log(import_chalk11.default.yellow("\n\u26A0 Automatic installation skipped"));
      console.log(import_chalk11.default.cyan(`Run '${installCommand2}' to install updated packages`));
      return;
    }
    const packageManager = detectPackageManager(rootDir);
    const installCommand = packageManager === "yarn" ? `${packageManager} install` : `${packageManager} install`;
    console.log(import_chalk11.default.cyan(`
Detected package manager: ${packageManager}`));
    console.log(import_chalk11.default.cyan(`Running ${installCommand}...`));
    const spinner = (0, import_ora7.default)("Installing packages...").start();
    try {
      (0, import_node_child_process2.execSync)(installCommand, { cwd: rootDir, stdio: "pipe" });
      spinner.succeed(import_chalk11.default.green("\u2713 Packages installed successfully"));
    } catch (installError) {
      spinner.fail(import_chalk11.default.red("Failed to install packages"));
      console.error(import_chalk11.default.red(`
Please run '${installCommand}' manually`));
      throw installError;
    }
  } catch (error) {
    console.error(import_chalk11.default.red("Error applying updates:"));
    console.error(error instanceof Error ? error.message : String(error));
  }
}, "interactiveUpdate");
var getCurrentVersion = /* @__PURE__ */ __name((packageName, packageJsonPath) => {
  try {
    const packageJson = JSON.parse(import_node_fs7.default.readFileSync(packageJsonPath, "utf8"));
    for (const section of [
      "dependencies",
      "devDependencies",
      "peerDependencies",
      "optionalDependencies"
    ]) {
      if (packageJson[section]?.[packageName]) {
        return packageJson[section][packageName];
      }
    }
    return "unknown";
  } catch {
    return "unknown";
  }
}, "getCurrentVersion");
var registerUpdateCommand = /* @__PURE__ */ __name((program) => {
  program.command("update").description("Interactive update for VoltAgent packages").option("--apply", "Apply updates without interactive mode").option("--no-install", "Skip automatic package installation after updating package.json").action(async (options) => {
    try {
      const spinner = (0, import_ora7.default)("Checking for updates...").start();
      const filter = "@voltagent*";
      const updates = await checkForUpdates(void 0, { filter });
      spinner.stop();
      captureUpdateEvent({
        hadUpdates: updates.hasUpdates
      });
      if (!updates.hasUpdates) {
        console.log(import_chalk11.default.green("\u2713 All VoltAgent packages are up to date"));
        return;
      }
      console.log(import_chalk11.default.yellow(`Found ${updates.count} outdated VoltAgent packages:`));
      Object.entries(updates.updates).forEach(([name, version]) => {
        console.log(`  ${import_chalk11.default.cyan(name)}: ${import_chalk11.default.gray("\u2192")} ${import_chalk11.default.green(version)}`);
      });
      if (options.apply) {
        console.log(import_chalk11.default.cyan("\nApplying updates..."));
        try {
          const rootDir = process.cwd();
          const packageJsonPath = import_node_path9.default.join(rootDir, "package.json");
          await ncuPackage.default({
            packageFile: packageJsonPath,
            upgrade: true,
            filter
          });
          console.log(import_chalk11.default.green("\u2713 Updates applied to package.json"));
          if (options.install === false) {
            const packageManager2 = detectPackageManager(rootDir);
            const installCommand2 = packageManager2 === "yarn" ? `${packageManager2} install` : `${packageManager2} install`;
            console.log(import_chalk11.default.yellow("\n\u26A0 Automatic installation skipped"));
            console.log(import_chalk11.default.cyan(`Run '${installCommand2}' to install updated packages`));
            return;
          }
          const packageManager = detectPackageManager(rootDir);
          const installCommand = packageManager === "yarn" ? `${packageManager} install` : `${packageManager} install`;
          console.log(import_chalk11.default.cyan(`
Detected package manager: ${packageManager}`));
          console.log(import_chalk11.default.cyan(`Running ${installCommand}...`));
          const installSpinner = (0, import_ora7.default)("Installing packages...").start();
          try {
            (0, import_node_child_process2.execSync)(installCommand, { cwd: rootDir, stdio: "pipe" });
            installSpinner.succeed(import_chalk11.default.green("\u2713 Packages installed successfully"));
          } catch (installError) {
            installSpinner.fail(import_chalk11.default.red("Failed to install packages"));
            console.error(import_chalk11.default.red(`
Please run '${installCommand}' manually`));
            throw installError;
          }
          return;
        } catch (error) {
          console.error(import_chalk11.default.red("Error applying updates:"));
          console.error(error instanceof Error ? error.message : String(error));
          return;
        }
      }
      console.log();
      console.log(import_chalk11.default.cyan("Starting interactive update..."));
      await interactiveUpdate(updates.updates, void 0, options.install === false);
    } catch (error) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      console.error(import_chalk11.default.red("Error checking for updates:"));
      console.error(errorMessage);
      captureError({
        command: "update",
        errorMessage
      });
    }
  });
}, "registerUpdateCommand");

// src/commands/whoami.ts
var import_node_fs8 = __toESM(require("fs"));
var import_node_os3 = __toESM(require("os"));
var import_node_path10 = __toESM(require("path"));
var import_chalk12 = __toESM(require("chalk"));
var registerWhoamiCommand = /* @__PURE__ */ __name((program) => {
  program.command("whoami").description("Display system and user information").action(async () => {
    try {
      console.log(import_chalk12.default.cyan("System and User Information:"));
      console.log(import_chalk12.default.blue(`Username: ${import_node_os3.default.userInfo().username}`));
      console.log(import_chalk12.default.blue(`Hostname: ${import_node_os3.default.hostname()}`));
      console.log(import_chalk12.default.blue(`Platform: ${import_node_os3.default.platform()}`));
      console.log(import_chalk12.default.blue(`OS: ${import_node_os3.default.type()} ${import_node_os3.default.release()}`));
      console.log(import_chalk12.default.blue(`Architecture: ${import_node_os3.default.arch()}`));
      console.log(import_chalk12.default.blue(`Home Directory: ${import_node_os3.default.homedir()}`));
      console.log(import_chalk12.default.cyan("\nInstalled VoltAgent Packages:"));
      let numVoltPackages = 0;
      const packageJsonPath = import_node_path10.default.join(process.cwd(), "package.json");
      if (import_node_fs8.default.existsSync(packageJsonPath)) {
        const packageJson = JSON.parse(import_node_fs8.default.readFileSync(packageJsonPath, "utf-8"));
        const dependencies = {
          ...packageJson.dependencies,
          ...packageJson.devDependencies
        };
        const voltagentPackages = Object.entries(dependencies || {}).filter(([name]) => name.includes("voltagent")).map(([name, version]) => ({ name, version }));
        numVoltPackages = voltagentPackages.length;
        if (voltagentPackages.length > 0) {
          voltagentPackages.forEach((pkg) => {
            console.log(import_chalk12.default.blue(`${pkg.name}: ${pkg.version}`));
          });
        } else {
          console.log(import_chalk12.default.yellow("No VoltAgent packages found in package.json"));
        }
      } else {
        console.log(import_chalk12.default.yellow("No package.json found in current directory"));
      }
      captureWhoamiEvent({
        numVoltPackages
      });
    } catch (error) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      console.error(import_chalk12.default.red("Error:"), errorMessage);
      captureError({
        command: "whoami",
        errorMessage
      });
      process.exit(1);
    }
  });
}, "registerWhoamiCommand");

// src/index.ts
var createCLI = /* @__PURE__ */ __name(() => {
  const program = new import_commander.Command();
  program.name("voltagent").description("VoltAgent CLI - CLI tool for update checks").version("0.1.0");
  registerInitCommand(program);
  registerUpdateCommand(program);
  registerWhoamiCommand(program);
  registerAddCommand(program);
  registerMCPCommand(program);
  registerDeployCommand(program);
  registerEvalCommand(program);
  registerTunnelCommand(program);
  registerPromptsCommand(program);
  registerLoginCommand(program);
  registerLogoutCommand(program);
  return program;
}, "createCLI");
var runCLI = /* @__PURE__ */ __name(async () => {
  try {
    console.log(
      import_chalk13.default.cyan(
        import_figlet.default.textSync("VoltAgent CLI", {
          font: "Standard",
          horizontalLayout: "default",
          verticalLayout: "default"
        })
      )
    );
    const program = createCLI();
    await program.parseAsync(process.argv);
    await analytics_default.shutdown();
  } catch (error) {
    const errorMessage = error instanceof Error ? error.message : String(error);
    console.error(import_chalk13.default.red("An unexpected error occurred:"));
    console.error(errorMessage);
    captureError({
      command: "unknown",
      errorMessage
    });
    await analytics_default.shutdown();
    process.exit(1);
  }
}, "runCLI");
runCLI().catch((error) => {
  const errorMessage = error instanceof Error ? error.message : String(error);
  console.error(`Error: ${errorMessage}`);
  captureError({
    command: "cli_runner",
    errorMessage
  });
  analytics_default.shutdown().then(() => {
    process.exit(1);
  });
});
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runCLI
});
//# sourceMappingURL=index.js.map