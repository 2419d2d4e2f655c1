package io.wenzheng.intake;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "wenzheng.intake")
public interface IntakeConfig {
    /** Base64 of the 256-bit key that protects citizen contact data. Production takes it from a Kubernetes secret. */
    String piiKey();
}
