package dev.peregrine.platform.testapp;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/test")
public class TestController {

    public record Greeting(String name) {}

    @GetMapping
    public Map<String, String> read() {
        return Map.of("read", "ok");
    }

    @PostMapping
    public Map<String, String> write(@RequestBody Greeting greeting) {
        return Map.of("written", String.valueOf(greeting.name()));
    }
}
