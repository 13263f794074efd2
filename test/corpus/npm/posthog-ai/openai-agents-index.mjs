import "uuid";
//#region src/captureAiEvent.ts
/** @internal */
function isFullAiCaptureEnabled(client) {
	return client?.enableFullAiCapture === true;
}
/** @internal */
function captureAiEvent(client, event) {
	if (isFullAiCaptureEnabled(client) && typeof client.captureAi === "function") {
		client.captureAi(event);
		return;
	}
	client.capture(event);
}
//#endregion
//#region src/sanitization/base64_recognizer.ts
const DATA_URL_PREFIX_RE = /^data:([^;,\s]+)(?:;[^;,\s]+)*;base64,/i;
const BASE64_ALPHABET_RE = /^[A-Za-z0-9+/_=-]+$/;
var Base64Recognizer = class {
	recognize(value, minLength) {
		const dataUrl = DATA_URL_PREFIX_RE.exec(value);
		if (dataUrl) return {
			kind: "data-url",
			mediaType: dataUrl[1]
		};
		if (value.length < minLength) return { kind: "none" };
		const confidencePrefix = value.slice(0, minLength);
		if (BASE64_ALPHABET_RE.test(confidencePrefix)) return { kind: "raw" };
		else return { kind: "none" };
	}
};
//#endregion
//#region src/sanitization/media_type_context.ts
const MIME_HINT_KEYS = [
	"mediaType",
	"media_type",
	"mimeType",
	"mime_type"
];
const STRONG_CONTEXT_KEYS = /* @__PURE__ */ new Set([
	"data",
	"file_data",
	"fileData",
	"image_url",
	"imageUrl",
	"video_url",
	"videoUrl",
	"audio",
	"audio_data",
	"audioData",
	"inline_data",
	"inlineData",
	"source",
	"result"
]);
const STRONG_CONTEXT_TYPES = /* @__PURE__ */ new Set([
	"image",
	"image_url",
	"input_image",
	"audio",
	"input_audio",
	"video",
	"video_url",
	"file",
	"input_file",
	"document",
	"media",
	"file-data"
]);
const FILE_FAMILY_TYPES = /* @__PURE__ */ new Set([
	"file",
	"input_file",
	"document",
	"media",
	"file-data"
]);
const KNOWN_AUDIO_FORMATS = /* @__PURE__ */ new Set([
	"wav",
	"mp3",
	"ogg",
	"flac",
	"m4a",
	"aac",
	"webm"
]);
var MediaTypeContext = class MediaTypeContext {
	static {
		this.EMPTY = new MediaTypeContext(void 0, void 0);
	}
	constructor(parent, key, explicitMediaType) {
		this.parent = parent;
		this.key = key;
		this.explicitMediaType = explicitMediaType;
	}
	inferMediaType() {
		return this.inferFromSiblingMime() ?? this.inferFromSiblingFormat() ?? this.inferFromParentType() ?? this.inferFromKey();
	}
	inferFromSiblingMime() {
		if (this.explicitMediaType) return this.explicitMediaType;
		if (!this.parent) return void 0;
		for (const hint of MIME_HINT_KEYS) {
			const v = this.parent[hint];
			if (typeof v === "string") return v;
		}
	}
	inferFromSiblingFormat() {
		if (!this.parent) return void 0;
		const fmt = this.parent.format;
		if (typeof fmt === "string" && KNOWN_AUDIO_FORMATS.has(fmt.toLowerCase())) return `audio/${fmt.toLowerCase()}`;
	}
	inferFromParentType() {
		if (!this.parent) return void 0;
		const t = this.parent.type;
		if (typeof t !== "string") return void 0;
		if (t === "image" || t === "image_url" || t === "input_image") return "image";
		if (t === "audio" || t === "input_audio") return "audio";
		if (t === "video" || t === "video_url") return "video";
		if (FILE_FAMILY_TYPES.has(t)) return "application/octet-stream";
	}
	inferFromKey() {
		if (!this.key) return void 0;
		const key = this.key.toLowerCase();
		if (key.includes("audio")) return "audio";
		if (key.includes("video")) return "video";
		if (key.includes("image")) return "image";
		if (key.includes("file") || key.includes("document")) return "application/octet-stream";
	}
	hasExplicitBinaryMediaType() {
		if (!this.explicitMediaType && (!this.parent || !this.key || !STRONG_CONTEXT_KEYS.has(this.key))) return false;
		const mediaType = this.inferFromSiblingMime();
		return mediaType !== void 0 && !mediaType.toLowerCase().startsWith("text/");
	}
	signalsBinary() {
		if (this.explicitMediaType) return true;
		if (this.parent) {
			for (const hint of MIME_HINT_KEYS) if (typeof this.parent[hint] === "string") return true;
			const fmt = this.parent.format;
			if (typeof fmt === "string" && KNOWN_AUDIO_FORMATS.has(fmt.toLowerCase())) return true;
			const t = this.parent.type;
			if (typeof t === "string" && STRONG_CONTEXT_TYPES.has(t)) return true;
		}
		if (this.key && STRONG_CONTEXT_KEYS.has(this.key)) return true;
		return false;
	}
};
//#endregion
//#region src/sanitization/binary_content_redactor.ts
const STRONG_CONTEXT_MIN_LENGTH = 64;
const WEAK_CONTEXT_MIN_LENGTH = 1024;
var BinaryContentRedactor = class {
	constructor(recognizer = new Base64Recognizer()) {
		this.recognizer = recognizer;
		this.visited = /* @__PURE__ */ new WeakSet();
	}
	redact(value, mediaType) {
		this.visited = /* @__PURE__ */ new WeakSet();
		return this.walk(value, mediaType ? new MediaTypeContext(void 0, void 0, mediaType) : MediaTypeContext.EMPTY);
	}
	walk(value, ctx) {
		if (value === null || value === void 0) return value;
		if (typeof value === "string") return this.redactString(value, ctx);
		if (typeof value !== "object") return value;
		if (typeof Uint8Array !== "undefined" && value instanceof Uint8Array) return this.placeholderFor(ctx.inferMediaType());
		if (this.visited.has(value)) return null;
		this.visited.add(value);
		if (Array.isArray(value)) return value.map((item) => this.walk(item, ctx));
		const obj = value;
		const out = {};
		for (const k of Object.keys(obj)) out[k] = this.walk(obj[k], new MediaTypeContext(obj, k));
		return out;
	}
	redactString(value, ctx) {
		const hasExplicitBinaryMediaType = ctx.hasExplicitBinaryMediaType();
		const recognitionValue = hasExplicitBinaryMediaType ? value.replace(/[\r\n]/g, "") : value;
		const minLength = hasExplicitBinaryMediaType ? Math.min(recognitionValue.length, STRONG_CONTEXT_MIN_LENGTH) : ctx.signalsBinary() ? STRONG_CONTEXT_MIN_LENGTH : WEAK_CONTEXT_MIN_LENGTH;
		const recognition = this.recognizer.recognize(recognitionValue, minLength);
		switch (recognition.kind) {
			case "data-url": return this.placeholderFor(recognition.mediaType);
			case "raw": return this.placeholderFor(ctx.inferMediaType());
			case "none": return value;
		}
	}
	placeholderFor(mediaType) {
		if (!mediaType) return "[base64 redacted]";
		if (mediaType === "application/octet-stream") return "[base64 file redacted]";
		return `[base64 ${mediaType} redacted]`;
	}
};
new BinaryContentRedactor();
//#endregion
//#region src/utils.ts
const MAX_OUTPUT_SIZE = 2e5;
const STRING_FORMAT = "utf8";
const sharedTextEncoder = new TextEncoder();
const sharedTextDecoder = new TextDecoder(STRING_FORMAT, { fatal: false });
const utf8ByteLength = (str) => sharedTextEncoder.encode(str).byteLength;
/**
* Safely converts content to a string, preserving structure for objects/arrays.
* - If content is already a string, returns it as-is
* - If content is an object or array, stringifies it with JSON.stringify to preserve structure
* - Otherwise, converts to string with String()
*
* This prevents the "[object Object]" bug when objects are naively converted to strings.
*
* @param content - The content to convert to a string
* @returns A string representation that preserves structure for complex types
*/
function toContentString(content) {
	if (typeof content === "string") return content;
	if (content !== void 0 && content !== null && typeof content === "object") try {
		return JSON.stringify(content);
	} catch {
		try {
			return String(content);
		} catch {
			return "";
		}
	}
	return String(content);
}
const withPrivacyMode = (client, privacyMode, input) => {
	return client.privacy_mode || privacyMode ? null : input;
};
function toSafeString(input) {
	if (input === void 0 || input === null) return "";
	if (typeof input === "string") return input;
	try {
		return JSON.stringify(input);
	} catch {
		console.warn("Failed to stringify input", input);
		return "";
	}
}
const truncate = (input, client, maxBytes = MAX_OUTPUT_SIZE) => {
	const str = toSafeString(input);
	if (str === "") return "";
	if (isFullAiCaptureEnabled(client)) return str;
	const buffer = sharedTextEncoder.encode(str);
	if (buffer.length <= maxBytes) return sharedTextDecoder.decode(buffer);
	const truncatedBuffer = buffer.slice(0, maxBytes);
	let truncatedStr = sharedTextDecoder.decode(truncatedBuffer);
	if (truncatedStr.endsWith("�")) truncatedStr = truncatedStr.slice(0, -1);
	return `${truncatedStr}... [truncated]`;
};
//#endregion
//#region package.json
var version = "8.13.1";
//#endregion
//#region src/gatewayWarning.ts
const POSTHOG_AI_GATEWAY_HOSTS = [
	"gateway.posthog.com",
	"gateway.us.posthog.com",
	"gateway.eu.posthog.com",
	"ai-gateway.us.posthog.com",
	"ai-gateway.eu.posthog.com"
];
const GATEWAY_DOCS_URL = "https://posthog.com/docs/ai-observability";
const extractHost = (baseURL) => {
	try {
		const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(baseURL);
		return new URL(hasScheme ? baseURL : `https://${baseURL}`).hostname.toLowerCase();
	} catch {
		return;
	}
};
const isPostHogAiGatewayUrl = (baseURL) => {
	if (!baseURL) return false;
	const host = extractHost(baseURL);
	return host !== void 0 && POSTHOG_AI_GATEWAY_HOSTS.includes(host);
};
const warnIfPostHogAiGateway = (baseURL) => {
	if (!isPostHogAiGatewayUrl(baseURL)) return;
	console.warn(`[PostHog] The PostHog AI wrapper is pointed at the PostHog AI Gateway. Both capture \$ai_generation, so every call is double-counted and double-billed. Use one or the other — see ${GATEWAY_DOCS_URL}.`);
};
//#endregion
//#region src/openai-agents/processor.ts
/**
* Normalize OpenAI Responses API input items to include a `role` field.
* Items like `function_call` and `function_call_result` don't have a role,
* causing PostHog's trace viewer to default them to "user".
*/
function normalizeInputRoles(input) {
	if (!Array.isArray(input)) return input;
	return input.map((item) => {
		if (item && typeof item === "object" && !("role" in item) && "type" in item) {
			if (item.type === "function_call") return {
				...item,
				role: "assistant"
			};
			if (item.type === "function_call_result") return {
				...item,
				role: "tool"
			};
		}
		return item;
	});
}
function safeContentString(value) {
	try {
		return toContentString(value);
	} catch {
		return Object.prototype.toString.call(value);
	}
}
function ensureSerializable(obj) {
	if (obj === null || obj === void 0) return obj;
	try {
		return JSON.stringify(obj) === void 0 ? safeContentString(obj) : obj;
	} catch {
		return safeContentString(obj);
	}
}
function stringifyForSizeCheck(value) {
	if (value === null || value === void 0) return null;
	if (typeof value === "string") return value;
	try {
		return JSON.stringify(value) ?? safeContentString(value);
	} catch {
		return safeContentString(value);
	}
}
function exceedsMaxOutputSize(serializedValue) {
	return serializedValue === null ? false : utf8ByteLength(serializedValue) > MAX_OUTPUT_SIZE;
}
function parseIsoTimestamp(isoStr) {
	if (typeof isoStr !== "string" || isoStr.trim() === "") return null;
	const ts = new Date(isoStr).getTime();
	return Number.isFinite(ts) ? ts / 1e3 : null;
}
/**
* A tracing processor that sends OpenAI Agents SDK traces to PostHog.
*
* Implements the TracingProcessor interface from the OpenAI Agents SDK
* and maps agent traces, spans, and generations to PostHog's LLM analytics events.
*
* @example
* ```typescript
* import { PostHogTracingProcessor } from '@posthog/ai/openai-agents'
* import { addTraceProcessor } from '@openai/agents'
*
* const processor = new PostHogTracingProcessor({
*   client: posthog,
*   distinctId: 'user@example.com',
* })
* addTraceProcessor(processor)
* ```
*/
var PostHogTracingProcessor = class {
	constructor(options) {
		this._spanStartTimes = /* @__PURE__ */ new Map();
		this._traceMetadata = /* @__PURE__ */ new Map();
		this._maxTrackedEntries = 1e4;
		this._client = options.client;
		this._distinctId = options.distinctId;
		this._privacyMode = options.privacyMode ?? false;
		this._groups = options.groups ?? {};
		this._properties = options.properties ?? {};
		this._onError = options.onError;
	}
	_getDistinctId(trace) {
		if (typeof this._distinctId === "function") {
			if (trace) {
				const result = this._distinctId(trace);
				if (result) return String(result);
			}
			return;
		} else if (this._distinctId) return String(this._distinctId);
	}
	_withPrivacyMode(value) {
		return withPrivacyMode(this._client, this._privacyMode, value);
	}
	_prepareCapturedValue(value) {
		const serializableValue = ensureSerializable(value);
		const serializedValue = stringifyForSizeCheck(serializableValue);
		const boundedValue = isFullAiCaptureEnabled(this._client) || !exceedsMaxOutputSize(serializedValue) ? serializableValue : truncate(serializedValue, this._client);
		return this._withPrivacyMode(boundedValue);
	}
	_evictStaleEntries() {
		if (this._spanStartTimes.size > this._maxTrackedEntries) {
			const entries = [...this._spanStartTimes.entries()].sort((a, b) => a[1] - b[1]);
			const toRemove = entries.slice(0, Math.floor(entries.length / 2));
			for (const [key] of toRemove) this._spanStartTimes.delete(key);
		}
		if (this._traceMetadata.size > this._maxTrackedEntries) {
			const keys = [...this._traceMetadata.keys()];
			const toRemove = keys.slice(0, Math.floor(keys.length / 2));
			for (const key of toRemove) this._traceMetadata.delete(key);
		}
	}
	_handleError(error, context) {
		try {
			this._onError?.(error, context);
		} catch (handlerError) {}
	}
	_captureEvent(event, properties, distinctId) {
		try {
			if (!this._client?.capture) return;
			const finalProperties = {
				...this._properties,
				...properties
			};
			const eventMessage = {
				distinctId: distinctId || "unknown",
				event,
				properties: finalProperties,
				groups: Object.keys(this._groups).length > 0 ? this._groups : void 0
			};
			captureAiEvent(this._client, eventMessage);
		} catch (error) {
			this._handleError(error, "capture");
		}
	}
	_baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties) {
		const properties = {
			$ai_lib: "posthog-ai",
			$ai_lib_version: version,
			$ai_trace_id: traceId,
			$ai_span_id: spanId,
			$ai_parent_id: parentId,
			$ai_provider: "openai",
			$ai_framework: "openai-agents",
			$ai_latency: latency,
			...errorProperties
		};
		if (groupId) {
			properties.$ai_session_id = groupId;
			properties.$ai_group_id = groupId;
		}
		return properties;
	}
	_getErrorProperties(error) {
		if (!error) return {};
		const errorMessage = error.message || String(error);
		let errorType = "unknown";
		if (errorMessage.includes("ModelBehaviorError")) errorType = "model_behavior_error";
		else if (errorMessage.includes("UserError")) errorType = "user_error";
		else if (errorMessage.includes("InputGuardrailTripwireTriggered")) errorType = "input_guardrail_triggered";
		else if (errorMessage.includes("OutputGuardrailTripwireTriggered")) errorType = "output_guardrail_triggered";
		else if (errorMessage.includes("MaxTurnsExceeded")) errorType = "max_turns_exceeded";
		return {
			$ai_is_error: true,
			$ai_error: errorMessage,
			$ai_error_type: errorType
		};
	}
	async onTraceStart(trace) {
		try {
			this._evictStaleEntries();
			const traceId = trace.traceId;
			const traceName = trace.name;
			const groupId = trace.groupId ?? null;
			const metadata = trace.metadata;
			const distinctId = this._getDistinctId(trace);
			this._traceMetadata.set(traceId, {
				name: traceName,
				groupId,
				metadata,
				distinctId,
				startTime: Date.now() / 1e3
			});
		} catch (error) {
			this._handleError(error, "onTraceStart");
		}
	}
	async onTraceEnd(trace) {
		try {
			const traceId = trace.traceId;
			const traceInfo = this._traceMetadata.get(traceId);
			this._traceMetadata.delete(traceId);
			const traceName = traceInfo?.name ?? trace.name;
			const groupId = traceInfo?.groupId ?? trace.groupId ?? null;
			const metadata = traceInfo?.metadata ?? trace.metadata;
			const distinctId = traceInfo?.distinctId ?? this._getDistinctId(trace);
			const startTime = traceInfo?.startTime;
			const latency = startTime != null ? Date.now() / 1e3 - startTime : void 0;
			const properties = {
				$ai_lib: "posthog-ai",
				$ai_lib_version: version,
				$ai_trace_id: traceId,
				$ai_trace_name: traceName,
				$ai_provider: "openai",
				$ai_framework: "openai-agents"
			};
			if (latency != null) properties.$ai_latency = latency;
			if (groupId) {
				properties.$ai_session_id = groupId;
				properties.$ai_group_id = groupId;
			}
			if (metadata && Object.keys(metadata).length > 0) properties.$ai_trace_metadata = this._prepareCapturedValue(metadata);
			if (distinctId == null) properties.$process_person_profile = false;
			this._captureEvent("$ai_trace", properties, distinctId ?? traceId);
		} catch (error) {
			this._handleError(error, "onTraceEnd");
		}
	}
	async onSpanStart(span) {
		try {
			this._evictStaleEntries();
			this._spanStartTimes.set(span.spanId, Date.now() / 1e3);
		} catch (error) {
			this._handleError(error, "onSpanStart");
		}
	}
	async onSpanEnd(span) {
		try {
			const spanId = span.spanId;
			const traceId = span.traceId;
			const parentId = span.parentId;
			const spanData = span.spanData;
			const startTime = this._spanStartTimes.get(spanId);
			this._spanStartTimes.delete(spanId);
			let latency;
			if (startTime != null) latency = Date.now() / 1e3 - startTime;
			else {
				const started = parseIsoTimestamp(span.startedAt);
				const ended = parseIsoTimestamp(span.endedAt);
				latency = started != null && ended != null ? ended - started : 0;
			}
			const traceInfo = this._traceMetadata.get(traceId);
			const userDistinctId = traceInfo?.distinctId ?? this._getDistinctId(null);
			const groupId = traceInfo?.groupId ?? null;
			const errorProperties = this._getErrorProperties(span.error);
			if (userDistinctId == null) errorProperties.$process_person_profile = false;
			const distinctId = userDistinctId ?? traceId;
			switch (spanData.type) {
				case "generation":
					this._handleGenerationSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
					break;
				case "response":
					this._handleResponseSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
					break;
				case "function":
					this._handleFunctionSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
					break;
				case "agent":
					this._handleAgentSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
					break;
				case "handoff":
					this._handleHandoffSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
					break;
				case "guardrail":
					this._handleGuardrailSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
					break;
				case "custom":
					this._handleCustomSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
					break;
				case "transcription":
				case "speech":
				case "speech_group":
					this._handleAudioSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
					break;
				case "mcp_tools":
					this._handleMcpSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
					break;
				default: this._handleGenericSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties);
			}
		} catch (error) {
			this._handleError(error, "onSpanEnd");
		}
	}
	async shutdown() {
		try {
			this._spanStartTimes.clear();
			this._traceMetadata.clear();
			if (typeof this._client?.flush === "function") await this._client.flush();
		} catch (error) {
			this._handleError(error, "shutdown");
		}
	}
	async forceFlush() {
		try {
			if (typeof this._client?.flush === "function") await this._client.flush();
		} catch (error) {
			this._handleError(error, "forceFlush");
		}
	}
	_handleGenerationSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const rawResponse = spanData.output?.[0];
		const rawResponseUsage = rawResponse?.usage;
		const usage = spanData.usage ?? rawResponseUsage ?? {};
		const usesRawResponseUsage = spanData.usage === void 0 && rawResponseUsage !== void 0;
		const model = spanData.model ?? rawResponse?.model;
		const inputTokens = usage.input_tokens || usage.prompt_tokens || 0;
		const outputTokens = usage.output_tokens || usage.completion_tokens || 0;
		const modelConfig = spanData.model_config ?? {};
		const modelParams = {};
		for (const param of [
			"temperature",
			"max_tokens",
			"top_p",
			"frequency_penalty",
			"presence_penalty"
		]) if (param in modelConfig) modelParams[param] = modelConfig[param];
		if (typeof modelConfig.base_url === "string") warnIfPostHogAiGateway(modelConfig.base_url);
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_model: model,
			$ai_base_url: typeof modelConfig.base_url === "string" ? modelConfig.base_url : "",
			$ai_model_parameters: Object.keys(modelParams).length > 0 ? modelParams : null,
			$ai_input: this._prepareCapturedValue(normalizeInputRoles(spanData.input)),
			$ai_output_choices: this._prepareCapturedValue(spanData.output),
			$ai_input_tokens: inputTokens,
			$ai_output_tokens: outputTokens,
			$ai_total_tokens: inputTokens + outputTokens
		};
		if (usesRawResponseUsage) properties.$ai_cache_reporting_exclusive = false;
		const promptTokenDetails = usage.prompt_tokens_details;
		const completionTokenDetails = usage.completion_tokens_details;
		if (completionTokenDetails?.reasoning_tokens) properties.$ai_reasoning_tokens = completionTokenDetails.reasoning_tokens;
		if (promptTokenDetails?.cached_tokens) properties.$ai_cache_read_input_tokens = promptTokenDetails.cached_tokens;
		if (usage.details) {
			const details = usage.details;
			if (details.reasoning_tokens) properties.$ai_reasoning_tokens = details.reasoning_tokens;
			if (details.cache_read_input_tokens) properties.$ai_cache_read_input_tokens = details.cache_read_input_tokens;
			if (details.cache_creation_input_tokens) properties.$ai_cache_creation_input_tokens = details.cache_creation_input_tokens;
		}
		if (usage.reasoning_tokens) properties.$ai_reasoning_tokens = usage.reasoning_tokens;
		if (usage.cache_read_input_tokens) properties.$ai_cache_read_input_tokens = usage.cache_read_input_tokens;
		if (usage.cache_creation_input_tokens) properties.$ai_cache_creation_input_tokens = usage.cache_creation_input_tokens;
		this._captureEvent("$ai_generation", properties, distinctId);
	}
	_handleResponseSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const responseSpanData = spanData;
		const response = responseSpanData._response;
		const responseId = spanData.response_id ?? response?.id;
		const usage = response?.usage ?? {};
		const inputTokens = usage?.input_tokens ?? 0;
		const outputTokens = usage?.output_tokens ?? 0;
		const model = response?.model;
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_model: model,
			$ai_response_id: responseId,
			$ai_input: this._prepareCapturedValue(normalizeInputRoles(responseSpanData._input)),
			$ai_input_tokens: inputTokens,
			$ai_output_tokens: outputTokens,
			$ai_total_tokens: inputTokens + outputTokens
		};
		if (response?.output) properties.$ai_output_choices = this._prepareCapturedValue(response.output);
		this._captureEvent("$ai_generation", properties, distinctId);
	}
	_handleFunctionSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_span_name: spanData.name,
			$ai_span_type: "tool",
			$ai_input_state: this._prepareCapturedValue(spanData.input),
			$ai_output_state: this._prepareCapturedValue(spanData.output)
		};
		if (spanData.mcp_data) properties.$ai_mcp_data = this._prepareCapturedValue(spanData.mcp_data);
		this._captureEvent("$ai_span", properties, distinctId);
	}
	_handleAgentSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_span_name: spanData.name,
			$ai_span_type: "agent"
		};
		if (spanData.handoffs) properties.$ai_agent_handoffs = spanData.handoffs;
		if (spanData.tools) properties.$ai_agent_tools = spanData.tools;
		if (spanData.output_type) properties.$ai_agent_output_type = spanData.output_type;
		this._captureEvent("$ai_span", properties, distinctId);
	}
	_handleHandoffSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_span_name: `${spanData.from_agent} -> ${spanData.to_agent}`,
			$ai_span_type: "handoff",
			$ai_handoff_from_agent: spanData.from_agent,
			$ai_handoff_to_agent: spanData.to_agent
		};
		this._captureEvent("$ai_span", properties, distinctId);
	}
	_handleGuardrailSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_span_name: spanData.name,
			$ai_span_type: "guardrail",
			$ai_guardrail_triggered: spanData.triggered
		};
		this._captureEvent("$ai_span", properties, distinctId);
	}
	_handleCustomSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_span_name: spanData.name,
			$ai_span_type: "custom",
			$ai_custom_data: this._prepareCapturedValue(spanData.data)
		};
		this._captureEvent("$ai_span", properties, distinctId);
	}
	_handleAudioSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const spanType = spanData.type;
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_span_name: spanType,
			$ai_span_type: spanType
		};
		if ("model" in spanData && spanData.model) properties.$ai_model = spanData.model;
		if ("model_config" in spanData && spanData.model_config) properties.$ai_model_config = this._prepareCapturedValue(spanData.model_config);
		if (spanData.type === "transcription") {
			const transcription = spanData;
			if (transcription.input?.format) properties.$ai_audio_input_format = transcription.input.format;
			if (transcription.output) properties.$ai_output_state = this._prepareCapturedValue(transcription.output);
		} else if (spanData.type === "speech") {
			const speech = spanData;
			if (speech.output?.format) properties.$ai_audio_output_format = speech.output.format;
			if (speech.input) properties.$ai_input = this._prepareCapturedValue(speech.input);
		} else if (spanData.type === "speech_group") {
			const speechGroup = spanData;
			if (speechGroup.input) properties.$ai_input = this._prepareCapturedValue(speechGroup.input);
		}
		this._captureEvent("$ai_span", properties, distinctId);
	}
	_handleMcpSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_span_name: `mcp:${spanData.server}`,
			$ai_span_type: "mcp_tools",
			$ai_mcp_server: spanData.server,
			$ai_mcp_tools: this._prepareCapturedValue(spanData.result)
		};
		this._captureEvent("$ai_span", properties, distinctId);
	}
	_handleGenericSpan(spanData, traceId, spanId, parentId, latency, distinctId, groupId, errorProperties) {
		const spanType = spanData.type || "unknown";
		const properties = {
			...this._baseProperties(traceId, spanId, parentId, latency, groupId, errorProperties),
			$ai_span_name: spanType,
			$ai_span_type: spanType
		};
		this._captureEvent("$ai_span", properties, distinctId);
	}
};
//#endregion
//#region src/openai-agents/index.ts
/**
* One-liner to instrument OpenAI Agents SDK with PostHog tracing.
*
* This registers a PostHogTracingProcessor with the OpenAI Agents SDK,
* automatically capturing traces, spans, and LLM generations.
*
* @param options - Configuration options
* @returns The registered processor instance
*
* @example
* ```typescript
* import { instrument } from '@posthog/ai/openai-agents'
* import PostHog from 'posthog-node'
*
* const phClient = new PostHog('<API_KEY>')
*
* // Simple setup — await before running agents
* await instrument({ client: phClient, distinctId: 'user@example.com' })
*
* // With dynamic distinct ID
* await instrument({
*   client: phClient,
*   distinctId: (trace) => trace.metadata?.userId,
*   privacyMode: true,
*   properties: { environment: 'production' },
* })
*
* // Now run agents as normal - traces automatically sent to PostHog
* import { Agent, run } from '@openai/agents'
* const agent = new Agent({ name: 'Assistant', instructions: 'You are helpful.' })
* const result = await run(agent, 'Hello!')
* ```
*/
async function instrument(options) {
	const { addTraceProcessor } = await import("@openai/agents");
	const processor = new PostHogTracingProcessor({
		client: options.client,
		distinctId: options.distinctId,
		privacyMode: options.privacyMode,
		groups: options.groups,
		properties: options.properties
	});
	addTraceProcessor(processor);
	return processor;
}
//#endregion
export { PostHogTracingProcessor, instrument };

//# sourceMappingURL=index.mjs.map