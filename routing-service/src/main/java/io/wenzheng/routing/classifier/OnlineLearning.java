package io.wenzheng.routing.classifier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.wenzheng.routing.RoutingConfig;
import io.wenzheng.routing.triage.LabelledExample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Every operator correction teaches the model one gradient step at once. The corrections are stored, and a starting
 * instance replays them in order over the bundled model, so a restart, or a second instance, classifies as the
 * first one does after the same corrections. docs/classifier-learning.md measures what the steps are worth.
 */
@ApplicationScoped
public class OnlineLearning {
    private static final Logger LOG = Logger.getLogger(OnlineLearning.class);

    private final CategoryModel model;
    private final double rate;
    private final AtomicLong learned = new AtomicLong();

    @Inject
    public OnlineLearning(CategoryModel model, RoutingConfig config) {
        this.model = model;
        this.rate = config.onlineLearningRate();
    }

    void replay(@Observes StartupEvent started) throws Throwable {
        List<LabelledExample> examples = VertxContextSupport.subscribeAndAwait(() ->
                Panache.withSession(() -> LabelledExample.<LabelledExample>list("order by labelledAt, petitionId")));
        examples.forEach(this::learn);
        if (!examples.isEmpty()) {
            LOG.infof("replayed %d operator corrections into the category model", examples.size());
        }
    }

    /** Call after the correction has committed. */
    public void learn(LabelledExample example) {
        if (rate > 0 && model.categories().contains(example.category)) {
            model.learn(example.subject, example.body, example.category, rate);
            learned.incrementAndGet();
        }
    }

    public long learned() {
        return learned.get();
    }
}
