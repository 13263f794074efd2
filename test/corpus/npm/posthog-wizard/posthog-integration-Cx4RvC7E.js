import { $ as getSkillsBaseUrl, D as DETECTION_TIMEOUT_MS, G as WIZARD_INTERACTION_EVENT_NAME, _ as SIGNUP_WIZARD_READINESS_CONFIG, j as Integration, k as HAIKU_MODEL, p as getUI, s as logToFile, v as evaluateWizardReadiness, y as getBlockingServiceKeys } from "./debug-CZwmzyDx.js";
import { t as analytics } from "./analytics-Du8Z_3oX.js";
import { i as withUtm, n as openTrackedLink } from "./telemetry-DJNpvkYP.js";
import { i as tryGetPackageJson, n as isUsingTypeScript } from "./setup-utils-CR8X8Fmf.js";
import { t as HostResolution } from "./host-resolution-DrOzdKdY.js";
import { r as requestDeepLink } from "./provisioning-PosLaOt4.js";
import "./wizard-session-CqihOtk3.js";
import { i as wizardAbort } from "./wizard-abort-BG8VNOI9.js";
import { a as runAgent, f as AgentSignals, r as initializeAgent, y as WIZARD_TOOL_NAMES } from "./agent-interface-D8jnkEnB.js";
import { r as detectNodePackageManagers } from "./package-manager-9nhQBKAy.js";
import { n as runAgent$1 } from "./agent-runner-BxIYcxmA.js";
import { i as SPINNER_MESSAGE, t as FRAMEWORK_REGISTRY } from "./registry-B43CNAAx.js";
import * as semver from "semver";
import { readFileSync } from "fs";
import { join } from "path";
import { Text } from "ink";
import { useEffect, useMemo, useRef, useState } from "react";
import { jsx, jsxs } from "react/jsx-runtime";
//#region src/lib/detection/framework.ts
/**
* Framework detection — identify which PostHog-supported framework
* is present in the project directory.
*
* Pure function: takes an install dir, returns the detected integration
* (or undefined). No store mutations, no UI calls.
*/
/**
* Loop through all registered frameworks and return the first one
* whose `detect()` predicate matches the given directory.
* Returns undefined if no framework is detected or detection times out.
*/
async function detectFramework(installDir) {
	for (const integration of Object.values(Integration)) {
		const config = FRAMEWORK_REGISTRY[integration];
		try {
			if (await Promise.race([config.detection.detect({ installDir }), new Promise((resolve) => setTimeout(() => resolve(false), 1e4))])) return integration;
		} catch {}
	}
}
//#endregion
//#region src/lib/detection/features.ts
/**
* Feature discovery — scan project dependencies for known SDK patterns
* that indicate additional PostHog programs are relevant.
*
* Pure function: takes an install dir, returns a set of discovered features.
* No store mutations, no UI calls.
*/
const STRIPE_PACKAGES = ["stripe", "@stripe/stripe-js"];
const LLM_PACKAGES = [
	"openai",
	"@anthropic-ai/sdk",
	"ai",
	"@ai-sdk/openai",
	"langchain",
	"@langchain/openai",
	"@langchain/langgraph",
	"@google/generative-ai",
	"@google/genai",
	"@instructor-ai/instructor",
	"@mastra/core",
	"portkey-ai"
];
const PYTHON_LLM_PACKAGES = [
	"openai",
	"anthropic",
	"langchain",
	"langchain-openai",
	"langchain-anthropic",
	"langchain-google-genai",
	"langgraph",
	"litellm",
	"llama-index",
	"pydantic-ai",
	"crewai",
	"instructor",
	"dspy-ai",
	"mistralai",
	"cohere",
	"google-generativeai",
	"google-genai",
	"portkey-ai"
];
function discoverFeatures(installDir) {
	const features = [];
	discoverNodeFeatures(installDir, features);
	discoverPythonFeatures(installDir, features);
	return features;
}
function discoverNodeFeatures(installDir, features) {
	const packageJsonText = safeRead(installDir, "package.json");
	if (!packageJsonText) return;
	let packageJson;
	try {
		packageJson = JSON.parse(packageJsonText);
	} catch {
		return;
	}
	const depNames = Object.keys({
		...packageJson.dependencies,
		...packageJson.devDependencies
	});
	if (depNames.some((depName) => STRIPE_PACKAGES.includes(depName))) features.push("stripe");
	if (depNames.some((depName) => LLM_PACKAGES.includes(depName))) features.push("llm");
}
function discoverPythonFeatures(installDir, features) {
	if (features.includes("llm")) return;
	const depNames = [];
	const requirementsTxt = safeRead(installDir, "requirements.txt");
	if (requirementsTxt) depNames.push(...parseRequirementsTxt(requirementsTxt));
	const pyprojectToml = safeRead(installDir, "pyproject.toml");
	if (pyprojectToml) depNames.push(...parsePyprojectToml(pyprojectToml));
	const pipfile = safeRead(installDir, "Pipfile");
	if (pipfile) depNames.push(...parsePipfile(pipfile));
	if (depNames.some((depName) => PYTHON_LLM_PACKAGES.includes(depName))) features.push("llm");
}
function safeRead(installDir, file) {
	try {
		return readFileSync(join(installDir, file), "utf-8");
	} catch {
		return null;
	}
}
function normalizePyName(name) {
	return name.toLowerCase().replace(/_/g, "-");
}
function parseRequirementsTxt(content) {
	return content.split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("#") && !line.startsWith("-")).map((line) => line.replace(/\[[^\]]*\]/, "")).map((line) => line.split(/[<>=!~;\s]/)[0]).filter(Boolean).map(normalizePyName);
}
function parsePyprojectToml(content) {
	const depNames = [];
	for (const arrayMatch of content.matchAll(/dependencies\s*=\s*\[([^\]]*)\]/g)) {
		const arrayBody = arrayMatch[1];
		for (const quotedMatch of arrayBody.matchAll(/["']([^"']+)["']/g)) {
			const name = quotedMatch[1].replace(/\[[^\]]*\]/, "").split(/[<>=!~;\s]/)[0];
			if (name) depNames.push(normalizePyName(name));
		}
	}
	for (const sectionMatch of content.matchAll(/\[tool\.poetry\.(?:dev-dependencies|dependencies|group\.[^.\]]+\.dependencies)\]([\s\S]*?)(?=\n\[|$)/g)) {
		const sectionBody = sectionMatch[1];
		depNames.push(...extractTomlSectionKeys(sectionBody, { skip: ["python"] }));
	}
	return depNames;
}
function parsePipfile(content) {
	const depNames = [];
	for (const sectionMatch of content.matchAll(/\[(packages|dev-packages)\]([\s\S]*?)(?=\n\[|$)/g)) {
		const sectionBody = sectionMatch[2];
		depNames.push(...extractTomlSectionKeys(sectionBody));
	}
	return depNames;
}
function extractTomlSectionKeys(sectionBody, opts = {}) {
	const skipNames = new Set(opts.skip ?? []);
	const depNames = [];
	for (const line of sectionBody.split("\n")) {
		const trimmed = line.trim();
		if (!trimmed || trimmed.startsWith("#")) continue;
		const equalsIndex = trimmed.indexOf("=");
		if (equalsIndex <= 0) continue;
		const name = trimmed.slice(0, equalsIndex).trim();
		if (!/^[a-zA-Z0-9._-]+$/.test(name)) continue;
		if (skipNames.has(name.toLowerCase())) continue;
		depNames.push(normalizePyName(name));
	}
	return depNames;
}
//#endregion
//#region src/lib/detection/context.ts
/**
* Framework context gathering — run gatherContext and version checks
* for a detected framework.
*
* Pure functions: take a framework config and options, return results.
* No store mutations, no UI calls.
*/
/**
* Run a framework's `gatherContext()` to collect variant-specific
* metadata (e.g., router type for Next.js, Expo vs bare for React Native).
*
* Returns the gathered context, or an empty object on failure/timeout.
*/
async function gatherFrameworkContext(config, options) {
	if (!config.metadata.gatherContext) return {};
	try {
		return await Promise.race([config.metadata.gatherContext(options), new Promise((resolve) => setTimeout(() => resolve({}), DETECTION_TIMEOUT_MS))]);
	} catch {
		return {};
	}
}
/**
* Check whether the installed framework version meets the minimum requirement.
*
* Returns `{ supported: true }` if the version is fine (or no check is needed).
* Returns the version details if unsupported.
*/
async function checkFrameworkVersion(config, options) {
	if (!config.detection.minimumVersion || !config.detection.getInstalledVersion) return { supported: true };
	const version = await config.detection.getInstalledVersion(options);
	if (!version) return { supported: true };
	const coerced = semver.coerce(version);
	if (coerced && semver.lt(coerced, config.detection.minimumVersion)) return { supported: {
		current: version,
		minimum: config.detection.minimumVersion,
		docsUrl: config.metadata.unsupportedVersionDocsUrl ?? config.metadata.docsUrl
	} };
	return { supported: true };
}
//#endregion
//#region src/lib/detection/agentic.ts
/**
* Agentic project detection.
*
* A reusable detection tool that drives a Haiku agent over the repo: it finds
* project roots, resolves monorepo/workspace markers, reads package manifests,
* classifies each project against a caller-supplied set of targets, and reports
* which projects already have a PostHog SDK installed.
*
* Product-knowledge-free by design — the caller passes the targets to classify
* into (e.g. source-map skill variants) and maps the result back. Sits next to
* the other detection tools (framework, features, package-manager) so it's
* discoverable. Runs AFTER auth: it uses the same agent loop every program
* uses, which needs credentials.
*/
/**
* Every project-manifest / workspace-marker filename the wizard's frameworks
* are identified by. One brace-expansion Glob over all of these locates every
* project root in the repo in a single call, regardless of language.
*/
const PROJECT_MANIFESTS = [
	"package.json",
	"pnpm-workspace.yaml",
	"turbo.json",
	"nx.json",
	"lerna.json",
	"requirements.txt",
	"pyproject.toml",
	"setup.py",
	"Pipfile",
	"manage.py",
	"Gemfile",
	"composer.json",
	"Cargo.toml",
	"go.mod",
	"Package.swift",
	"Podfile",
	"pubspec.yaml",
	"build.gradle",
	"build.gradle.kts",
	"settings.gradle",
	"settings.gradle.kts"
];
/** The single brace-expansion glob covering every supported manifest. */
function manifestGlob() {
	return `**/{${PROJECT_MANIFESTS.join(",")}}`;
}
function buildPrompt(cwd, targets, purpose) {
	const targetList = targets.map((t) => `- ${t.id} → ${t.name}`).join("\n");
	return [
		`You are scanning a code repository to ${purpose}. Be fast and mechanical — do not over-explore. Keep any reasoning to one short sentence, then run the tool calls and output the JSON.`,
		"",
		`Working directory: ${cwd}`,
		"",
		"A \"project\" is a directory containing one or more of the manifest files below. Find projects by their manifests, NOT by walking directories — never report a directory that has no manifest.",
		"",
		"Do exactly this:",
		`1. Run Glob ONCE with this pattern to find every project manifest in the repo in a single call: "${manifestGlob()}". Discard any result whose path contains node_modules/, dist/, build/, .next/, out/, coverage/, vendor/, .venv/, site-packages/, or target/. Group the remaining results by directory — each directory is one project.`,
		"2. Decide repoType: \"monorepo\" if the root package.json has a \"workspaces\" field OR a pnpm-workspace.yaml / turbo.json / nx.json / lerna.json was found at the root, else \"single\".",
		"3. For EACH project directory, Read its manifest(s) ONCE. From the dependency lists decide:",
		"   - the human-readable framework name (e.g. \"Next.js\", \"Django\", \"Rails\"),",
		"   - the matching target id from the list below. That list is ordered by priority — most specific first — so when a project could match more than one target (e.g. it uses several of the listed technologies), pick the one listed EARLIEST. Use null only if none matches,",
		"   - hasPostHog: true if any dependency is a PostHog SDK (name contains \"posthog\", e.g. posthog-js, posthog-node, @posthog/*, posthog (pip/gem)), else false.",
		"   Do NOT read any file other than these manifests.",
		"",
		"Target ids (id → name), in priority order — most specific first; if several match a project, keep the one listed earliest:",
		targetList,
		"",
		"Output requirements:",
		"- Respond with ONLY a single JSON object. No prose, no markdown code fences.",
		"- Shape: {\"repoType\":\"monorepo\"|\"single\",\"projects\":[{\"path\":string,\"framework\":string,\"targetId\":string|null,\"hasPostHog\":boolean}]}",
		"- \"path\" is the project directory relative to the working directory; use \".\" for the repo root.",
		"- \"targetId\" MUST be exactly one of the target ids above when it matches; if several match, use the one listed earliest; otherwise null.",
		"- Include projects whose stack matches no target too (targetId: null).",
		`- If there are no manifests at all, respond with exactly: ${AgentSignals.ABORT} detection failed`
	].join("\n");
}
function extractJson(text) {
	const fenced = text.match(/```(?:json)?\s*([\s\S]*?)```/i);
	const candidate = fenced ? fenced[1] : text;
	const start = candidate.indexOf("{");
	const end = candidate.lastIndexOf("}");
	if (start === -1 || end === -1 || end < start) throw new Error("Agent did not return a JSON object");
	return JSON.parse(candidate.slice(start, end + 1));
}
/**
* Validate the agent's raw JSON into a report, clamping each targetId to the
* supplied set. Exported for testing.
*/
function coerceAgenticReport(parsed, validTargetIds) {
	const obj = parsed ?? {};
	return {
		repoType: obj.repoType === "monorepo" ? "monorepo" : "single",
		projects: (Array.isArray(obj.projects) ? obj.projects : []).map((raw) => {
			const p = raw ?? {};
			const targetId = typeof p.targetId === "string" && validTargetIds.includes(p.targetId) ? p.targetId : null;
			return {
				path: typeof p.path === "string" ? p.path : ".",
				framework: typeof p.framework === "string" ? p.framework : "Unknown",
				targetId,
				hasPostHog: p.hasPostHog === true
			};
		})
	};
}
function formatToolUse(block) {
	const name = typeof block?.name === "string" ? block.name : "tool";
	const input = block?.input ?? {};
	const detail = input.file_path || input.pattern || input.path || "";
	return detail ? `${name} ${detail}` : name;
}
function sessionToWizardOptions(session) {
	return {
		installDir: session.installDir,
		ci: session.ci,
		debug: session.debug,
		default: false,
		benchmark: session.benchmark,
		yaraReport: session.yaraReport,
		signup: session.signup,
		apiKey: session.apiKey,
		projectId: session.projectId,
		localMcp: session.localMcp
	};
}
const NOOP_SPINNER = {
	start: () => void 0,
	stop: () => void 0,
	message: () => void 0
};
/**
* Drive the wizard's agent loop on HAIKU_MODEL to scan the repo and return a
* structured detection report. Reuses the same setup every program uses, so
* MCP, tools, and credentials are wired identically.
*/
async function detectProjectsWithAgent(session, options) {
	if (!session.credentials) throw new Error("Detection requires authenticated credentials.");
	const { targets, purpose = "set up a PostHog integration", onEvent } = options;
	const { accessToken, host } = session.credentials;
	const cwd = session.installDir;
	const runOptions = sessionToWizardOptions(session);
	const agent = await initializeAgent({
		workingDirectory: cwd,
		posthogMcpUrl: session.localMcp ? "http://localhost:8787/mcp" : "https://mcp.posthog.com/mcp",
		posthogApiKey: accessToken,
		posthogApiHost: host,
		detectPackageManager: detectNodePackageManagers,
		skillsBaseUrl: getSkillsBaseUrl(session.localMcp),
		integrationLabel: "agentic-detect",
		allowedTools: [
			"Read",
			"Grep",
			"Glob"
		],
		modelOverride: HAIKU_MODEL
	}, runOptions);
	const collected = [];
	let resultText = "";
	const result = await runAgent(agent, buildPrompt(cwd, targets, purpose), runOptions, NOOP_SPINNER, {
		spinnerMessage: "Scanning the repo...",
		successMessage: "Detection complete",
		errorMessage: "Detection failed",
		requestRemark: false
	}, {
		onMessage: (message) => {
			if (message?.type === "assistant") {
				for (const block of message.message?.content ?? []) if (block?.type === "text" && typeof block.text === "string") {
					collected.push(block.text);
					const line = block.text.trim();
					if (line && onEvent) onEvent(line.length > 100 ? `${line.slice(0, 100)}…` : line);
				} else if (block?.type === "tool_use") onEvent?.(formatToolUse(block));
			} else if (message?.type === "result" && typeof message.result === "string") resultText = message.result;
		},
		finalize: (_resultMessage, _durationMs) => void 0
	});
	if (result.error) throw new Error(result.message || `Agent error: ${result.error}`);
	const output = resultText || collected.join("\n");
	try {
		return coerceAgenticReport(extractJson(output), targets.map((t) => t.id));
	} catch (err) {
		if (output.includes(AgentSignals.ABORT)) return {
			repoType: "single",
			projects: []
		};
		throw err;
	}
}
//#endregion
//#region src/lib/programs/shared/health-check-step.ts
function healthCheckReady(session) {
	if (!session.readinessResult) return false;
	if (session.signup) {
		const hardBlocking = getBlockingServiceKeys(session.readinessResult.health, SIGNUP_WIZARD_READINESS_CONFIG);
		const defaultBlocking = getBlockingServiceKeys(session.readinessResult.health);
		if (hardBlocking.length === 0 && defaultBlocking.length === 0) return true;
		return session.outageDismissed;
	}
	if (session.readinessResult.decision === "no") return session.outageDismissed;
	return true;
}
const HEALTH_CHECK_STEP = {
	id: "health-check",
	label: "Health check",
	screenId: "health-check",
	gate: healthCheckReady,
	onInit: (ctx) => {
		evaluateWizardReadiness().then((readiness) => {
			logToFile(`[health-checks] TUI pre-flight complete: decision=${readiness.decision}`);
			ctx.setReadinessResult(readiness);
		}).catch((err) => {
			logToFile("[health-checks] TUI pre-flight failed:", err);
			ctx.setReadinessResult({
				decision: "yes",
				health: {},
				reasons: []
			});
		});
	}
};
//#endregion
//#region src/lib/programs/posthog-integration/detect.ts
async function detectPostHogIntegration(ctx) {
	const session = ctx.session;
	const installDir = session.installDir;
	const detectedIntegration = await detectFramework(installDir);
	if (detectedIntegration) {
		const config = FRAMEWORK_REGISTRY[detectedIntegration];
		const sessionOptions = {
			installDir,
			debug: session.debug,
			default: false,
			signup: session.signup,
			localMcp: session.localMcp,
			ci: session.ci,
			benchmark: session.benchmark,
			yaraReport: session.yaraReport
		};
		const context = await gatherFrameworkContext(config, sessionOptions);
		for (const [key, value] of Object.entries(context)) if (!(key in session.frameworkContext)) ctx.setFrameworkContext(key, value);
		ctx.setFrameworkConfig(detectedIntegration, config);
		ctx.setSkillId(detectedIntegration);
		if (!session.detectedFrameworkLabel) ctx.setDetectedFramework(config.metadata.name);
		const versionResult = await checkFrameworkVersion(config, sessionOptions);
		if (versionResult.supported !== true) ctx.setUnsupportedVersion(versionResult.supported);
	}
	for (const feature of discoverFeatures(installDir)) ctx.addDiscoveredFeature(feature);
	ctx.setDetectionComplete();
}
//#endregion
//#region src/lib/programs/posthog-integration/steps.ts
function needsSetup(session) {
	const config = session.frameworkConfig;
	if (!config?.metadata.setup?.questions) return false;
	return config.metadata.setup.questions.some((q) => !(q.key in session.frameworkContext));
}
const POSTHOG_INTEGRATION_PROGRAM = [
	{
		id: "detect",
		label: "Detecting framework",
		onReady: (ctx) => detectPostHogIntegration(ctx)
	},
	{
		id: "intro",
		label: "Welcome",
		screenId: "intro",
		gate: (session) => session.setupConfirmed
	},
	HEALTH_CHECK_STEP,
	{
		id: "setup",
		label: "Setup",
		screenId: "setup",
		show: needsSetup,
		isComplete: (session) => !needsSetup(session)
	},
	{
		id: "auth",
		label: "Authentication",
		screenId: "auth",
		isComplete: (session) => session.credentials !== null
	},
	{
		id: "run",
		label: "Integration",
		screenId: "run",
		isComplete: (session) => session.runPhase === "completed" || session.runPhase === "error"
	},
	{
		id: "outro",
		label: "Done",
		screenId: "outro",
		isComplete: (session) => session.outroDismissed
	},
	{
		id: "mcp",
		label: "MCP servers",
		screenId: "mcp",
		isComplete: (session) => session.mcpComplete
	},
	{
		id: "slack-connect",
		label: "Connect Slack",
		screenId: "slack-connect",
		isComplete: (session) => session.slackStepDismissed
	},
	{
		id: "keep-skills",
		label: "Keep Skills",
		screenId: "keep-skills"
	}
];
//#endregion
//#region src/ui/tui/styles.ts
const Colors = {
	primary: "cyan",
	accent: "#DC9300",
	titleColor: "#3D2800",
	success: "green",
	error: "red",
	muted: "gray"
};
const Icons = {
	diamond: "◆",
	diamondOpen: "◇",
	check: "✔",
	warning: "⚠",
	squareFilled: "◼",
	squareOpen: "◻",
	triangleRight: "▶",
	triangleSmallRight: "▸",
	bullet: "•"
};
//#endregion
//#region src/ui/tui/primitives/text-helpers.ts
/**
* Text-splitting helpers for sentence boundary detection.
* Used by TextBlock for animation pauses at punctuation.
*/
/** Split text into sentences (keeps the delimiter attached) */
function splitSentences(text) {
	const parts = [];
	const re = /[^.!?]*[.!?]+\s*/g;
	let match;
	let lastIndex = 0;
	while ((match = re.exec(text)) !== null) {
		parts.push(match[0]);
		lastIndex = re.lastIndex;
	}
	if (lastIndex < text.length) parts.push(text.slice(lastIndex));
	return parts;
}
/** Build a set of character indices where sentences end (for typewriter pause) */
function sentenceEndChars(text) {
	const ends = /* @__PURE__ */ new Set();
	const sentences = splitSentences(text);
	let pos = 0;
	for (const s of sentences) {
		pos += s.length;
		ends.add(pos - 1);
	}
	return ends;
}
/** Build a set of word indices where sentences end (for word-by-word pause) */
function sentenceEndWords(text) {
	const ends = /* @__PURE__ */ new Set();
	const sentences = splitSentences(text);
	let wordCount = 0;
	for (const s of sentences) {
		const words = s.trim().split(/\s+/).filter(Boolean);
		wordCount += words.length;
		ends.add(wordCount - 1);
	}
	return ends;
}
//#endregion
//#region src/ui/tui/primitives/content-types.ts
/** Type guard for lines blocks. */
function isLinesBlock(block) {
	return typeof block !== "string" && "type" in block && block.type === "lines";
}
/** Type guard for clear blocks. */
function isClearBlock(block) {
	return typeof block !== "string" && "type" in block && block.type === "clear";
}
/** Type guard for object blocks (text or node content). */
function isObjectBlock(block) {
	return typeof block !== "string" && !("type" in block);
}
//#endregion
//#region src/ui/tui/primitives/layout-helpers.ts
/**
* Estimate the number of terminal rows a content block will occupy,
* including 1 row of marginBottom.
*/
function estimateBlockHeight(block, availableWidth) {
	if (typeof block === "string") return wordWrap(block, availableWidth).length + 1;
	if (isClearBlock(block)) return 0;
	if (isLinesBlock(block)) return block.lines.length + 1;
	if (isObjectBlock(block)) {
		if (typeof block.content === "string") return wordWrap(block.content, availableWidth).length + 1;
		return 4;
	}
	return 1;
}
/**
* Given all blocks, the active index, available width, and a row budget,
* return [startIdx, endIdx] — the range of blocks to render.
*
* Always includes activeIdx. Walks backward to include as many completed
* blocks as fit within maxHeight.
*/
function computeVisibleRange(blocks, activeIdx, availableWidth, maxHeight) {
	const budget = Math.max(4, maxHeight - 2);
	let totalHeight = estimateBlockHeight(blocks[activeIdx], availableWidth);
	let start = activeIdx;
	for (let i = activeIdx - 1; i >= 0; i--) {
		if (isClearBlock(blocks[i])) break;
		const h = estimateBlockHeight(blocks[i], availableWidth);
		if (totalHeight + h > budget) break;
		totalHeight += h;
		start = i;
	}
	return [start, activeIdx];
}
/**
* Word-wrap text at clean word boundaries. Always returns pre-wrapped text
* joined with \n — this avoids Ink's native wrap which can leave leading
* spaces on continuation lines.
*
* Uses a 1-char safety margin so slight width estimate mismatches don't
* cause Ink to re-wrap our already-wrapped lines.
*/
function wordWrap(text, availableWidth) {
	const safeWidth = Math.max(10, availableWidth - 1);
	const words = text.split(/\s+/);
	const lines = [];
	let currentLine = "";
	for (const word of words) if (currentLine.length + word.length + 1 > safeWidth && currentLine.length > 0) {
		lines.push(currentLine);
		currentLine = word;
	} else currentLine += (currentLine.length > 0 ? " " : "") + word;
	if (currentLine.length > 0) lines.push(currentLine);
	return lines;
}
/**
* Word-wrap text and return only the last `maxRows` lines.
* Used for intra-block truncation when a single text block exceeds the viewport.
* Also used for normal rendering to avoid Ink's leading-space wrap artifacts.
*/
function wrapAndTruncate(text, availableWidth, maxRows) {
	const lines = wordWrap(text, availableWidth);
	if (lines.length <= maxRows) return lines.join("\n");
	return lines.slice(-maxRows).join("\n");
}
//#endregion
//#region src/ui/tui/primitives/TextBlock.tsx
/**
* TextBlock — Animates a single string paragraph.
*
* Self-contained: owns its own animIdx and timer.
* Calls onComplete() when the animation finishes.
*
* Five animation modes:
*   1. Typewriter           — character-by-character reveal
*   2. Word by word         — each word appears in order
*   3. Sentence by sentence — sentences appear one at a time
*   4. Paragraph fade       — paragraph appears at full opacity immediately
*   5. Sentence fade        — paragraph dim, sentences light up in order
*/
/** Default interval per mode (ms) */
const TEXT_REVEAL_MODE_DEFAULTS = {
	[1]: 240,
	[0]: 32,
	[2]: 1800,
	[3]: 4800,
	[4]: 2400
};
const TextBlock = ({ text, active, completed, onComplete, mode, bullet, animationInterval, sentenceInterval = 1600, maxHeight, availableWidth, dimWhenComplete = true }) => {
	const speed = animationInterval ?? TEXT_REVEAL_MODE_DEFAULTS[mode];
	const [animIdx, setAnimIdx] = useState(mode === 4 ? 1 : 0);
	const resetRef = useRef(0);
	const prevMode = useRef(mode);
	if (prevMode.current !== mode) {
		prevMode.current = mode;
		resetRef.current += 1;
		setAnimIdx(mode === 4 ? 1 : 0);
	}
	const words = text.split(/\s+/);
	const sentences = splitSentences(text);
	const sentenceCharEnds = useMemo(() => sentenceEndChars(text), [text]);
	const sentenceWordEnds = useMemo(() => sentenceEndWords(text), [text]);
	const isDone = mode === 0 ? animIdx >= text.length : mode === 3 ? true : mode === 1 ? animIdx >= words.length : mode === 4 || mode === 2 ? animIdx >= sentences.length : true;
	useEffect(() => {
		if (isDone && active) onComplete();
	}, [
		isDone,
		active,
		onComplete
	]);
	useEffect(() => {
		if (!active || mode === 3 || isDone) return;
		const token = resetRef.current;
		const isFirstTick = animIdx === 0;
		let delay = isFirstTick ? 0 : speed;
		if (!isFirstTick && mode === 0 && animIdx > 0 && sentenceCharEnds.has(animIdx - 1)) delay = sentenceInterval;
		else if (!isFirstTick && mode === 1 && animIdx > 0 && sentenceWordEnds.has(animIdx - 1)) delay = sentenceInterval;
		const timer = setTimeout(() => {
			if (token !== resetRef.current) return;
			setAnimIdx((c) => c + 1);
		}, delay);
		return () => clearTimeout(timer);
	}, [
		active,
		mode,
		animIdx,
		isDone,
		speed,
		sentenceInterval,
		sentenceCharEnds,
		sentenceWordEnds
	]);
	const wrap = (visibleText) => {
		if (availableWidth == null) return visibleText;
		if (maxHeight == null) return wrapAndTruncate(visibleText, availableWidth, Infinity);
		return wrapAndTruncate(visibleText, availableWidth, maxHeight);
	};
	if (completed) return /* @__PURE__ */ jsxs(Text, {
		dimColor: dimWhenComplete,
		children: [bullet, wrap(text)]
	});
	if (mode === 0) {
		const revealed = text.slice(0, animIdx);
		return /* @__PURE__ */ jsxs(Text, { children: [
			bullet,
			wrap(/[.!?]\s*$/.test(revealed) ? revealed.trimEnd() : revealed),
			/* @__PURE__ */ jsx(Text, {
				color: Colors.muted,
				children: "▌"
			})
		] });
	}
	if (mode === 1) return /* @__PURE__ */ jsxs(Text, { children: [bullet, wrap(words.slice(0, animIdx).join(" "))] });
	if (mode === 3) return /* @__PURE__ */ jsxs(Text, { children: [bullet, wrap(text)] });
	if (mode === 2) return /* @__PURE__ */ jsxs(Text, { children: [bullet, wrap(sentences.slice(0, animIdx).join(""))] });
	return /* @__PURE__ */ jsxs(Text, { children: [bullet, sentences.map((s, si) => /* @__PURE__ */ jsx(Text, {
		dimColor: si >= animIdx,
		children: s
	}, si))] });
};
//#endregion
//#region src/ui/tui/components/StatusPeekTrigger.tsx
/**
* StatusPeekTrigger — Fires the status-bar expansion once, renders a hint.
*
* Module-level `peekedOnce` guards against re-mounts (resize, tab switch)
* so the peek only happens a single time per process.
*/
let peekedOnce = false;
const StatusPeekTrigger = ({ store, duration = 1e4 }) => {
	useEffect(() => {
		if (peekedOnce) return;
		peekedOnce = true;
		store?.setStatusExpanded(true);
		setTimeout(() => {
			store?.setStatusExpanded(false);
		}, duration);
	}, [store, duration]);
	return /* @__PURE__ */ jsx(Text, { children: "You can view the Wizard's status below." });
};
//#endregion
//#region src/lib/programs/posthog-integration/content/data-flow.tsx
/**
* POSTHOG_DATA_FLOW — ASCII diagram of the PostHog event ingestion flow.
*/
const POSTHOG_DATA_FLOW = {
	type: "lines",
	interval: 500,
	pause: 8e3,
	lines: [
		/* @__PURE__ */ jsx(Text, {
			color: "gray",
			children: "  ┌──────────────────────────────┐"
		}),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │ "
			}),
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				color: "cyan",
				children: "Your App"
			}),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "                     │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │   │ "
			}),
			/* @__PURE__ */ jsx(Text, { children: "posthog.capture()" }),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "        │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │   │  "
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "custom events"
			}),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "           │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │   │  "
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "custom properties"
			}),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "       │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │   │  "
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "person profiles"
			}),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "         │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │   ↓  "
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "groups"
			}),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "                  │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │ "
			}),
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				color: Colors.accent,
				children: "PostHog SDK"
			}),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "                  │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │   ↓ "
			}),
			/* @__PURE__ */ jsx(Text, { children: "HTTP" }),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "                     │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │ "
			}),
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				color: Colors.accent,
				children: "PostHog Cloud"
			}),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "                │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │   ↓ "
			}),
			/* @__PURE__ */ jsx(Text, { children: "query + visualize" }),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "        │"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  │ "
			}),
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				color: "green",
				children: "Dashboards & Insights"
			}),
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "        │"
			})
		] }),
		/* @__PURE__ */ jsx(Text, {
			color: "gray",
			children: "  └──────────────────────────────┘"
		})
	]
};
//#endregion
//#region src/lib/programs/posthog-integration/content/product-suite.tsx
/**
* PRODUCT_SUITE_BLOCK — Two-column listing of PostHog products.
*/
const PRODUCT_SUITE_BLOCK = {
	type: "lines",
	interval: 1e3,
	pause: 15e3,
	lines: [
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "  ◆ "
			}),
			"Product Analytics     ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "◆ "
			}),
			"Error Tracking"
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "  ◆ "
			}),
			"Web Analytics         ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "◆ "
			}),
			"Session Replay"
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "  ◆ "
			}),
			"Feature Flags         ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "◆ "
			}),
			"Data Pipelines"
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "  ◆ "
			}),
			"Experiments           ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "◆ "
			}),
			"Data Warehouse"
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "  ◆ "
			}),
			"LLM Analytics         ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "◆ "
			}),
			"Surveys"
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "  ◆ "
			}),
			"Workflows             ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "◆ "
			}),
			"Logs"
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "  ◆ "
			}),
			"Product Tours         ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "◆ "
			}),
			"Support"
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "  ◆ "
			}),
			"Revenue Analytics     ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "◆ "
			}),
			"Endpoints"
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "  ◆ "
			}),
			"Customer Analytics    ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "◆ "
			}),
			"PostHog Code"
		] })
	]
};
//#endregion
//#region src/lib/programs/posthog-integration/content/line-chart.tsx
/**
* LINE_CHART_BLOCK — ASCII trends chart illustrating an insight.
*/
const LINE_CHART_BLOCK = {
	type: "lines",
	interval: 300,
	pause: 6e3,
	lines: [
		/* @__PURE__ */ jsx(Text, {
			bold: true,
			children: "  Trends · user signups (monthly)"
		}),
		/* @__PURE__ */ jsx(Text, { children: " " }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "  10k ┤"
			}),
			"                          ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "╭──"
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: " 9,575"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "      │"
			}),
			"                         ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "╭╯"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: " 7.5k ┤"
			}),
			"                        ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "╭╯"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "      │"
			}),
			"                      ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "╭─╯"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "   5k ┤"
			}),
			"                    ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "╭─╯"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "      │"
			}),
			"                 ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "╭──╯"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: " 2.5k ┤"
			}),
			"             ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "╭───╯"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			/* @__PURE__ */ jsx(Text, {
				color: "gray",
				children: "      │"
			}),
			"      ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "╭──────╯"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [/* @__PURE__ */ jsx(Text, {
			color: "gray",
			children: "    0 ┤"
		}), /* @__PURE__ */ jsx(Text, {
			color: "cyan",
			children: "──────╯"
		})] }),
		/* @__PURE__ */ jsx(Text, {
			color: "gray",
			children: "      └┬─────┬─────┬─────┬─────┬──"
		}),
		/* @__PURE__ */ jsx(Text, {
			dimColor: true,
			children: "       May   Aug   Nov   Feb   May"
		})
	]
};
//#endregion
//#region src/lib/programs/posthog-integration/content/funnel.tsx
/**
* FUNNEL_BLOCK — ASCII funnel illustrating step conversion.
*/
const FUNNEL_BLOCK = {
	type: "lines",
	interval: 200,
	pause: 8e3,
	lines: [
		/* @__PURE__ */ jsx(Text, {
			bold: true,
			children: "  Funnel · ride conversion"
		}),
		/* @__PURE__ */ jsx(Text, { children: " " }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"  ",
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				children: "1"
			}),
			"  app_launched",
			"                     ",
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				color: "green",
				children: "100.00%"
			})
		] }),
		/* @__PURE__ */ jsx(Text, {
			color: "cyan",
			children: "     ██████████████████████████████"
		}),
		/* @__PURE__ */ jsx(Text, {
			dimColor: true,
			children: "     → 1,200 users"
		}),
		/* @__PURE__ */ jsx(Text, { children: " " }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"  ",
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				children: "2"
			}),
			"  ride_requested",
			"       ",
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "avg 2m 30s"
			}),
			"   ",
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				color: "green",
				children: "72.00%"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"     ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "██████████████████████"
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "░░░░░░░░░"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"     ",
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "→ 864 users"
			}),
			"  ",
			/* @__PURE__ */ jsx(Text, {
				color: "red",
				children: "↘"
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: " 336 (28%)"
			})
		] }),
		/* @__PURE__ */ jsx(Text, { children: " " }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"  ",
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				children: "3"
			}),
			"  ride_accepted",
			"        ",
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "avg 5m 12s"
			}),
			"   ",
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				color: "green",
				children: "51.00%"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"     ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "██████████████████"
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "░░░░░░░░░░░░░"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"     ",
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "→ 612 users"
			}),
			"  ",
			/* @__PURE__ */ jsx(Text, {
				color: "red",
				children: "↘"
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: " 252 (29%)"
			})
		] }),
		/* @__PURE__ */ jsx(Text, { children: " " }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"  ",
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				children: "4"
			}),
			"  ride_started",
			"         ",
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "avg 1m 45s"
			}),
			"   ",
			/* @__PURE__ */ jsx(Text, {
				bold: true,
				color: "green",
				children: "38.00%"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"     ",
			/* @__PURE__ */ jsx(Text, {
				color: "cyan",
				children: "█████████████"
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "░░░░░░░░░░░░░░░░░░"
			})
		] }),
		/* @__PURE__ */ jsxs(Text, { children: [
			"     ",
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: "→ 456 users"
			}),
			"  ",
			/* @__PURE__ */ jsx(Text, {
				color: "red",
				children: "↘"
			}),
			/* @__PURE__ */ jsx(Text, {
				dimColor: true,
				children: " 156 (25%)"
			})
		] })
	]
};
//#endregion
//#region src/lib/programs/posthog-integration/content/index.tsx
/**
* Integration learn-deck — the narrative script played while the agent
* runs the PostHog integration flow. Weaves typewriter lines, pauses,
* `clear` markers, and the diagram blocks into one sequence.
*/
const getContentBlocks = (store) => [
	{
		content: "Welcome.",
		pause: 3e3,
		mode: 0,
		animationInterval: 160
	},
	{
		content: "The Wizard is an agent.",
		pause: 4e3
	},
	{
		content: "It handles the entire PostHog setup process on your behalf.",
		pause: 5e3
	},
	{
		content: "As we speak, it's building a plan to set up PostHog in your project.",
		pause: 6e3
	},
	{
		type: "clear",
		pause: 2e3
	},
	{
		pause: 5e3,
		persist: true,
		content: /* @__PURE__ */ jsx(StatusPeekTrigger, { store })
	},
	{
		pause: 6e3,
		content: /* @__PURE__ */ jsxs(Text, { children: [
			"Press",
			" ",
			/* @__PURE__ */ jsx(Text, {
				color: Colors.accent,
				bold: true,
				children: "S"
			}),
			" ",
			"to expand or collapse the status."
		] })
	},
	{
		type: "clear",
		pause: 2e3
	},
	{
		content: "It takes about eight minutes.",
		pause: 2e3
	},
	{
		content: "So grab some coffee ☕️.",
		pause: 2e3
	},
	{
		content: "Or stick around and learn about PostHog.",
		pause: 5e3
	},
	{
		type: "clear",
		pause: 3e3
	},
	{
		content: "Events are the foundation of the PostHog platform.",
		pause: 4e3
	},
	{
		content: "Every time an action is performed in your codebase — like button clicks, function calls, or thrown errors — we can capture an event.",
		pause: 6e3
	},
	{
		content: "Events are sent to PostHog and joined with other product data.",
		pause: 6e3
	},
	{
		type: "clear",
		pause: 1e3
	},
	{
		content: "Here's the flow.",
		pause: 1e3
	},
	POSTHOG_DATA_FLOW,
	{
		type: "clear",
		pause: 2e3
	},
	{
		content: "With enough event data, you can answer powerful questions about your product.",
		pause: 4e3
	},
	{
		content: "And create insights.",
		pause: 4e3
	},
	{
		type: "clear",
		pause: 500
	},
	{
		content: "Like trends to measure growth.",
		pause: 2500
	},
	LINE_CHART_BLOCK,
	{
		type: "clear",
		pause: 500
	},
	{
		content: "Or funnels to reveal bottlenecks.",
		pause: 2500
	},
	FUNNEL_BLOCK,
	{
		type: "clear",
		pause: 1e3
	},
	{
		content: "Use those signals to decide what to build next.",
		pause: 4e3
	},
	{
		content: "PostHog has all the dev tools you need.",
		pause: 3e3
	},
	PRODUCT_SUITE_BLOCK
];
//#endregion
//#region src/lib/programs/posthog-integration/handoff.ts
/**
* The coding-agent handoff prompt.
*
* The wizard finishes a successful run by emitting `posthog-setup-report.md` —
* which now ends with a "Verify before merging" checklist the agent fills in
* from the context-mill skill (see the basic-integration conclude step). This
* is the one-line prompt the operator pastes into their own coding agent to
* close the gap between "wizard finished" and "PostHog merged": read the
* report, work the checklist, open a PR.
*
* Kept as a pure helper so the exact wording is easy to review and test in
* isolation. It is surfaced through `OutroData.handoffPrompt`, which the wizard
* prints to the terminal's main buffer on exit (where it survives in scrollback
* and stays triple-click-selectable); it is NOT written into any file — the
* verification content itself lives in the report.
*
* The wording asks the agent to investigate each checklist item and get the
* operator's explicit consent before making any changes — so actions with real
* implications (e.g. uploading source maps, editing CI) are surfaced and
* approved, not applied silently. It deliberately stops there: no PR mandate or
* edit-style rules, since the operator pastes this into their own agent and
* governs how changes ultimately land.
*
* Background: https://github.com/PostHog/wizard/issues/447
*/
function buildCodingAgentPrompt(reportFile) {
	return `Read \`${reportFile}\` and work through its "Verify before merging" checklist: investigate each item, then list the changes you'd make and get my approval before applying any of them.`;
}
//#endregion
//#region src/lib/programs/posthog-integration/index.ts
const DASHBOARD_DEEP_LINK_KEY = "dashboardDeepLink";
function resolveContinueUrl(session, cloudRegion, deepLink) {
	if (!session.signup) return void 0;
	if (typeof deepLink === "string" && deepLink) return deepLink;
	if (cloudRegion) return withUtm(`${HostResolution.fromRegion(cloudRegion, { baseUrl: session.baseUrl }).appHost}/products?source=wizard`, "outro-continue");
}
const SETUP_REPORT_FILE = "posthog-setup-report.md";
const posthogIntegrationConfig = {
	command: "integrate",
	description: "Set up PostHog SDK integration",
	id: "posthog-integration",
	steps: POSTHOG_INTEGRATION_PROGRAM,
	getContentBlocks,
	disallowedTools: [WIZARD_TOOL_NAMES.wizardAsk],
	ciPreRun: async (session) => {
		const integration = await detectFramework(session.installDir);
		if (!integration) {
			await wizardAbort({ message: "Could not auto-detect your framework for this project." });
			return;
		}
		session.integration = integration;
		analytics.setTag("integration", integration);
		const frameworkConfig = FRAMEWORK_REGISTRY[integration];
		session.frameworkConfig = frameworkConfig;
		const context = await gatherFrameworkContext(frameworkConfig, {
			installDir: session.installDir,
			debug: session.debug,
			default: false,
			signup: session.signup,
			localMcp: session.localMcp,
			ci: true,
			benchmark: session.benchmark,
			yaraReport: session.yaraReport
		});
		for (const [key, value] of Object.entries(context)) if (!(key in session.frameworkContext)) session.frameworkContext[key] = value;
	},
	run: async (session) => {
		const config = session.frameworkConfig;
		const typeScriptDetected = isUsingTypeScript({ installDir: session.installDir });
		session.typescript = typeScriptDetected;
		const usesPackageJson = config.detection.usesPackageJson !== false;
		let frameworkVersion;
		if (usesPackageJson) {
			const packageJson = await tryGetPackageJson({ installDir: session.installDir });
			if (packageJson) {
				const { hasDeclaredDependency } = await import("./package-json-DCuoye-H.js").then((n) => n.i);
				if (!hasDeclaredDependency(config.detection.packageName, packageJson)) getUI().log.warn(`${config.detection.packageDisplayName} does not seem to be installed. Continuing anyway — the agent will handle it.`);
				frameworkVersion = config.detection.getVersion(packageJson);
			} else getUI().log.warn("Could not find package.json. Continuing anyway — the agent will handle it.");
		} else frameworkVersion = config.detection.getVersion(null);
		if (frameworkVersion && config.detection.getVersionBucket) {
			const versionBucket = config.detection.getVersionBucket(frameworkVersion);
			analytics.setTag(`${config.metadata.integration}-version`, versionBucket);
		}
		const frameworkContext = session.frameworkContext;
		const contextTags = config.analytics.getTags(frameworkContext);
		Object.entries(contextTags).forEach(([key, value]) => {
			analytics.setTag(key, value);
		});
		return {
			integrationLabel: config.metadata.integration,
			additionalMcpServers: config.metadata.additionalMcpServers,
			detectPackageManager: config.detection.detectPackageManager,
			spinnerMessage: SPINNER_MESSAGE,
			successMessage: config.ui.successMessage,
			estimatedDurationMinutes: config.ui.estimatedDurationMinutes,
			reportFile: SETUP_REPORT_FILE,
			docsUrl: config.metadata.docsUrl,
			errorMessage: "Integration failed",
			additionalFeatureQueue: session.additionalFeatureQueue,
			customPrompt: (ctx) => {
				const additionalLines = config.prompts.getAdditionalContextLines ? config.prompts.getAdditionalContextLines(frameworkContext) : [];
				const additionalContext = additionalLines.length > 0 ? "\n" + additionalLines.map((line) => `- ${line}`).join("\n") : "";
				return `You have access to the PostHog MCP server which provides skills to integrate PostHog into this ${config.metadata.name} project.

Project context:
- PostHog Project ID: ${ctx.projectId}
- Framework: ${config.metadata.name} ${frameworkVersion || "latest"}
- TypeScript: ${typeScriptDetected ? "Yes" : "No"}
- PostHog public token: ${ctx.projectApiKey}
- PostHog Host: ${ctx.host}
- Project type: ${config.prompts.projectTypeDetection}
- Package installation: ${config.prompts.packageInstallation ?? "Use the detect_package_manager tool to determine the package manager. Do not manually edit package.json; the package manager handles it automatically."}${additionalContext}

Instructions (follow these steps IN ORDER - do not skip or reorder):

STEP 1: Call load_skill_menu (from the wizard-tools MCP server) to see available skills.
   If the tool fails, emit: ${AgentSignals.ERROR_MCP_MISSING} Could not load skill menu and halt.

   Choose a skill from the \`integration\` category that matches this project's framework. Do NOT pick skills from other categories (llm-analytics, error-tracking, feature-flags, omnibus, etc.) — those are handled separately.
   If no suitable integration skill is found, emit: ${AgentSignals.ERROR_RESOURCE_MISSING} Could not find a suitable skill for this project.

STEP 2: Call install_skill (from the wizard-tools MCP server) with the chosen skill ID (e.g., "integration-nextjs-app-router").
   Do NOT run any shell commands to install skills.

STEP 3: Load the installed skill's SKILL.md file to understand what references are available.

STEP 4: Follow the skill's program files in sequence. Look for numbered program files in the references (e.g., files with patterns like "1-", "2-", "3-"). Start with the first one and proceed through each step until completion. Each program file will tell you what to do and which file comes next. Never directly write PostHog tokens directly to code files; always use environment variables.

STEP 5: Set up environment variables for PostHog using the wizard-tools MCP server (this runs locally — secret values never leave the machine):
   - Use check_env_keys to see which keys already exist in the project's .env file (e.g. .env.local or .env).
   - Use set_env_values to create or update the PostHog public token and host, using the appropriate environment variable naming convention for ${config.metadata.name}, which you'll find in example code. The tool will also ensure .gitignore coverage. Don't assume the presence of keys means the value is up to date. Write the correct value each time.
   - Reference these environment variables in the code files you create instead of hardcoding the public token and host.

Important: Use the detect_package_manager tool (from the wizard-tools MCP server) to determine which package manager the project uses. Do not manually search for lockfiles or config files. Always install packages as a background task. Don't await completion; proceed with other work immediately after starting the installation. You must read a file immediately before attempting to write it, even if you have previously read it; failure to do so will cause a tool failure.


`;
			},
			postRun: async (sess, credentials) => {
				const envVars = config.environment.getEnvVars(credentials.projectApiKey, credentials.host);
				if (config.environment.uploadToHosting) {
					const { uploadEnvironmentVariablesStep } = await import("./steps-CPvI-2Ms.js");
					const uploadedEnvVars = await uploadEnvironmentVariablesStep(envVars, {
						integration: config.metadata.integration,
						session: sess
					});
					if (uploadedEnvVars.length > 0) analytics.capture(WIZARD_INTERACTION_EVENT_NAME, {
						action: "wizard_env_vars_uploaded",
						integration: config.metadata.integration,
						variable_count: uploadedEnvVars.length,
						variable_keys: uploadedEnvVars
					});
				}
				if (sess.signup) {
					const deepLink = await requestDeepLink(credentials.accessToken, credentials.host);
					if (deepLink) {
						const taggedDeepLink = withUtm(deepLink, "dashboard-deeplink");
						sess.frameworkContext[DASHBOARD_DEEP_LINK_KEY] = taggedDeepLink;
						openTrackedLink(taggedDeepLink, "dashboard-deeplink", { auto: true });
					}
				}
			},
			buildOutroData: (sess, credentials, cloudRegion) => {
				const envVars = config.environment.getEnvVars(credentials.projectApiKey, credentials.host);
				const deepLink = sess.frameworkContext[DASHBOARD_DEEP_LINK_KEY];
				const continueUrl = resolveContinueUrl(sess, cloudRegion, deepLink);
				return {
					kind: "success",
					message: "Successfully installed PostHog!",
					reportFile: SETUP_REPORT_FILE,
					changes: [...config.ui.getOutroChanges(frameworkContext), Object.keys(envVars).length > 0 ? "Added environment variables to .env file" : ""].filter(Boolean),
					docsUrl: config.metadata.docsUrl,
					continueUrl,
					handoffPrompt: buildCodingAgentPrompt(SETUP_REPORT_FILE)
				};
			}
		};
	}
};
/**
* Self-contained run step that runs the integration agent. Other programs
* import this and splice it into their own step list to compose the
* integration's work as one of their run steps — self-driving sets up PostHog
* this way before its own run. The host program supplies `show`/`onRunPrep`/
* `targetDir`; this carries the run.
*/
const integrationRunStep = {
	id: "run",
	label: "Integration",
	screenId: "run",
	run: (session) => runAgent$1(posthogIntegrationConfig, session, { composed: true }),
	isComplete: (session) => session.runPhase === "completed" || session.runPhase === "error"
};
//#endregion
export { gatherFrameworkContext as _, LINE_CHART_BLOCK as a, parseRequirementsTxt as b, TextBlock as c, isLinesBlock as d, isObjectBlock as f, detectProjectsWithAgent as g, HEALTH_CHECK_STEP as h, FUNNEL_BLOCK as i, computeVisibleRange as l, Icons as m, integrationRunStep as n, PRODUCT_SUITE_BLOCK as o, Colors as p, posthogIntegrationConfig as r, StatusPeekTrigger as s, SETUP_REPORT_FILE as t, isClearBlock as u, parsePipfile as v, parsePyprojectToml as y };

//# sourceMappingURL=posthog-integration-Cx4RvC7E.js.map