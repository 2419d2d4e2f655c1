package io.wenzheng.routing.directory;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates each unit's feed topic and command topic when the unit is registered. Relying on broker auto-creation stalls the outbox
 * relay while a new topic elects its leader, and production brokers have auto-creation switched off.
 */
@ApplicationScoped
public class UnitFeeds {
    private final Admin admin;
    private final int partitions;

    /** @param kafka the suite's {@code kafka.*} settings, security included, as the messaging channels get them */
    public UnitFeeds(@io.smallrye.common.annotation.Identifier("default-kafka-broker") Map<String, Object> kafka,
                     @ConfigProperty(name = "wenzheng.routing.feed-partitions", defaultValue = "3") int partitions) {
        Map<String, Object> config = new java.util.HashMap<>();
        for (String key : AdminClientConfig.configNames()) {
            if (kafka.containsKey(key)) {
                config.put(key, kafka.get(key));
            }
        }
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        this.admin = Admin.create(config);
        this.partitions = partitions;
    }

    /** Creates the feeds and command topics that do not exist yet; returns the names it created. */
    public Uni<List<String>> ensure(Collection<String> unitCodes) {
        return Uni.createFrom().completionStage(admin.listTopics().names().toCompletionStage())
                .chain(existing -> create(unitCodes.stream().flatMap(u -> java.util.stream.Stream.of(Topics.unitFeed(u), Topics.unitCommands(u)))
                        .filter(t -> !existing.contains(t)).toList()));
    }

    private Uni<List<String>> create(List<String> missing) {
        if (missing.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        var topics = missing.stream().map(t -> new NewTopic(t, partitions, (short) -1)).toList();
        return Uni.createFrom().completionStage(admin.createTopics(topics).all().toCompletionStage())
                .onFailure(e -> e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException
                        || e instanceof org.apache.kafka.common.errors.TopicExistsException).recoverWithNull()
                .replaceWith(missing);
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
