package io.wenzheng.routing.classifier;

import java.util.List;

/** A way of learning a {@link CategoryModel} from labelled petitions. */
@FunctionalInterface
public interface ModelTrainer {
    CategoryModel train(List<LabelledPetition> examples, CategoryTrainer.Progress progress);
}
