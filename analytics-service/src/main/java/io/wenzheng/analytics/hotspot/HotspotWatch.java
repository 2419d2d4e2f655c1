package io.wenzheng.analytics.hotspot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import io.wenzheng.contracts.HotspotDetected;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs the hotspot detector on every received petition, inside the consumer's transaction: the petition's features,
 * the hotspot row and its event commit together. The detector's memory is rebuilt from the stored features at start.
 */
@ApplicationScoped
public class HotspotWatch {
    /** The service's clock ({@code kit.time.ServiceClock}): the system clock, or a test profile's. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    private static final Logger LOG = Logger.getLogger(HotspotWatch.class);

    private final HotspotSettings settings;
    private volatile HotspotDetector detector;
    private volatile boolean silent;
    private final Outbox outbox;

    private final HotIssueBoard hotIssues;

    @Inject
    public HotspotWatch(AnalyticsConfig config, Outbox outbox, HotIssueBoard hotIssues) {
        this.hotIssues = hotIssues;
        AnalyticsConfig.Hotspots h = config.hotspots();
        this.settings = new HotspotSettings(h.window(), h.baselineWindows(), h.minimumCount(), h.minimumGrowth(), h.similarity());
        this.detector = new HotspotDetector(settings);
        this.outbox = outbox;
    }

    void rebuild(@Observes StartupEvent started) throws Throwable {
        hotIssues.warmUp();
        List<HotspotDocument> remembered = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                HotspotDocument.<HotspotDocument>find("order by receivedAt, petitionId").list()));
        HotspotDetector current = detector;
        synchronized (current) {
            remembered.forEach(d -> current.observe(d.toDocument()));
        }
        LOG.infof("hotspot detector rebuilt from %d petitions into %d clusters", remembered.size(), detector.clusterCount());
    }

    /** A read-model rebuild starts the detector afresh; the replay teaches it again. */
    public void forget() {
        detector = new HotspotDetector(settings);
        silent = true;
    }

    /** After a replay: hotspots it found were announced when they happened; new ones are news again. */
    public void announceAgain() {
        silent = false;
    }

    /** Call inside a transaction. */
    public Uni<Void> observe(PetitionReceived received) {
        String text = (received.subject() == null ? "" : received.subject() + " ") + received.text();
        io.wenzheng.analytics.hotissue.HotIssueRanking.Analysed analysed = hotIssues.analyse(received);
        String place = PlaceNames.forSurge(analysed.place(), text);
        Document document = new Document(received.petitionId(), received.receivedAt(), TextFeatures.bigrams(text), place);
        Optional<Surge> surge;
        HotspotDetector current = detector;
        synchronized (current) {
            surge = current.observe(document);
        }
        HotspotDocument row = HotspotDocument.of(document).with(received.trackingCode(), analysed.message().citizen(), analysed);
        String title = analysed.message().subject();
        return HotspotDocument.<HotspotDocument>findById(row.petitionId)
                .chain(existing -> existing == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem())
                .chain(() -> surge.map(s -> announce(s, title, received.imported() != null)).orElse(Uni.createFrom().voidItem()));
    }

    /**
     * @param title the subject of the petition that made or grew the surge: what people read it by
     * @param history an imported petition made it: kept for the record, but old surges are not news
     */
    private Uni<Void> announce(Surge surge, String title, boolean history) {
        Instant now = clock.instant();
        return HotspotRow.<HotspotRow>findById(surge.hotspotId()).chain(existing -> {
            HotspotRow row = existing == null ? new HotspotRow() : existing;
            row.update(surge, now, title);
            Uni<Void> stored = existing == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
            if (silent || history) {
                return stored;
            }
            return stored.chain(() -> outbox.append(new HotspotDetected(surge.hotspotId(), surge.label(), surge.place(),
                    surge.firstSeen(), surge.lastSeen(), surge.count(), surge.expected(), surge.growth(),
                    surge.examplePetitionIds(), now, title), now));
        });
    }
}
