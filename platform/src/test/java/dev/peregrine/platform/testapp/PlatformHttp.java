package dev.peregrine.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.testkit.ServiceApi;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** HTTP calls to the platform test application, as an operator or Prometheus makes them. */
public final class PlatformHttp {

    private PlatformHttp() {}

    /** {@code method path} on {@code localhost:port}, with a bearer token and a JSON body when not null. */
    public static HttpResponse<String> call(String method, int port, String path, String token, String body) {
        return ServiceApi.at(port).as(token).send(method, path, body);
    }

    /** Sum of the samples of a Prometheus metric whose labels contain all of {@code labels}; 0 when absent. */
    public static double metric(int managementPort, String name, String... labels)
            throws IOException, InterruptedException {
        HttpResponse<String> response = call("GET", managementPort, "/actuator/prometheus", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body()
                .lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
