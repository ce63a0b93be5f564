package dev.peregrine.localstack.fuzz;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST endpoint a service context maps (its {@link RequestMappingHandlerMapping}), and seeded malformed
 * requests for each: a method it does not support, an {@code Accept} it cannot produce, bad values for each path
 * variable and query parameter (wrong type, out of range, garbage text), and for a request body invalid or truncated
 * JSON, JSON of the wrong shape, wrong types per field, a wrong content type and huge or binary bodies.
 */
final class BadRequests {

    /** One endpoint: a method and a path pattern, with the handler method behind it. */
    record Endpoint(String service, RequestMethod method, String pattern, HandlerMethod handler) {

        String label() {
            return service + " " + method + " " + pattern;
        }
    }

    /**
     * One malformed request: the path and query already encoded, the body raw (null: none). {@code mustBe4xx} false:
     * the value is text in a free-text filter, which has no grammar to break; only a 5xx is wrong there.
     */
    record BadRequest(
            Endpoint endpoint,
            String kind,
            String method,
            String pathAndQuery,
            String contentType,
            String accept,
            byte[] body,
            boolean mustBe4xx) {

        BadRequest(
                Endpoint endpoint,
                String kind,
                String method,
                String pathAndQuery,
                String contentType,
                String accept,
                byte[] body) {
            this(endpoint, kind, method, pathAndQuery, contentType, accept, body, true);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    /** Methods no endpoint here answers: sent to every endpoint, they must be refused (405). */
    private static final List<String> UNSUPPORTED = List.of("PATCH", "PUT", "DELETE", "POST", "GET");

    /**
     * Values no number parameter can take, URL-encoded. Not here: {@code 0x10} and {@code " 12"}, which Spring's
     * number conversion reads (hexadecimal, trimmed) as documented.
     */
    private static final List<String> NOT_A_NUMBER =
            List.of("abc", "1.5", "99999999999999999999", "NaN", "-", "1e3", "%FF", "%00", "1%2C5");
    /**
     * Query parameters that are free text by contract: an operator's reason, and filters by a strategy id or a regime
     * name, which have no grammar (an unknown one matches nothing). Only text that is not text (control characters,
     * invalid UTF-8) or huge is sent to them, and only a 5xx is wrong.
     */
    private static final Set<String> FREE_TEXT = Set.of("reason", "strategy", "regime");

    private static final List<String> NOT_A_UUID = List.of(
            "not-a-uuid", "1234", "%FF%FE", "00000000-0000-0000-0000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "%00");

    private final Random random;

    BadRequests(long seed) {
        this.random = new Random(seed);
    }

    /** The endpoints of one service, in a stable order. */
    static List<Endpoint> endpoints(String service, ConfigurableApplicationContext context) {
        List<Endpoint> endpoints = new ArrayList<>();
        Map<String, RequestMappingHandlerMapping> mappings = context.getBeansOfType(RequestMappingHandlerMapping.class);
        for (RequestMappingHandlerMapping mapping : mappings.values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                    mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.equals("/error")) {
                        continue;
                    }
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        endpoints.add(new Endpoint(service, method, pattern, entry.getValue()));
                    }
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern)
                .thenComparing(e -> e.method().name()));
        return endpoints;
    }

    /** The malformed requests for one endpoint. */
    List<BadRequest> forEndpoint(Endpoint endpoint, List<Endpoint> samePattern) {
        List<BadRequest> requests = new ArrayList<>();
        Map<String, MethodParameter> pathVariables = new LinkedHashMap<>();
        Map<String, MethodParameter> queryParameters = new LinkedHashMap<>();
        MethodParameter body = null;
        for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (pathVariable != null) {
                pathVariables.put(name(pathVariable.value(), pathVariable.name(), parameter), parameter);
            } else if (requestParam != null) {
                queryParameters.put(name(requestParam.value(), requestParam.name(), parameter), parameter);
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = parameter;
            }
        }
        Map<String, String> plausiblePath = new LinkedHashMap<>();
        pathVariables.forEach((name, parameter) -> plausiblePath.put(name, plausible(parameter)));
        String method = endpoint.method().name();
        byte[] plausibleBody = body == null ? null : plausibleBody(body.getParameterType());
        String path = expand(endpoint.pattern(), plausiblePath);

        // A method this path does not support.
        Set<String> supported = new java.util.HashSet<>();
        samePattern.forEach(e -> supported.add(e.method().name()));
        UNSUPPORTED.stream()
                .filter(m -> !supported.contains(m))
                .findFirst()
                .ifPresent(m ->
                        requests.add(new BadRequest(endpoint, "unsupported method " + m, m, path, null, null, null)));
        // An Accept header it cannot produce.
        requests.add(new BadRequest(
                endpoint,
                "unacceptable Accept",
                method,
                path,
                json(plausibleBody),
                "application/x-peregrine-fuzz",
                plausibleBody));

        pathVariables.forEach((name, parameter) -> {
            for (String value : badValues(parameter)) {
                Map<String, String> values = new LinkedHashMap<>(plausiblePath);
                values.put(name, value);
                requests.add(new BadRequest(
                        endpoint,
                        "path {" + name + "}=" + shorten(value),
                        method,
                        expand(endpoint.pattern(), values),
                        json(plausibleBody),
                        null,
                        plausibleBody));
            }
        });
        queryParameters.forEach((name, parameter) -> {
            boolean freeText = FREE_TEXT.contains(name);
            for (String value : freeText
                    ? List.of("%00", "%FF%FE", encode("\u0001\u001b[31m"), encode("x".repeat(2000)))
                    : badValues(parameter)) {
                requests.add(new BadRequest(
                        endpoint,
                        "query " + name + "=" + shorten(value),
                        method,
                        path + "?" + name + "=" + value,
                        json(plausibleBody),
                        null,
                        plausibleBody,
                        !freeText));
            }
        });
        if (body != null) {
            RequestBody annotation = body.getParameterAnnotation(RequestBody.class);
            boolean required = annotation == null || annotation.required();
            for (Map.Entry<String, byte[]> bad :
                    badBodies(body.getParameterType(), required).entrySet()) {
                // A NUL inside a text field is still text to JSON: whether it is refused or kept, only a 5xx is wrong.
                boolean nul = bad.getKey().contains("\\u0000");
                requests.add(new BadRequest(
                        endpoint,
                        "body " + bad.getKey(),
                        method,
                        path,
                        "application/json",
                        null,
                        bad.getValue(),
                        !nul));
            }
            requests.add(
                    new BadRequest(endpoint, "body as text/plain", method, path, "text/plain", null, plausibleBody));
            requests.add(new BadRequest(
                    endpoint,
                    "body as application/xml",
                    method,
                    path,
                    "application/xml",
                    null,
                    "<reason>x</reason>".getBytes(StandardCharsets.UTF_8)));
        }
        return requests;
    }

    private List<String> badValues(MethodParameter parameter) {
        Class<?> type = parameter.getNestedParameterType();
        if (type == UUID.class) {
            return NOT_A_UUID;
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return NOT_A_NUMBER;
        }
        // Identifiers and enumerations with a grammar (symbols, ids, states, grades, horizons, dates): none of these
        // fits one.
        List<String> values = new ArrayList<>(List.of(
                "%FF%FE",
                "..%2F..%2Fetc%2Fpasswd",
                "%00",
                encode("'; DROP TABLE x;--"),
                encode("<script>alert(1)</script>"),
                encode("\uD83D\uDCA5 \u0000 \t"),
                encode("X".repeat(2000)),
                "-1"));
        values.add(encode(randomText(5 + random.nextInt(30))));
        return values;
    }

    private Map<String, byte[]> badBodies(Class<?> type, boolean required) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String invalid : List.of(
                "{",
                "{\"reason\":",
                "{'reason':'x'}",
                "not json",
                "{\"a\":1}{\"b\":2}",
                "{\"reason\":\"x\",}",
                "{\"reason\":\"\\uZZZZ\"}",
                "[1,2",
                "\"unterminated")) {
            bodies.put("invalid JSON " + shorten(invalid), utf8(invalid));
        }
        byte[] plausible = plausibleBody(type);
        if (plausible != null && plausible.length > 2) {
            bodies.put("truncated JSON", java.util.Arrays.copyOf(plausible, plausible.length / 2));
        }
        for (String shape : List.of("[]", "[{}]", "42", "\"text\"", "true")) {
            bodies.put("JSON " + shape + " for an object", utf8(shape));
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                for (String wrong : wrongTypes(component.getType())) {
                    bodies.put(
                            "field " + component.getName() + "=" + shorten(wrong),
                            plausibleBody(type, component.getName(), wrong));
                }
            }
        }
        bodies.put("5000-deep nesting", utf8("{\"reason\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        bodies.put("100000-digit number", utf8("{\"reason\":" + "9".repeat(100_000) + "}"));
        byte[] garbage = new byte[2 * 1024 * 1024];
        random.nextBytes(garbage);
        bodies.put("2 MiB binary garbage", garbage);
        bodies.put("2 MiB of '{'", utf8("{".repeat(2 * 1024 * 1024)));
        if (required) {
            bodies.put("empty", new byte[0]);
            bodies.put("JSON null", utf8("null"));
        }
        return bodies;
    }

    private static List<String> wrongTypes(Class<?> type) {
        if (type == String.class) {
            // Not a wrong type, but text no database column takes: a NUL character.
            return List.of("{\"nested\":1}", "[\"a\"]", "\"nul\\u0000inside\"");
        }
        if (type == Boolean.class || type == boolean.class) {
            return List.of("\"maybe\"", "{}", "[true]");
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return List.of("\"abc\"", "{}", "[1]", "1e400", "\"NaN\"");
        }
        if (type.isEnum()) {
            return List.of("\"NO_SUCH_CONSTANT\"", "{}", "-1");
        }
        return List.of("\"abc\"", "[[]]", "-1");
    }

    private static byte[] plausibleBody(Class<?> type) {
        return plausibleBody(type, null, null);
    }

    /** A JSON object with a plausible value per record component, one of them replaced by {@code rawJson}. */
    private static byte[] plausibleBody(Class<?> type, String replaced, String rawJson) {
        if (!type.isRecord()) {
            return utf8("{}");
        }
        StringBuilder json = new StringBuilder("{");
        for (RecordComponent component : type.getRecordComponents()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(component.getName()).append("\":");
            json.append(component.getName().equals(replaced) ? rawJson : plausibleJson(component.getType()));
        }
        return utf8(json.append('}').toString());
    }

    private static String plausibleJson(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "false";
        }
        if (type == BigDecimal.class) {
            return "\"1\"";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "1";
        }
        if (type.isEnum()) {
            return "\"" + type.getEnumConstants()[0] + "\"";
        }
        if (type == Instant.class) {
            return "\"2024-01-01T00:00:00Z\"";
        }
        if (type == UUID.class) {
            return "\"" + UUID.nameUUIDFromBytes(type.getName().getBytes(StandardCharsets.UTF_8)) + "\"";
        }
        return "\"fuzz\"";
    }

    /** A well-formed value for a path variable, naming nothing that exists. */
    private static String plausible(MethodParameter parameter) {
        return parameter.getNestedParameterType() == UUID.class
                ? "00000000-0000-4000-8000-000000000000"
                : "fuzz-unknown";
    }

    private static String expand(String pattern, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "fuzz-unknown");
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String name(String value, String name, MethodParameter parameter) {
        if (!value.isEmpty()) {
            return value;
        }
        if (!name.isEmpty()) {
            return name;
        }
        String discovered = parameter.getParameterName();
        if (discovered == null) {
            throw new IllegalStateException("cannot tell the name of " + parameter + ": compile with -parameters");
        }
        return discovered;
    }

    private static String json(byte[] body) {
        return body == null ? null : "application/json";
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : 0x21 + random.nextInt(0x5e));
        }
        return text.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
