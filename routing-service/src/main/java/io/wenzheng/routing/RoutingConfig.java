package io.wenzheng.routing;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "wenzheng.routing")
public interface RoutingConfig {
    /** Classifier confidence below which a petition goes to an operator (triage). */
    double minConfidence();

    /**
     * Below this confidence the triage console shows where accepting would send a petition and asks for a second
     * Enter: under it the suggestion was wrong more often than right in cross-validation (docs/classifier.md).
     */
    @io.smallrye.config.WithDefault("0.3")
    double confirmBelow();

    /**
     * Step size of the online update per operator correction; 0 turns online learning off. Small, because the
     * model's scores are SVM margins times a temperature: larger steps cost accuracy (docs/classifier-learning.md).
     */
    @io.smallrye.config.WithDefault("0.005")
    double onlineLearningRate();

    /** How soon another instance's directory edits reach this one's routing. */
    @io.smallrye.config.WithDefault("5S")
    java.time.Duration directoryRefresh();
}
