package io.wenzheng.routing;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "wenzheng.routing")
public interface RoutingConfig {
    /** Classifier confidence below which a petition goes to an operator (triage). */
    double minConfidence();

    /** Step size of the online update per operator correction; 0 turns online learning off. */
    @io.smallrye.config.WithDefault("0.1")
    double onlineLearningRate();

    /** How soon another instance's directory edits reach this one's routing. */
    @io.smallrye.config.WithDefault("5S")
    java.time.Duration directoryRefresh();
}
