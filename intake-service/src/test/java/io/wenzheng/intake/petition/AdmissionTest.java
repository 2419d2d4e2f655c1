package io.wenzheng.intake.petition;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.wenzheng.devstack.testing.DevStackTestResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * More petitions at once than intake admits (32 being filed, 96 waiting): the rest are refused at once with a problem
 * and Retry-After, and nothing of theirs is stored; every admitted one is filed.
 */
@QuarkusTest
@TestSecurity(user = "admission-operator", roles = {"operator"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class AdmissionTest {
    private static final int REQUESTS = 320;

    @Inject
    MeterRegistry registry;

    @Test
    void petitionsBeyondWhatIntakeAdmitsAreRefusedAtOnceAndNothingOfThemIsStored() throws Exception {
        double filedBefore = count("wenzheng.intake.petitions");
        double shedBefore = count("wenzheng.intake.shed");
        // One client that sends every request before the first answer comes: 320 petitions in flight at once.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI petitions = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/petitions");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String body = "{\"channel\":\"WEB\",\"text\":\"限流测试 " + UUID.randomUUID() + "\"}";
            answers.add(client.sendAsync(HttpRequest.newBuilder(petitions).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int filed = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.body()).isIn(201, 503);
            if (r.statusCode() == 201) {
                filed++;
            } else {
                refused++;
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(r.body()).contains("nothing was stored");
            }
        }
        assertThat(refused).as("%d requests at once, at most 128 admitted", REQUESTS).isPositive();
        assertThat(filed).as("admitted petitions are filed").isGreaterThanOrEqualTo(32);
        assertThat(count("wenzheng.intake.petitions") - filedBefore).as("petitions stored").isEqualTo(filed);
        assertThat(count("wenzheng.intake.shed") - shedBefore).isEqualTo(refused);
    }

    private double count(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
