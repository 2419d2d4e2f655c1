package io.wenzheng.routing.classifier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Loads the bundled category model once, at start-up. */
public class ModelProducer {
    private static final Logger LOG = Logger.getLogger(ModelProducer.class);

    @Produces
    @ApplicationScoped
    CategoryModel model() {
        long begin = System.nanoTime();
        CategoryModel model = CategoryModel.bundled();
        LOG.infof("category model loaded in %d ms: %d features, categories %s",
                (System.nanoTime() - begin) / 1_000_000, model.featureCount(), model.categories());
        return model;
    }

    @Produces
    @ApplicationScoped
    SubcategoryLexicon subcategories() {
        SubcategoryLexicon lexicon = SubcategoryLexicon.bundled();
        LOG.infof("level-2 lexicon: %d level-2 categories under %s", lexicon.size(), lexicon.categories());
        return lexicon;
    }
}
