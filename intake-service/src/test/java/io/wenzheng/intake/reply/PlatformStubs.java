package io.wenzheng.intake.reply;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One WireMock server standing in for WeChat's, Weibo's, Alipay's and the SMS gateway's APIs, for every intake test (so
 * Quarkus starts once); tests add the stubs they need.
 */
public class PlatformStubs implements QuarkusTestResourceLifecycleManager {
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of("quarkus.rest-client.wechat-api.url", url, "quarkus.rest-client.weibo-api.url", url,
                "quarkus.rest-client.sms-gateway.url", url, "quarkus.rest-client.alipay-gateway.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
