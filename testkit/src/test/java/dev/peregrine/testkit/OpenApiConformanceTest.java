package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The comparison itself, on a small MVC context: it must see a controller and a description that disagree. */
class OpenApiConformanceTest {

    @RestController
    @RequestMapping("/api/v1/things")
    static class ThingController {

        @GetMapping("/{id}")
        public String one(@PathVariable String id, @RequestParam(defaultValue = "10") int limit) {
            return id + limit;
        }

        @PostMapping
        public String add(@RequestBody String body, Principal caller) {
            return body + caller.getName();
        }

        @GetMapping("/by-name/{name:[a-z]+}")
        public String named(@PathVariable("name") String value) {
            return value;
        }
    }

    private final GenericWebApplicationContext context = new GenericWebApplicationContext(new MockServletContext());

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void readsMethodsPathsParametersAndBodiesFromTheHandlerMappings() {
        assertThat(served())
                .isEqualTo(Map.of(
                        "GET /api/v1/things/by-name/{name}", "path:name",
                        "GET /api/v1/things/{id}", "path:id,query:limit",
                        "POST /api/v1/things", "body"));
    }

    @Test
    void aDescriptionAgreesOnlyWhenEveryOperationAndParameterMatches() {
        String agreeing = """
                {"paths": {
                  "/api/v1/things/{id}": {"get": {"parameters": [{"name": "id", "in": "path"},
                                                                   {"name": "limit", "in": "query"}]}},
                  "/api/v1/things/by-name/{name}": {"get": {"parameters": [{"name": "name", "in": "path"}]}},
                  "/api/v1/things": {"post": {"requestBody": {"content": {}}}}
                }}""";
        assertThat(OpenApiConformance.described(agreeing)).isEqualTo(served());

        String missingPost = agreeing.replace("\"post\"", "\"put\"");
        String extraQuery = agreeing.replace(
                "{\"name\": \"limit\", \"in\": \"query\"}",
                "{\"name\": \"limit\", \"in\": \"query\"}, {\"name\": \"caller\", \"in\": \"query\"}");
        String noBody = agreeing.replace("{\"requestBody\": {\"content\": {}}}", "{}");
        for (String disagreeing : new String[] {missingPost, extraQuery, noBody}) {
            assertThat(OpenApiConformance.described(disagreeing))
                    .as(disagreeing)
                    .isNotEqualTo(served());
        }
    }

    private Map<String, String> served() {
        if (!context.isActive()) {
            context.registerBean(ThingController.class);
            context.registerBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            context.refresh();
        }
        return OpenApiConformance.served(context);
    }
}
