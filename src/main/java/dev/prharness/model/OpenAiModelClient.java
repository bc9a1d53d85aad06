package dev.prharness.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.OpenAIException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.ModelCallException;
import dev.prharness.harness.ModelClient;
import dev.prharness.harness.ModelReply;
import dev.prharness.harness.ModelRequest;
import dev.prharness.harness.ModelRole;
import dev.prharness.harness.ToolCall;
import dev.prharness.harness.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The only code that speaks the OpenAI API: Chat Completions with function tools through openai-java, so
 * any compatible endpoint works (OpenAI, Azure, Ollama, vLLM, OpenRouter, LiteLLM). Retries on 408, 409,
 * 429, 5xx and timeouts are the library's own: exponential backoff with jitter, Retry-After honoured.
 */
public final class OpenAiModelClient implements ModelClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAIClient client;
    private final ModelSettings settings;

    public OpenAiModelClient(ModelSettings settings) {
        this.settings = settings;
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .maxRetries(settings.maxRetries())
                .build();
    }

    @Override
    public String modelFor(ModelRole role) {
        return settings.role(role).model();
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        ModelSettings.Role role = settings.role(request.role());
        ModelSettings.Request accepts = settings.requestFor(role.model());
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(role.model());
        request.messages().forEach(message -> addMessage(params, message));
        for (ToolSpec tool : request.tools()) {
            params.addTool(toolOf(tool));
        }
        if (!request.tools().isEmpty()) {
            accepts.parallelToolCalls().ifPresent(params::parallelToolCalls);
        }
        if (role.temperature() != null && accepts.sendTemperature()) {
            params.temperature(role.temperature());
        }
        if (accepts.reasoning()) {
            // A reasoning model's hidden reasoning counts against max_completion_tokens: without room for it, the
            // cap is spent before the answer is written.
            params.maxCompletionTokens(role.maxOutputTokens() + role.reasoningTokens());
            if (role.reasoningEffort() != null) {
                params.reasoningEffort(ReasoningEffort.of(role.reasoningEffort()));
            }
        } else if (accepts.maxCompletionTokens()) {
            params.maxCompletionTokens(role.maxOutputTokens());
        } else {
            params.maxTokens(role.maxOutputTokens());
        }
        ChatCompletion completion;
        try {
            completion = client.chat().completions().create(params.build(),
                    RequestOptions.builder().timeout(role.timeout()).build());
        } catch (OpenAIServiceException e) {
            throw new ModelCallException(describe(e, role.model()), e);
        } catch (OpenAIIoException e) {
            throw new ModelCallException("cannot reach the model endpoint " + settings.baseUrl() + " after "
                    + (settings.maxRetries() + 1) + " tries (" + e.getMessage() + "); check OPENAI_BASE_URL and the network", e);
        } catch (OpenAIException e) {
            throw new ModelCallException("the model endpoint " + settings.baseUrl() + " gave an answer that is not a "
                    + "chat completion (" + e.getMessage() + ")", e);
        }
        return replyOf(completion, role.model());
    }

    private String describe(OpenAIServiceException e, String model) {
        int status = e.statusCode();
        String where = "the model endpoint " + settings.baseUrl();
        return switch (status) {
            case 401 -> where + " rejected the API key (HTTP 401); check OPENAI_API_KEY";
            case 403 -> where + " refused the request (HTTP 403); check that the key may use model '" + model + "'";
            case 404 -> where + " does not know model '" + model + "' (HTTP 404); check PR_HARNESS_MODEL / "
                    + "PR_HARNESS_CHEAP_MODEL and OPENAI_BASE_URL";
            case 400 -> where + " rejected the request (HTTP 400: " + e.getMessage() + ")";
            case 429 -> where + " kept answering HTTP 429 (rate limit or quota) after " + (settings.maxRetries() + 1)
                    + " tries; wait and run again, or raise the account's limits";
            default -> where + " answered HTTP " + status + " after " + (settings.maxRetries() + 1)
                    + " tries; the service may be down, try again later";
        };
    }

    private ModelReply replyOf(ChatCompletion completion, String requestedModel) {
        if (completion.choices().isEmpty()) {
            throw new ModelCallException("the model endpoint " + settings.baseUrl() + " answered with no choices", null);
        }
        ChatCompletion.Choice choice = completion.choices().get(0);
        List<ToolCall> calls = new ArrayList<>();
        for (ChatCompletionMessageToolCall call : choice.message().toolCalls().orElse(List.of())) {
            if (call.isFunction()) {
                ChatCompletionMessageFunctionToolCall function = call.asFunction();
                calls.add(new ToolCall(function.id(), function.function().name(), function.function().arguments()));
            }
        }
        long prompt = completion.usage().map(u -> u.promptTokens()).orElse(0L);
        long cached = completion.usage().flatMap(u -> u.promptTokensDetails()).flatMap(d -> d.cachedTokens()).orElse(0L);
        long output = completion.usage().map(u -> u.completionTokens()).orElse(0L);
        long reasoning = completion.usage().flatMap(u -> u.completionTokensDetails()).flatMap(d -> d.reasoningTokens())
                .orElse(0L);
        String model = completion.model().isBlank() ? requestedModel : completion.model();
        return new ModelReply(choice.message().content().orElse(""), calls, model, prompt, cached, output, reasoning,
                settings.prices().costUsd(model, prompt, cached, output), choice.finishReason().asString());
    }

    private static void addMessage(ChatCompletionCreateParams.Builder params, ChatMessage message) {
        switch (message) {
            case ChatMessage.System system -> params.addMessage(
                    ChatCompletionSystemMessageParam.builder().content(system.text()).build());
            case ChatMessage.User user -> params.addMessage(
                    ChatCompletionUserMessageParam.builder().content(user.text()).build());
            case ChatMessage.Assistant assistant -> {
                ChatCompletionAssistantMessageParam.Builder builder = ChatCompletionAssistantMessageParam.builder();
                if (!assistant.text().isEmpty() || assistant.toolCalls().isEmpty()) {
                    builder.content(assistant.text());
                }
                for (ToolCall call : assistant.toolCalls()) {
                    builder.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                            .id(call.id())
                            .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                    .name(call.name())
                                    .arguments(call.arguments() == null ? "{}" : call.arguments())
                                    .build())
                            .build());
                }
                params.addMessage(builder.build());
            }
            case ChatMessage.ToolResult result -> params.addMessage(ChatCompletionToolMessageParam.builder()
                    .toolCallId(result.toolCallId()).content(result.text()).build());
        }
    }

    @SuppressWarnings("unchecked")
    private static ChatCompletionFunctionTool toolOf(ToolSpec spec) {
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        Map<String, Object> schema = JSON.convertValue(spec.parameters(), Map.class);
        schema.forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name(spec.name())
                        .description(spec.description())
                        .parameters(parameters.build())
                        .build())
                .build();
    }
}
