package io.wenzheng.routing.classifier;

/** A petition with its known first-level category: training and evaluation data. */
public record LabelledPetition(String id, String subject, String body, String category) {
}
