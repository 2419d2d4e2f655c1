package io.wenzheng.devstack.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsGatewayStubTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptsWhatIntakeSendsAndLogsTheNumberMasked() throws Exception {
        List<String> log = new ArrayList<>();
        try (SmsGatewayStub stub = SmsGatewayStub.start(0, "wenzheng-demo-sms", log::add)) {
            var ok = send(stub, "wenzheng-demo-sms", "{\"phone\":\"13812345678\",\"text\":\"您的诉求已办结，查询码 ABCD1234\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"code\":0").contains("messageId");
            assertThat(stub.sent()).extracting(SmsGatewayStub.Sent::phone).containsExactly("13812345678");
            assertThat(log).singleElement().asString().contains("138****5678").doesNotContain("13812345678");

            assertThat(send(stub, "wrong", "{\"phone\":\"13812345678\",\"text\":\"x\"}").statusCode()).isEqualTo(401);
            assertThat(send(stub, "wenzheng-demo-sms", "{\"phone\":\"call me\",\"text\":\"x\"}").statusCode()).isEqualTo(400);
            assertThat(send(stub, "wenzheng-demo-sms", "not json").statusCode()).isEqualTo(400);
            assertThat(stub.sent()).hasSize(1);
        }
    }

    private HttpResponse<String> send(SmsGatewayStub stub, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stub.url() + "/sms/send")).header("X-Api-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
