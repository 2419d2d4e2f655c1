package io.wenzheng.intake.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A newer producer may add fields and event types: this consumer (v1) keeps working on the fields it knows, and
 * skips and counts a type it does not know, with the partition flowing on behind it.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {"operator", "supervisor"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class SchemaEvolutionTest {
    @Inject
    MeterRegistry registry;

    @Test
    void addedFieldsAreIgnoredAndUnknownTypesSkippedAndCounted() {
        String id = given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", "新版本事件测试 " + UUID.randomUUID()))
                .post("/api/v1/petitions").then().statusCode(201).extract().path("id");
        double skippedBefore = skipped();
        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            // An event type from a future version, on the same partition (same key), ahead of one this version knows.
            probe.publishRaw(Topics.LIFECYCLE, id, "{\"petitionId\":\"" + id + "\",\"teleportedTo\":\"月球\"}", headers(id,
                    "wenzheng.petition.teleported.v1"));
            // A known type with fields added by a newer producer.
            probe.publishRaw(Topics.LIFECYCLE, id, "{\"petitionId\":\"" + id + "\",\"category\":\"城乡建设\",\"unitCode\":\"A3\","
                    + "\"unitName\":\"A3区人民政府\",\"confidence\":0.9,\"reason\":\"test\",\"routedAt\":\"" + Instant.now() + "\","
                    + "\"priority\":{\"level\":\"urgent\",\"score\":97},\"tags\":[\"新字段\"]}", headers(id, "wenzheng.petition.routed.v1"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then()
                .body("status", equalTo("ROUTED")).body("unit.code", equalTo("A3")));
        assertThat(skipped()).as("the unknown type was skipped and counted").isGreaterThan(skippedBefore);
    }

    private double skipped() {
        var counter = registry.find("wenzheng.consumer.events").tag("consumer", "intake-timeline").tag("outcome", "ignored").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> headers(String id, String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "future-service",
                "ce_subject", id, "ce_time", Instant.now().toString(), "content-type", "application/json");
    }
}
