package io.wenzheng.analytics.hotspot;

import com.carrotsearch.hppc.LongDoubleHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.ObjectDoubleHashMap;
import com.carrotsearch.hppc.cursors.ObjectDoubleCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Online hotspot detection (热点发现). Each petition joins the most similar cluster (cosine over TF-IDF weighted
 * character bigrams, against the cluster's centroid) or starts one. A cluster is a surge when its petitions in the
 * recent window reach a minimum count and exceed its own baseline rate by a growth factor; a topic that is always
 * busy (parking fees, say) is therefore not a hotspot, while a new or suddenly louder one is. Time is the petitions'
 * own, so a replay on an accelerated clock finds what a live run would have found. Terms are {@link Bigrams#term}s in
 * maps of primitives: the detector holds its whole horizon in memory, up to a number of petitions. Past that number
 * (a flood, or a city too busy for its heap) it forgets the oldest early and judges growth against the part of the
 * baseline it still sees, so a shortened memory neither runs out of heap nor mistakes a steady topic for a surge.
 * Not thread-safe.
 */
public final class HotspotDetector {
    private static final int VECTOR_TERMS = 30;
    private static final int CENTROID_TERMS = 60;
    private static final int EXAMPLES = 5;

    private final HotspotSettings settings;
    private final int maxRemembered;
    /** When the petitions forgotten for room, not for age, end: the detector sees nothing before it. */
    private Instant forgottenForRoomUntil = Instant.MIN;
    private final LongIntHashMap documentFrequency = new LongIntHashMap();
    private final Deque<Document> remembered = new ArrayDeque<>();
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    /** For each term, the clusters whose centroid has it and its weight there: a petition is scored only against those. */
    private final LongObjectHashMap<ObjectDoubleHashMap<Cluster>> postings = new LongObjectHashMap<>();
    private int scoringRound;
    private int clustersMade;
    private final Set<String> rememberedIds = new HashSet<>();
    private final Map<String, Cluster> clusterOfPetition = new HashMap<>();
    private int documents;

    public HotspotDetector(HotspotSettings settings) {
        this(settings, Integer.MAX_VALUE);
    }

    /** A detector that remembers at most {@code maxRemembered} petitions, however many its horizon holds. */
    public HotspotDetector(HotspotSettings settings, int maxRemembered) {
        if (maxRemembered < 1) {
            throw new IllegalArgumentException("the detector must remember at least one petition, not " + maxRemembered);
        }
        this.settings = settings;
        this.maxRemembered = maxRemembered;
    }

    /** Adds a petition; returns the surge it makes or grows, if any. Petitions must come in time order. */
    public Optional<Surge> observe(Document document) {
        if (!rememberedIds.add(document.petitionId())) {
            // Seen before: the consumer's inbox lets an event through only once per commit, so this is a retried
            // transaction, and the surge this petition announced, if any, was rolled back with it.
            Cluster joined = clusterOfPetition.get(document.petitionId());
            return joined != null && document.petitionId().equals(joined.announcedBy) ? Optional.of(joined.announced) : Optional.empty();
        }
        forgetBefore(document.receivedAt().minus(settings.horizon()));
        while (remembered.size() >= maxRemembered) {
            forgottenForRoomUntil = forgetOldest().receivedAt();
        }
        remembered.addLast(document);
        documents++;
        Bigrams features = document.features();
        for (int i = 0; i < features.size(); i++) {
            documentFrequency.addTo(features.term(i), 1);
        }
        TermWeights vector = weigh(features);
        if (vector.isEmpty()) {
            return Optional.empty();
        }
        Cluster cluster = nearest(vector).orElseGet(() -> {
            Cluster fresh = new Cluster(document.petitionId(), clustersMade++);
            clusters.put(fresh.id, fresh);
            return fresh;
        });
        unindex(cluster);
        cluster.add(document, vector);
        clusterOfPetition.put(document.petitionId(), cluster);
        index(cluster);
        return surge(cluster, document.receivedAt());
    }

    public int clusterCount() {
        return clusters.size();
    }

    /** The petitions inside the horizon. */
    public int rememberedCount() {
        return remembered.size();
    }

    /**
     * How far back the detector sees at {@code now}: its horizon, or less once it has forgotten petitions for room. A
     * flood shortens it; it grows back as the flood ages out of the horizon.
     */
    public Duration memory(Instant now) {
        Instant from = coveredFrom(now);
        return from.isAfter(now) ? Duration.ZERO : Duration.between(from, now);
    }

    private Instant coveredFrom(Instant now) {
        Instant horizon = now.minus(settings.horizon());
        return forgottenForRoomUntil.isAfter(horizon) ? forgottenForRoomUntil : horizon;
    }

    private TermWeights weigh(Bigrams features) {
        int n = features.size();
        long[] terms = new long[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            terms[i] = features.term(i);
            // log(1 + N/df) never reaches zero: in a quiet stream a surge's own words are in every document.
            double idf = Math.log(1.0 + (double) documents / documentFrequency.getOrDefault(terms[i], 1));
            weights[i] = (1 + Math.log(features.count(i))) * idf;
        }
        return TermWeights.top(terms, weights, n, VECTOR_TERMS).normalised();
    }

    /**
     * The most similar cluster at or above the threshold; of equally similar ones, the oldest. The cosine is summed
     * through the postings of the petition's own terms, in the order of its vector, so a cluster sharing none of them
     * costs nothing (a common bigram is in thousands of centroids).
     */
    private Optional<Cluster> nearest(TermWeights vector) {
        Cluster best = null;
        double bestSimilarity = settings.similarity();
        for (Cluster cluster : scored(vector)) {
            double similarity = cluster.score;
            if (similarity > bestSimilarity || similarity == bestSimilarity && (best == null || cluster.made < best.made)) {
                best = cluster;
                bestSimilarity = similarity;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The clusters sharing a term with the vector, each with its cosine to it in {@code score}. */
    private List<Cluster> scored(TermWeights vector) {
        int round = ++scoringRound;
        List<Cluster> touched = new ArrayList<>();
        for (int i = 0; i < vector.size(); i++) {
            ObjectDoubleHashMap<Cluster> withTerm = postings.get(vector.term(i));
            if (withTerm == null) {
                continue;
            }
            double weight = vector.weight(i);
            for (ObjectDoubleCursor<Cluster> posting : withTerm) {
                Cluster cluster = posting.key;
                if (cluster.round != round) {
                    cluster.round = round;
                    cluster.score = 0;
                    touched.add(cluster);
                }
                cluster.score += weight * posting.value;
            }
        }
        return touched;
    }

    /** Each cluster sharing a term with the vector, by id, with its cosine to it: what {@link #nearest} chooses from. */
    Map<String, Double> similarities(Map<String, Double> vector) {
        Map<String, Double> out = new HashMap<>();
        scored(TermWeights.of(vector)).forEach(cluster -> out.put(cluster.id, cluster.score));
        return out;
    }

    /** Every cluster's centroid, by id. */
    Map<String, Map<String, Double>> centroids() {
        Map<String, Map<String, Double>> out = new HashMap<>();
        clusters.values().forEach(cluster -> out.put(cluster.id, cluster.centroid.asMap()));
        return out;
    }

    private Optional<Surge> surge(Cluster cluster, Instant now) {
        Instant recentFrom = now.minus(settings.window());
        List<Document> recent = cluster.members.stream().filter(d -> d.receivedAt().isAfter(recentFrom)).toList();
        long baseline = cluster.members.size() - recent.size();
        double expected = baseline / baselineWindowsSeen(now, recentFrom);
        double growth = recent.size() / Math.max(expected, 1.0);
        boolean surging = recent.size() >= settings.minimumCount() && growth >= settings.minimumGrowth();
        // Announce a surge once, and again only when it has grown by half since.
        if (!surging || recent.size() < cluster.announcedCount * 1.5) {
            return Optional.empty();
        }
        cluster.announcedCount = recent.size();
        List<String> examples = recent.stream().map(Document::petitionId).limit(EXAMPLES).toList();
        cluster.announcedBy = recent.get(recent.size() - 1).petitionId();
        cluster.announced = new Surge(cluster.id, Labels.of(cluster.centroid.asMap()), mostCommonPlace(recent),
                recent.get(0).receivedAt(), recent.get(recent.size() - 1).receivedAt(), recent.size(),
                Math.round(expected * 100) / 100.0, Math.round(growth * 100) / 100.0, examples);
        return Optional.of(cluster.announced);
    }

    /**
     * The baseline windows the detector still sees: all of them, or, once it has forgotten petitions for room, the
     * part after them. A baseline counted over two days must not be spread over seven, or every steady topic of a
     * flooded day would look three times louder than usual.
     */
    private double baselineWindowsSeen(Instant now, Instant recentFrom) {
        Instant from = coveredFrom(now);
        if (!from.isAfter(now.minus(settings.horizon()))) {
            return settings.baselineWindows();
        }
        double seen = (double) Duration.between(from, recentFrom).toMillis() / settings.window().toMillis();
        // Nothing of the baseline is left to compare with: any count is new, as for a topic never seen before.
        return seen > 0 ? seen : Double.POSITIVE_INFINITY;
    }

    private static String mostCommonPlace(List<Document> documents) {
        Map<String, Long> places = documents.stream().filter(d -> d.place() != null)
                .collect(Collectors.groupingBy(Document::place, Collectors.counting()));
        return places.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .filter(e -> e.getValue() * 3 >= documents.size()).map(Map.Entry::getKey).orElse(null);
    }

    /** Forgets what fell out of the horizon; each petition is forgotten once, so the cost follows the stream, not the clusters. */
    private void forgetBefore(Instant horizon) {
        while (!remembered.isEmpty() && remembered.peekFirst().receivedAt().isBefore(horizon)) {
            forgetOldest();
        }
    }

    private Document forgetOldest() {
        Document old = remembered.removeFirst();
        rememberedIds.remove(old.petitionId());
        documents--;
        Bigrams features = old.features();
        for (int i = 0; i < features.size(); i++) {
            long term = features.term(i);
            int n = documentFrequency.get(term);
            if (n > 1) {
                documentFrequency.put(term, n - 1);
            } else {
                documentFrequency.remove(term);
            }
        }
        Cluster cluster = clusterOfPetition.remove(old.petitionId());
        if (cluster != null) {
            cluster.members.removeIf(member -> member == old); // usually the first: members join in time order
            if (cluster.members.isEmpty()) {
                unindex(cluster);
                clusters.remove(cluster.id);
            }
        }
        return old;
    }

    private void index(Cluster cluster) {
        TermWeights centroid = cluster.centroid;
        for (int i = 0; i < centroid.size(); i++) {
            ObjectDoubleHashMap<Cluster> withTerm = postings.get(centroid.term(i));
            if (withTerm == null) {
                withTerm = new ObjectDoubleHashMap<>(2);
                postings.put(centroid.term(i), withTerm);
            }
            withTerm.put(cluster, centroid.weight(i));
        }
        cluster.indexed = centroid;
    }

    private void unindex(Cluster cluster) {
        long[] terms = cluster.indexed.terms();
        for (long term : terms) {
            ObjectDoubleHashMap<Cluster> withTerm = postings.get(term);
            if (withTerm != null) {
                withTerm.remove(cluster);
                if (withTerm.isEmpty()) {
                    postings.remove(term);
                }
            }
        }
        cluster.indexed = TermWeights.EMPTY;
    }

    /** Similar petitions and the sum of their vectors. */
    private static final class Cluster {
        final String id;
        /** The how-manieth cluster this is: the older of two equally similar clusters is joined. */
        final int made;
        final Deque<Document> members = new ArrayDeque<>();
        final LongDoubleHashMap sum = new LongDoubleHashMap();
        TermWeights centroid = TermWeights.EMPTY;
        /** The centroid as the postings hold it. */
        TermWeights indexed = TermWeights.EMPTY;
        int announcedCount;
        /** The last surge announced, and the petition that made it: announced again if that petition's transaction is retried. */
        Surge announced;
        String announcedBy;
        /** Scratch for {@link #scored}: the round that last scored this cluster, and its cosine then. */
        int round;
        double score;

        Cluster(String firstPetitionId, int made) {
            this.id = "hs-" + firstPetitionId;
            this.made = made;
        }

        void add(Document document, TermWeights vector) {
            members.addLast(document);
            for (int i = 0; i < vector.size(); i++) {
                sum.addTo(vector.term(i), vector.weight(i));
            }
            if (sum.size() > CENTROID_TERMS * 4) {
                TermWeights kept = TermWeights.top(sum, CENTROID_TERMS * 2);
                sum.clear();
                for (int i = 0; i < kept.size(); i++) {
                    sum.put(kept.term(i), kept.weight(i));
                }
            }
            centroid = TermWeights.top(sum, CENTROID_TERMS).normalised();
        }
    }

    /** Top centroid bigrams, joined where they overlap into the words they came from ("魅力"+"力之"+"之城" → "魅力之城"). */
    static final class Labels {
        private static final int TERMS = 24;
        private static final int LABELS = 4;

        static List<String> of(Map<String, Double> centroid) {
            List<String> terms = centroid.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TERMS).map(Map.Entry::getKey).collect(Collectors.toCollection(ArrayList::new));
            List<String> labels = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (String term : terms) {
                if (used.contains(term)) {
                    continue;
                }
                used.add(term);
                StringBuilder word = new StringBuilder(term);
                extend(word, terms, used, true);
                extend(word, terms, used, false);
                labels.add(word.toString());
                if (labels.size() == LABELS) {
                    break;
                }
            }
            return labels;
        }

        /** Grows the word one character at a time while exactly one unused term continues it: "区" may go on as "区魅" or "区临", so it stops there. */
        private static void extend(StringBuilder word, List<String> terms, Set<String> used, boolean right) {
            while (word.length() < 12) {
                char edge = right ? word.charAt(word.length() - 1) : word.charAt(0);
                List<String> next = terms.stream().filter(t -> t.length() == 2 && !used.contains(t)
                        && (right ? t.charAt(0) == edge : t.charAt(1) == edge)).toList();
                if (next.size() != 1) {
                    return;
                }
                String t = next.get(0);
                used.add(t);
                if (right) {
                    word.append(t.charAt(1));
                } else {
                    word.insert(0, t.charAt(0));
                }
            }
        }
    }

    /** Orders documents for a replay. */
    public static final Comparator<Document> IN_TIME_ORDER = Comparator.comparing(Document::receivedAt).thenComparing(Document::petitionId);
}
