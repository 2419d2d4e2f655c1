package io.wenzheng.intake.channel;

import io.quarkus.test.security.TestSecurity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 2,000 malformed inputs for each of the REST API, the hotline and Open311: never a 5xx, and exactly as many
 * petitions stored as requests answered 201.
 */
@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class InputFuzzTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "WEB|/api/v1/petitions|application/json|{\"channel\":\"WEB\",\"text\":\"MARK 井盖丢失\",\"location\":{\"address\":\"建设路\"},\"contact\":{\"phone\":\"13995100001\"}}",
            "HOTLINE|/api/v1/hotline-calls|application/json|{\"callerNumber\":\"13995100002\",\"transcript\":\"MARK 路灯不亮\",\"categoryHint\":\"城乡建设\"}",
            "OPEN311|/open311/v2/requests.json|application/x-www-form-urlencoded; charset=UTF-8|api_key=wenzheng-demo-key&service_code=environment&description=MARK%20%E5%99%AA%E9%9F%B3&lat=38.47&long=106.28",
    })
    void malformedInputGetsNoServerErrorAndStoresOnlyWhatItAccepts(String channel, String path, String contentType, String valid)
            throws Exception {
        URI target = URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
        EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        String tag = "\"channel\":\"" + channel + "\"";
        long before = stableCount(probe, tag);
        byte[] base = valid.replace("MARK", "F" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Random random = new Random(path.hashCode());
        int accepted = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] b = base.clone();
            switch (random.nextInt(4)) {
                case 0 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                case 1 -> {
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        b[random.nextInt(b.length)] = (byte) "{}[]\":,&=%x\u0000".charAt(random.nextInt(12));
                    }
                }
                case 2 -> {
                    b = new byte[random.nextInt(300)];
                    random.nextBytes(b);
                }
                default -> b = (new String(b, StandardCharsets.UTF_8) + "x".repeat(random.nextInt(20_000))).getBytes(StandardCharsets.UTF_8);
            }
            // The JDK's client sends the bytes as they are; RestAssured's Groovy machinery cost several times the
            // server's own work per request, and 6,000 of them made this the slowest class of intake's build.
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(target).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(b)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s input %d: %s", path, i, r.body()).isLessThan(500);
            if (r.statusCode() == 201) {
                accepted++;
            } else if (channel.equals("OPEN311")) {
                // GeoReport v2 defines its own errors: a JSON list of code and description, which its clients parse.
                assertThat(r.body()).as("%s input %d answered %d", path, i, r.statusCode()).startsWith("[{\"code\":" + r.statusCode() + ",\"description\":");
            } else {
                assertThat(r.headers().firstValue("Content-Type")).as("%s input %d answered %d", path, i, r.statusCode())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
        long expected = before + accepted;
        System.out.printf("fuzz %s: 2000 malformed inputs, %d accepted%n", path, accepted);
        try (probe) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(probe, tag))
                    .as("received events of channel %s: one per accepted request, none for the rest", channel).isEqualTo(expected));
        }
    }

    private static long count(EventProbe probe, String tag) {
        return probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream()
                .filter(x -> "wenzheng.petition.received.v1".equals(x.header("ce_type")) && x.value().contains(tag)).count();
    }

    /** The channel's received events once earlier tests' outbox rows have all been published. */
    private static long stableCount(EventProbe probe, String tag) {
        long previous = -1;
        long current = count(probe, tag);
        while (current != previous) {
            sleep(1500);
            previous = current;
            current = count(probe, tag);
        }
        return current;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
