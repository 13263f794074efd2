import { SpanType } from "@mastra/core/observability";
import { TrackingExporter } from "@mastra/observability";
import { PostHog } from "posthog-node";
//#region src/tracing.ts
/**
* Formats UsageStats to PostHog's expected property format.
*
* Pass through gross input token counts with cache fields as subsets.
* PostHog subtracts cache tokens when computing costs for non-Anthropic
* providers and detects Anthropic-style exclusive reporting on its own.
*
* @param usage - The UsageStats from span attributes
* @returns PostHog-formatted usage properties
*/
function formatUsageMetrics(usage) {
	if (!usage) return {};
	const props = {};
	if (usage.inputTokens !== void 0) props.$ai_input_tokens = usage.inputTokens;
	if (usage.inputDetails?.cacheRead !== void 0) props.$ai_cache_read_input_tokens = usage.inputDetails.cacheRead;
	if (usage.inputDetails?.cacheWrite !== void 0) props.$ai_cache_creation_input_tokens = usage.inputDetails.cacheWrite;
	if (usage.inputDetails?.cacheWrite5m !== void 0) props.$ai_cache_creation_5m_input_tokens = usage.inputDetails.cacheWrite5m;
	if (usage.inputDetails?.cacheWrite1h !== void 0) props.$ai_cache_creation_1h_input_tokens = usage.inputDetails.cacheWrite1h;
	if (usage.outputTokens !== void 0) props.$ai_output_tokens = usage.outputTokens;
	return props;
}
const DISTINCT_ID = "distinctId";
var PosthogExporter = class PosthogExporter extends TrackingExporter {
	name = "posthog";
	#client;
	static SERVERLESS_FLUSH_AT = 10;
	static SERVERLESS_FLUSH_INTERVAL = 2e3;
	static DEFAULT_FLUSH_AT = 20;
	static DEFAULT_FLUSH_INTERVAL = 1e4;
	constructor(config = {}) {
		const apiKey = config.apiKey ?? process.env.POSTHOG_API_KEY;
		super({
			...config,
			apiKey
		});
		if (!apiKey) {
			this.setDisabled("Missing required API key. Set POSTHOG_API_KEY environment variable or pass apiKey in config.");
			return;
		}
		const clientConfig = this.buildClientConfig(this.config);
		this.#client = new PostHog(apiKey, clientConfig);
		const message = config.serverless ?? false ? "PostHog exporter initialized in serverless mode" : "PostHog exporter initialized";
		this.logger.debug(message, config);
	}
	buildClientConfig(config) {
		const isServerless = config.serverless ?? false;
		const flushAt = config.flushAt ?? (isServerless ? PosthogExporter.SERVERLESS_FLUSH_AT : PosthogExporter.DEFAULT_FLUSH_AT);
		const flushInterval = config.flushInterval ?? (isServerless ? PosthogExporter.SERVERLESS_FLUSH_INTERVAL : PosthogExporter.DEFAULT_FLUSH_INTERVAL);
		const host = config.host || process.env.POSTHOG_HOST || "https://us.i.posthog.com";
		if (!config.host && !process.env.POSTHOG_HOST) this.logger.info("No PostHog host specified, using US default (https://us.i.posthog.com). For EU region, set `host: \"https://eu.i.posthog.com\"` in config or POSTHOG_HOST env var. For self-hosted, provide your instance URL.");
		return {
			host,
			flushAt,
			flushInterval,
			privacyMode: config.enablePrivacyMode
		};
	}
	skipBuildRootTask = true;
	async _buildRoot(_args) {
		throw new Error("Method not implemented.");
	}
	skipCachingEventSpans = true;
	async _buildEvent(args) {
		const { span, traceData } = args;
		const eventName = this.mapToPostHogEvent(span.type);
		const distinctId = this.getDistinctId(span, traceData);
		const properties = this.buildEventProperties(span, 0);
		this.#client?.captureAi(this.withGroups({
			distinctId,
			event: eventName,
			properties,
			timestamp: span.endTime ? new Date(span.endTime) : /* @__PURE__ */ new Date()
		}));
		return true;
	}
	async _buildSpan(args) {
		const { span, traceData } = args;
		if (!traceData.hasExtraValue(DISTINCT_ID)) {
			const userId = span.metadata?.userId;
			if (userId) traceData.setExtraValue(DISTINCT_ID, String(userId));
		}
		return span;
	}
	skipSpanUpdateEvents = true;
	_updateSpan(_args) {
		throw new Error("Method not implemented.");
	}
	async _finishSpan(args) {
		const { span, traceData } = args;
		const cachedSpan = traceData.getSpan({ spanId: span.id });
		const mergedSpan = !span.input && cachedSpan?.input ? {
			...span,
			input: cachedSpan.input
		} : span;
		const eventMessage = this.buildEventMessage({
			span: mergedSpan,
			traceData
		});
		this.#client?.captureAi(this.withGroups(eventMessage));
	}
	async _abortSpan(args) {
		const { span, reason, traceData } = args;
		span.errorInfo = reason;
		const eventMessage = this.buildEventMessage({
			span,
			traceData
		});
		this.#client?.captureAi(this.withGroups(eventMessage));
	}
	/**
	* Forward feedback recorded via `addFeedback()` to PostHog as a native
	* `$ai_feedback` event, shown as "User feedback" on the linked trace in
	* PostHog's AI observability UI.
	*/
	async onFeedbackEvent(event) {
		if (!this.#client) return;
		const { feedback } = event;
		if (!feedback.traceId) {
			this.logger.debug("PostHog exporter: dropping feedback with no traceId; PostHog requires $ai_trace_id", { feedbackId: feedback.feedbackId });
			return;
		}
		const properties = {
			...this.extractCustomMetadata(feedback.metadata),
			$ai_trace_id: feedback.traceId,
			$ai_feedback_text: feedback.comment ?? String(feedback.value),
			feedback_id: feedback.feedbackId,
			feedback_type: feedback.feedbackType,
			feedback_value: feedback.value
		};
		const feedbackSource = feedback.feedbackSource ?? feedback.source;
		if (feedbackSource) properties.feedback_source = feedbackSource;
		if (feedback.spanId) properties.span_id = feedback.spanId;
		if (feedback.sourceId) properties.source_id = feedback.sourceId;
		if (feedback.metadata?.sessionId) properties.$ai_session_id = feedback.metadata.sessionId;
		try {
			this.#client.captureAi(this.withGroups({
				distinctId: this.getFeedbackDistinctId(feedback),
				event: "$ai_feedback",
				properties,
				timestamp: new Date(feedback.timestamp)
			}));
		} catch (err) {
			this.logger.error("PostHog exporter: failed to submit feedback", {
				error: err,
				traceId: feedback.traceId,
				feedbackId: feedback.feedbackId
			});
		}
	}
	getFeedbackDistinctId(feedback) {
		const userId = feedback.feedbackUserId ?? feedback.userId ?? feedback.metadata?.userId;
		if (userId) return String(userId);
		return this.config.defaultDistinctId ?? "anonymous";
	}
	/**
	* PostHog group analytics are keyed off the top-level `groups` field on the
	* capture call. The Node SDK derives the event's `$groups` from that field and
	* overwrites any property-level `$groups`, so group metadata carried in
	* properties is dropped unless it is mirrored here.
	*/
	withGroups(message) {
		const groups = message.properties?.$groups;
		if (groups && typeof groups === "object" && !Array.isArray(groups)) return {
			...message,
			groups
		};
		return message;
	}
	buildEventMessage(args) {
		const { span, traceData } = args;
		const endTime = span.endTime ? this.toDate(span.endTime).getTime() : Date.now();
		const distinctId = this.getDistinctId(span, traceData);
		if (span.isRootSpan) return this.buildRootEventMessage({
			span,
			distinctId,
			endTime
		});
		else return this.buildChildEventMessage({
			span,
			distinctId,
			endTime,
			traceData
		});
	}
	/**
	* Capture an explicit $ai_trace event for root spans.
	* This gives us control over trace-level metadata like name and tags,
	* rather than relying on PostHog's pseudo-trace auto-creation.
	*/
	buildRootEventMessage(args) {
		const { span, distinctId, endTime } = args;
		const traceProperties = {
			$ai_trace_id: span.traceId,
			$ai_span_name: span.name,
			$ai_is_error: !!span.errorInfo
		};
		if (span.metadata?.sessionId) traceProperties.$ai_session_id = span.metadata.sessionId;
		if (span.input) traceProperties.$ai_input_state = span.input;
		if (span.output) traceProperties.$ai_output_state = span.output;
		if (span.errorInfo) traceProperties.$ai_error = {
			message: span.errorInfo.message,
			...span.errorInfo.id && { id: span.errorInfo.id },
			...span.errorInfo.category && { category: span.errorInfo.category }
		};
		if (span.tags?.length) for (const tag of span.tags) traceProperties[tag] = true;
		const { userId, sessionId, ...customMetadata } = span.metadata ?? {};
		Object.assign(traceProperties, customMetadata);
		return {
			distinctId,
			event: "$ai_trace",
			properties: traceProperties,
			timestamp: new Date(endTime)
		};
	}
	buildChildEventMessage(args) {
		const { span, distinctId, endTime, traceData } = args;
		const eventName = this.mapToPostHogEvent(span.type);
		const latency = (endTime - span.startTime.getTime()) / 1e3;
		const parentIsRootSpan = this.isParentRootSpan(span, traceData);
		return {
			distinctId,
			event: eventName,
			properties: this.buildEventProperties(span, latency, parentIsRootSpan),
			timestamp: new Date(endTime)
		};
	}
	toDate(timestamp) {
		return timestamp instanceof Date ? timestamp : new Date(timestamp);
	}
	mapToPostHogEvent(spanType) {
		if (spanType == SpanType.MODEL_GENERATION) return "$ai_generation";
		return "$ai_span";
	}
	getDistinctId(span, traceData) {
		if (span.metadata?.userId) return String(span.metadata.userId);
		if (traceData?.hasExtraValue(DISTINCT_ID)) return String(traceData.getExtraValue(DISTINCT_ID));
		if (this.config.defaultDistinctId) return this.config.defaultDistinctId;
		return "anonymous";
	}
	/**
	* Check if the parent of this span is the root span.
	* We need this because we don't create $ai_span for root spans,
	* so children of root spans should use $ai_trace_id as their $ai_parent_id.
	*/
	isParentRootSpan(span, traceData) {
		if (!span.parentSpanId) return false;
		const parentCache = traceData.getSpan({ spanId: span.parentSpanId });
		if (parentCache) return parentCache.isRootSpan;
		return false;
	}
	buildEventProperties(span, latency, parentIsRootSpan = false) {
		const baseProperties = {
			$ai_trace_id: span.traceId,
			$ai_latency: latency,
			$ai_is_error: !!span.errorInfo
		};
		if (span.parentSpanId) baseProperties.$ai_parent_id = parentIsRootSpan ? span.traceId : span.parentSpanId;
		if (span.metadata?.sessionId) baseProperties.$ai_session_id = span.metadata.sessionId;
		if (span.isRootSpan && span.tags?.length) for (const tag of span.tags) baseProperties[tag] = true;
		if (span.type === SpanType.MODEL_GENERATION) {
			baseProperties.$ai_generation_id = span.id;
			return {
				...baseProperties,
				...this.buildGenerationProperties(span)
			};
		} else {
			baseProperties.$ai_span_id = span.id;
			baseProperties.$ai_span_name = span.name;
			return {
				...baseProperties,
				...this.buildSpanProperties(span)
			};
		}
	}
	extractErrorProperties(errorInfo) {
		if (!errorInfo) return {};
		const props = { error_message: errorInfo.message };
		if (errorInfo.id) props.error_id = errorInfo.id;
		if (errorInfo.category) props.error_category = errorInfo.category;
		return props;
	}
	extractCustomMetadata(metadata) {
		const { userId, sessionId, ...customMetadata } = metadata ?? {};
		return customMetadata;
	}
	buildGenerationProperties(span) {
		const props = {};
		const attrs = span.attributes ?? {};
		props.$ai_model = attrs.model || "unknown-model";
		props.$ai_provider = attrs.provider || "unknown-provider";
		if (span.input) props.$ai_input = this.formatMessages(span.input, "user");
		if (span.output) props.$ai_output_choices = this.formatMessages(span.output, "assistant");
		Object.assign(props, formatUsageMetrics(attrs.usage));
		if (attrs.parameters) {
			if (attrs.parameters.temperature !== void 0) props.$ai_temperature = attrs.parameters.temperature;
			if (attrs.parameters.maxOutputTokens !== void 0) props.$ai_max_tokens = attrs.parameters.maxOutputTokens;
		}
		if (attrs.streaming !== void 0) props.$ai_stream = attrs.streaming;
		if (attrs.tools?.length) props.$ai_tools = attrs.tools.map((tool) => tool.type === "function" ? {
			type: "function",
			function: {
				name: tool.name,
				description: tool.description,
				parameters: tool.parameters
			}
		} : tool);
		return {
			...props,
			...this.extractErrorProperties(span.errorInfo),
			...this.extractCustomMetadata(span.metadata)
		};
	}
	buildSpanProperties(span) {
		const props = {};
		if (span.input) props.$ai_input_state = span.input;
		if (span.output) props.$ai_output_state = span.output;
		if (span.type === SpanType.MODEL_CHUNK) {
			const attrs = span.attributes;
			if (attrs?.chunkType) props.chunk_type = attrs.chunkType;
			if (attrs?.sequenceNumber !== void 0) props.chunk_sequence_number = attrs.sequenceNumber;
		}
		if (span.attributes) Object.assign(props, span.attributes);
		return {
			...props,
			...this.extractErrorProperties(span.errorInfo),
			...this.extractCustomMetadata(span.metadata)
		};
	}
	formatMessages(data, defaultRole = "user") {
		if (typeof data === "object" && data !== null && !Array.isArray(data) && "messages" in data) {
			const wrapped = data.messages;
			if (this.isMessageArray(wrapped)) return wrapped.map((msg) => this.normalizeMessage(msg));
		}
		if (this.isMessageArray(data)) return data.map((msg) => this.normalizeMessage(msg));
		if (typeof data === "string") return [{
			role: defaultRole,
			content: [{
				type: "text",
				text: data
			}]
		}];
		if (this.isSpanOutputWithToolCalls(data)) {
			const content = [];
			if (data.text) content.push({
				type: "text",
				text: data.text
			});
			for (const tc of data.toolCalls) content.push({
				type: "tool-call",
				id: tc.toolCallId,
				function: {
					name: tc.toolName,
					arguments: tc.args
				}
			});
			return [{
				role: "assistant",
				content
			}];
		}
		if (typeof data === "object" && data !== null && !Array.isArray(data) && "text" in data) {
			const text = data.text;
			if (typeof text === "string") return [{
				role: defaultRole,
				content: [{
					type: "text",
					text
				}]
			}];
		}
		return [{
			role: defaultRole,
			content: [{
				type: "text",
				text: this.safeStringify(data)
			}]
		}];
	}
	isSpanOutputWithToolCalls(data) {
		if (typeof data !== "object" || data === null || !("toolCalls" in data)) return false;
		const { toolCalls } = data;
		return Array.isArray(toolCalls) && toolCalls.length > 0;
	}
	isMessageArray(data) {
		if (!Array.isArray(data)) return false;
		return data.every((item) => typeof item === "object" && item !== null && "role" in item && "content" in item);
	}
	normalizeMessage(msg) {
		if (typeof msg.content === "string") return {
			role: msg.role,
			content: [{
				type: "text",
				text: msg.content
			}]
		};
		return {
			role: msg.role,
			content: msg.content
		};
	}
	safeStringify(data) {
		try {
			return JSON.stringify(data);
		} catch {
			if (typeof data === "object" && data !== null) return `[Non-serializable ${data.constructor?.name || "Object"}]`;
			return String(data);
		}
	}
	/**
	* Force flush any buffered data to PostHog without shutting down.
	*/
	async _flush() {
		if (this.#client) await this.#client.flush();
	}
	async _postShutdown() {
		if (this.#client) await this.#client.shutdown();
	}
};
//#endregion
export { PosthogExporter, formatUsageMetrics };

//# sourceMappingURL=index.js.map