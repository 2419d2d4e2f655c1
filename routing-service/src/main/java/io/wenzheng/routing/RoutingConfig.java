package io.wenzheng.routing;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "wenzheng.routing")
public interface RoutingConfig {
    /** Classifier confidence below which a petition goes to an operator (triage). */
    double minConfidence();
}
