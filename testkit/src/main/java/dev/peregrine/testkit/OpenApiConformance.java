package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds a service's OpenAPI description ({@code GET /v3/api-docs}) to its controllers: every operation the Spring MVC
 * handler mapping serves from a Peregrine controller ({@code dev.peregrine.*}) must be described, with the same path
 * and query parameters and the same request body presence, and nothing else may be described. Services call
 * {@link #assertDescribesTheControllers} from an integration test that already runs their context.
 */
public final class OpenApiConformance {

    private static final String DOCS = "/v3/api-docs";
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "patch", "options", "head", "trace");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiConformance() {}

    /**
     * Fetches the description from {@code localhost:port} with {@code viewerToken} (and checks it is refused, 401,
     * without one) and asserts it describes exactly what {@code context}'s controllers serve.
     */
    public static void assertDescribesTheControllers(ApplicationContext context, int port, String viewerToken)
            throws IOException, InterruptedException {
        assertThat(get(port, null).statusCode())
                .as("GET " + DOCS + " without a token")
                .isEqualTo(401);
        HttpResponse<String> docs = get(port, viewerToken);
        assertThat(docs.statusCode()).as("GET " + DOCS + " with a VIEWER token").isEqualTo(200);
        SortedMap<String, String> served = served(context);
        assertThat(served).as("operations served by the controllers").isNotEmpty();
        assertThat(described(docs.body()))
                .as("operations of " + DOCS + " (left) vs the controllers' request " + "mappings")
                .containsExactlyEntriesOf(served);
    }

    /**
     * {@code "METHOD /path"} of every operation of Peregrine's controllers, mapped to its signature: the sorted
     * {@code path:} and {@code query:} parameter names and {@code body} when it takes a request body.
     */
    public static SortedMap<String, String> served(ApplicationContext context) {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        SortedMap<String, String> operations = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getName().startsWith("dev.peregrine.")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            String signature = signature(handler);
            for (String pattern : entry.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                if (methods.isEmpty()) {
                    operations.put("ANY " + path, signature);
                }
                for (RequestMethod method : methods) {
                    operations.put(method.name() + " " + path, signature);
                }
            }
        }
        return operations;
    }

    /** The same view of an OpenAPI document. */
    public static SortedMap<String, String> described(String apiDocs) {
        JsonNode paths = JSON.readTree(apiDocs).path("paths");
        SortedMap<String, String> operations = new TreeMap<>();
        for (String path : paths.propertyNames()) {
            for (String method : METHODS) {
                JsonNode operation = paths.path(path).path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                Set<String> parameters = new TreeSet<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(parameter.path("in").asString() + ":"
                            + parameter.path("name").asString());
                }
                if (!operation.path("requestBody").isMissingNode()) {
                    parameters.add("body");
                }
                operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, String.join(",", parameters));
            }
        }
        return operations;
    }

    private static String signature(HandlerMethod handler) {
        Set<String> parameters = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (pathVariable != null) {
                parameters.add("path:" + name(pathVariable.name(), parameter));
            } else if (requestParam != null) {
                parameters.add("query:" + name(requestParam.name(), parameter));
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                parameters.add("body");
            }
        }
        return String.join(",", parameters);
    }

    private static String name(String declared, MethodParameter parameter) {
        return declared.isEmpty() ? parameter.getParameterName() : declared;
    }

    private static HttpResponse<String> get(int port, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + DOCS))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
