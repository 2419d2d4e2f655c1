package io.wenzheng.analytics.hotspot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.wenzheng.analytics.hotissue.HotIssueRanking;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import io.wenzheng.contracts.HotspotDetected;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.sql.MultiRowStatement;
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

    /**
     * What one remembered petition holds on the heap: 4.6 KB measured in the service on the board's texts, 5.9 KB in
     * the replay harness (docs/performance.md), rounded up for longer texts.
     */
    static final long BYTES_PER_PETITION = 5 * 1024;
    /** What the service holds whatever the detector does: HanLP's dictionaries (39 MB) and the service itself (about 45). */
    static final long RESERVED_HEAP = 100L << 20;
    /** The detector's share of the rest: the young generation and room for the old one to collect are the others. */
    static final double HEAP_SHARE = 0.4;

    private final HotspotSettings settings;
    private final int maxRemembered;
    private volatile HotspotDetector detector;
    /** Whether the last petition found the detector's memory shorter than its horizon: logged when it changes. */
    private volatile boolean shortened;
    private volatile boolean silent;
    private final Outbox outbox;

    private final HotIssueBoard hotIssues;

    private final Vertx vertx;

    @Inject
    public HotspotWatch(AnalyticsConfig config, Outbox outbox, HotIssueBoard hotIssues, io.micrometer.core.instrument.MeterRegistry registry,
                        Vertx vertx) {
        this.hotIssues = hotIssues;
        this.vertx = vertx;
        AnalyticsConfig.Hotspots h = config.hotspots();
        this.settings = new HotspotSettings(h.window(), h.baselineWindows(), h.minimumCount(), h.minimumGrowth(), h.similarity());
        this.maxRemembered = h.maxRemembered().orElseGet(() -> rememberedThatFit(Runtime.getRuntime().maxMemory()));
        this.detector = new HotspotDetector(settings, maxRemembered);
        this.outbox = outbox;
        registry.gauge("wenzheng.hotspot.remembered", this, watch -> watch.detector.rememberedCount());
        registry.gauge("wenzheng.hotspot.remembered.limit", this, watch -> watch.maxRemembered);
        registry.gauge("wenzheng.hotspot.memory.seconds", this, watch -> watch.detector.memory(watch.clock.instant()).toSeconds());
    }

    /**
     * How many petitions fit in the detector's share of a heap of {@code maxHeap} bytes: about 7,900 in the dev stack's
     * -Xmx200m, 28,000 in production's -Xmx460m (the JVM reports its heap without one survivor space). A city of 3,000
     * petitions a day keeps 24,000 in its horizon.
     */
    static int rememberedThatFit(long maxHeap) {
        long share = (long) ((maxHeap - RESERVED_HEAP) * HEAP_SHARE);
        return (int) Math.max(1_000, Math.min(Integer.MAX_VALUE, share / BYTES_PER_PETITION));
    }

    void rebuild(@Observes StartupEvent started) throws Throwable {
        hotIssues.warmUp();
        long remembered = rememberStored(detector);
        LOG.infof("hotspot detector rebuilt from %,d petitions into %,d clusters; it keeps at most %,d petitions", remembered,
                detector.clusterCount(), maxRemembered);
    }

    /**
     * Shows the detector the stored petitions of its horizon, in time order, counted back from the newest stored one
     * (the detector's time is the petitions' own); returns how many.
     */
    long rememberStored(HotspotDetector current) throws Throwable {
        long remembered = 0;
        HotspotDocument last = horizonStart();
        while (true) {
            List<HotspotDocument> page = rememberedAfter(last);
            synchronized (current) {
                page.forEach(d -> current.observe(d.toDocument()));
            }
            remembered += page.size();
            if (page.size() < REBUILD_PAGE) {
                return remembered;
            }
            last = page.get(page.size() - 1);
            if (remembered % (REBUILD_PAGE * 20L) == 0) {
                LOG.infof("hotspot detector: %,d petitions read again", remembered);
            }
        }
    }

    /**
     * A page of stored petitions after the last one read, in time order: the table keeps every petition the suite ever
     * received, and one list of them all would not fit in the heap of a city's analytics service.
     */
    private static List<HotspotDocument> rememberedAfter(HotspotDocument last) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> (last == null
                ? HotspotDocument.<HotspotDocument>find("order by receivedAt, petitionId")
                : HotspotDocument.<HotspotDocument>find("receivedAt > ?1 or (receivedAt = ?1 and petitionId > ?2) order by receivedAt, petitionId",
                        last.receivedAt, last.petitionId)).page(0, REBUILD_PAGE).list()));
    }

    private static final int REBUILD_PAGE = 1_000;

    /**
     * A bound just before the horizon of the newest stored petition, or none for an empty table: a city's table holds
     * years of petitions, and reading them all at every start would take minutes only to forget them again.
     */
    private HotspotDocument horizonStart() throws Throwable {
        Instant newest = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(session ->
                session.createSelectionQuery("select max(receivedAt) from HotspotDocument", Instant.class).getSingleResultOrNull())));
        if (newest == null) {
            return null;
        }
        HotspotDocument bound = new HotspotDocument();
        bound.receivedAt = newest.minus(settings.horizon()).minusMillis(1); // the column keeps microseconds
        bound.petitionId = "";
        return bound;
    }

    /** A read-model rebuild starts the detector afresh; the replay teaches it again. */
    public void forget() {
        detector = new HotspotDetector(settings, maxRemembered);
        silent = true;
    }

    /** After a replay: hotspots it found were announced when they happened; new ones are news again. */
    public void announceAgain() {
        silent = false;
    }

    private static final MultiRowStatement DOCUMENTS = new MultiRowStatement(
            "insert into hotspot_document (petition_id, received_at, features, place, tracking_code, subject, citizen, words, "
                    + "place_district, place_name, place_group, people) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", " on conflict (petition_id) do nothing");

    /** What is read of one received petition before the detector sees it: its words and place, its bigrams. */
    public record Reading(ConsumedEvent event, HotIssueRanking.Analysed analysed, Document document) {
    }

    /**
     * Reads a batch's received petitions on worker threads, a share per core at once, and gives them back in the
     * order read. Segmentation is a quarter to a third of analytics' CPU: on the consumer's event loop, one petition
     * after another, it held the event loop, used one core at most, and left the counts half a minute behind a burst.
     * Reading is pure, so a batch read twice (a redelivery, a batch split around a poison record) reads the same.
     */
    public Uni<List<Reading>> read(List<ConsumedEvent> received) {
        if (received.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int shares = Math.min(received.size(), READERS);
        int size = (received.size() + shares - 1) / shares;
        List<Uni<List<Reading>>> parts = new ArrayList<>(shares);
        for (int from = 0; from < received.size(); from += size) {
            List<ConsumedEvent> part = received.subList(from, Math.min(received.size(), from + size));
            parts.add(vertx.executeBlocking(() -> part.stream().map(this::read).toList(), false));
        }
        return Uni.join().all(parts).andFailFast().map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Reading read(ConsumedEvent event) {
        PetitionReceived petition = (PetitionReceived) event.data();
        String text = (petition.subject() == null ? "" : petition.subject() + " ") + petition.text();
        HotIssueRanking.Analysed analysed = hotIssues.analyse(petition);
        String place = PlaceNames.forSurge(analysed.place(), text);
        return new Reading(event, analysed, new Document(petition.petitionId(), petition.receivedAt(), TextFeatures.bigrams(text), place));
    }

    private static final int READERS = Runtime.getRuntime().availableProcessors();

    /**
     * Call inside a transaction with a batch's readings, in the order read: each is shown to the detector in turn, the
     * batch's documents are written in one statement, and each surge is stored and announced under the trace of the
     * petition that made it.
     */
    public Uni<Void> observe(List<Reading> readings) {
        Map<String, List<Object>> documents = new LinkedHashMap<>();
        List<Found> surges = new ArrayList<>();
        for (Reading reading : readings) {
            PetitionReceived petition = (PetitionReceived) reading.event().data();
            HotIssueRanking.Analysed analysed = reading.analysed();
            Document document = reading.document();
            Optional<Surge> surge;
            HotspotDetector current = detector;
            synchronized (current) {
                surge = current.observe(document);
                noteMemory(current, document.receivedAt());
            }
            HotspotDocument row = HotspotDocument.of(document).with(petition.trackingCode(), analysed.message().citizen(), analysed);
            documents.putIfAbsent(row.petitionId, row.values());
            surge.ifPresent(s -> surges.add(new Found(reading.event(), s, analysed.message().subject())));
        }
        // Each surge is announced under the trace of the petition that made it; a hotspot that surged twice in the batch
        // is one row, as the second surge left it.
        Instant now = clock.instant();
        Map<String, HotspotRow> hotspots = new LinkedHashMap<>();
        Outbox.Appends announcements = outbox.appends();
        for (Found found : surges) {
            Surge surge = found.surge();
            hotspots.computeIfAbsent(surge.hotspotId(), id -> new HotspotRow()).update(surge, now, found.title());
            if (!silent && ((PetitionReceived) found.madeBy().data()).imported() == null) {
                found.madeBy().makeCurrent();
                announcements.add(new HotspotDetected(surge.hotspotId(), surge.label(), surge.place(), surge.firstSeen(),
                        surge.lastSeen(), surge.count(), surge.expected(), surge.growth(), surge.examplePetitionIds(), now,
                        found.title()), now);
            }
        }
        return DOCUMENTS.execute(List.copyOf(documents.values()))
                .chain(() -> HOTSPOTS.execute(hotspots.values().stream().map(HotspotRow::values).toList()))
                .chain(announcements::write);
    }

    /** Says once when a flood starts to shorten what the detector sees, and once when it sees its whole horizon again. */
    private void noteMemory(HotspotDetector current, Instant now) {
        boolean nowShortened = current.memory(now).compareTo(settings.horizon()) < 0;
        if (nowShortened != shortened) {
            shortened = nowShortened;
            if (nowShortened) {
                LOG.warnf("hotspot detector: its horizon of %s holds more than the %,d petitions it may keep; it forgets the oldest "
                        + "early and now sees back %s. Surges are judged against what it still sees. A busier city needs a larger "
                        + "heap for analytics (docs/operations.md)", settings.horizon(), maxRemembered, current.memory(now));
            } else {
                LOG.infof("hotspot detector: it sees its whole horizon of %s again", settings.horizon());
            }
        }
    }

    /**
     * A surge, the petition that made or grew it, and that petition's subject (what people read it by). An imported
     * petition's surge is kept for the record but not announced: old surges are not news.
     */
    private record Found(ConsumedEvent madeBy, Surge surge, String title) {
    }

    /** A hotspot's row as its latest surge left it; its first sighting is the earliest any surge of it saw. */
    private static final MultiRowStatement HOTSPOTS = new MultiRowStatement(
            "insert into hotspot (hotspot_id, label, place, first_seen, last_seen, petition_count, expected, growth, examples, "
                    + "detected_at, title) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            " on conflict (hotspot_id) do update set label = excluded.label, place = excluded.place, "
                    + "first_seen = least(hotspot.first_seen, excluded.first_seen), last_seen = excluded.last_seen, "
                    + "petition_count = excluded.petition_count, expected = excluded.expected, growth = excluded.growth, "
                    + "examples = excluded.examples, detected_at = excluded.detected_at, title = excluded.title");
}
