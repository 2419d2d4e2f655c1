package io.wenzheng.intake.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.wenzheng.devstack.testing.DevStackTestResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent requests share audit statements, and every one of them still has its own line before it is answered. */
@QuarkusTest
@TestSecurity(user = "group-commit-operator", roles = {"operator", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class AuditGroupCommitTest {
    private static final int REQUESTS = 40;

    @Inject
    MeterRegistry registry;

    @Test
    void concurrentRequestsAreAuditedLineByLineInFewerStatements() throws Exception {
        double statementsBefore = counter("wenzheng.audit.statements");
        double linesBefore = counter("wenzheng.audit.lines");
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                String text = "审计合并写入测试 " + UUID.randomUUID();
                answers.add(clients.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", text))
                            .post("/api/v1/petitions").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }

        // Each answer came after its own line was written: they are all there already.
        List<Integer> outcomes = given().get("/api/v1/admin/audit?actor=group-commit-operator&limit=200").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.action == 'POST /api/v1/petitions' }.outcome", Integer.class);
        assertThat(outcomes).hasSize(REQUESTS).containsOnly(201);
        double lines = counter("wenzheng.audit.lines") - linesBefore;
        double statements = counter("wenzheng.audit.statements") - statementsBefore;
        assertThat(lines).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(statements).as("statements for %s lines", lines).isLessThan(lines);
    }

    private double counter(String name) {
        var counter = registry.find(name).functionCounter();
        return counter == null ? 0 : counter.count();
    }
}
