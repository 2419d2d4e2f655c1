package io.wenzheng.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoCredentialsTest {
    private static final Set<String> DEMO = Set.of("wenzheng-demo-key", "wenzheng-demo-sms", "MIIEvQIBADANdemo");

    @Test
    void aDemoValueUnderASecretLikeKeyIsNamed() {
        assertThat(DemoCredentials.offending(Map.of(
                "wenzheng.intake.sms-api-key", "wenzheng-demo-sms",
                "wenzheng.intake.alipay-accounts.city.private-key", "MIIEvQIBADANdemo",
                "wenzheng.intake.wechat-accounts.city.token", "a-real-token"), DEMO))
                .containsExactly("wenzheng.intake.alipay-accounts.city.private-key", "wenzheng.intake.sms-api-key");
    }

    @Test
    void aDevPasswordIsCaughtInsideALongerValueSuchAsAJaasLine() {
        assertThat(DemoCredentials.offending(Map.of(
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"intake\" password=\"intake-dev-secret\";",
                "quarkus.datasource.password", "sla-dev-secret"), Set.of()))
                .containsExactly("kafka.sasl.jaas.config", "quarkus.datasource.password");
    }

    @Test
    void oneDemoKeyInAListOfRealOnesIsStillRefused() {
        assertThat(DemoCredentials.offending(Map.of("wenzheng.intake.open311-api-keys", "k8s-real-1, wenzheng-demo-key"), DEMO))
                .containsExactly("wenzheng.intake.open311-api-keys");
    }

    @Test
    void realValuesAndKeysThatAreNotSecretsPass() {
        assertThat(DemoCredentials.offending(Map.of(
                "quarkus.datasource.password", "s3cr3t-from-vault",
                "wenzheng.intake.greeting", "wenzheng-demo-key",
                "mp.messaging.incoming.lifecycle-in.key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"), DEMO))
                .isEmpty();
    }

    @Test
    void onlyDevAndTestProfilesDefineDemoValues() {
        assertThat(DemoCredentials.developmentOnly("%dev,test.wenzheng.intake.sms-api-key")).isTrue();
        assertThat(DemoCredentials.developmentOnly("%test.quarkus.datasource.password")).isTrue();
        assertThat(DemoCredentials.developmentOnly("%prod.quarkus.datasource.password")).isFalse();
        assertThat(DemoCredentials.developmentOnly("%staging,prod.x.password")).isFalse();
        assertThat(DemoCredentials.developmentOnly("quarkus.datasource.password")).isFalse();
    }

    @Test
    void aSettingGivenThroughTheEnvironmentIsNamedOnce() {
        assertThat(DemoCredentials.offending(Map.of("WENZHENG_INTAKE_SMS_API_KEY", "wenzheng-demo-sms",
                "wenzheng.intake.sms-api-key", "wenzheng-demo-sms", "KAFKA_SASL_JAAS_CONFIG", "password=\"x-dev-secret\""), DEMO))
                .containsExactly("KAFKA_SASL_JAAS_CONFIG", "wenzheng.intake.sms-api-key");
    }
}
