package io.wenzheng.analytics.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HotspotDetectorTest {
    private static final HotspotSettings SETTINGS = new HotspotSettings(Duration.ofDays(1), 7, 5, 3.0, 0.45);
    private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

    /** A synthetic city: steady topics, a few always-busy ones, and planted surges; petition ids say where they came from. */
    private static final class City {
        final Random random = new Random(20261129);
        final List<String[]> topics = new ArrayList<>();

        City() {
            for (int i = 0; i < 400; i++) {
                topics.add(new String[] {word(3), word(2), word(4)});
            }
        }

        String word(int length) {
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < length; i++) {
                w.append((char) (0x4E00 + random.nextInt(6000)));
            }
            return w.toString();
        }

        String petition(String[] topic) {
            StringBuilder text = new StringBuilder("尊敬的领导：");
            text.append(topic[0]).append("的").append(topic[1]).append("问题").append(word(6)).append("，");
            text.append(topic[2]).append(word(8)).append("，").append(topic[1]).append(topic[2]).append("。希望尽快解决");
            return text.toString();
        }
    }

    private record Planted(String[] topic, Instant start, int size) {
    }

    /**
     * The postings the detector scores through stay true to its centroids while clusters grow, change their top terms
     * and are forgotten past the horizon: for a probe, every cluster sharing a term gets the cosine a full scan gives,
     * and every cluster left out shares none.
     */
    @Test
    void scoringThroughThePostingsGivesTheCosineOfAFullScan() {
        City city = new City();
        HotspotDetector detector = new HotspotDetector(SETTINGS);
        Instant at = START;
        for (int i = 0; i < 6_000; i++) {
            at = at.plusSeconds(600); // 41 days: the first weeks fall past the horizon
            String[] topic = city.topics.get(city.random.nextInt(i < 3_000 ? 60 : 400));
            detector.observe(new Document("p" + i, at, TextFeatures.bigrams(city.petition(topic)), null));
        }
        Map<String, Map<String, Double>> centroids = detector.centroids();
        assertThat(centroids).hasSizeGreaterThan(50);
        for (int probe = 0; probe < 200; probe++) {
            Map<String, Integer> features = TextFeatures.bigrams(city.petition(city.topics.get(city.random.nextInt(400)))).asMap();
            Map<String, Double> vector = new HashMap<>();
            features.forEach((term, count) -> vector.put(term, (double) count));
            vector.replaceAll((term, w) -> w / Math.sqrt(features.values().stream().mapToDouble(c -> c * c).sum()));
            Map<String, Double> scored = detector.similarities(vector);
            centroids.forEach((id, centroid) -> {
                double full = io.wenzheng.analytics.hotissue.TermVectors.dot(vector, centroid);
                boolean shares = centroid.keySet().stream().anyMatch(vector::containsKey);
                if (shares) {
                    assertThat(scored.get(id)).as("cluster %s", id).isCloseTo(full, org.assertj.core.data.Offset.offset(1e-12));
                } else {
                    assertThat(scored).as("cluster %s shares no term", id).doesNotContainKey(id);
                }
            });
            assertThat(centroids.keySet()).containsAll(scored.keySet());
        }
    }

    @Test
    void findsPlantedSurgesAndLeavesSteadyTopicsAlone() {
        City city = new City();
        List<Document> stream = new ArrayList<>();
        Map<String, Integer> surgeOf = new HashMap<>();
        int days = 60;
        int sequence = 0;
        for (int day = 0; day < days; day++) {
            for (int i = 0; i < 40; i++) {
                String[] topic = city.topics.get(city.random.nextInt(200));
                stream.add(doc("bg-" + sequence++, START.plus(Duration.ofDays(day)).plusSeconds(city.random.nextInt(86_400)), city.petition(topic)));
            }
            for (int busy = 200; busy < 210; busy++) {
                for (int i = 0; i < 2; i++) {
                    stream.add(doc("busy-" + sequence++, START.plus(Duration.ofDays(day)).plusSeconds(city.random.nextInt(86_400)),
                            city.petition(city.topics.get(busy))));
                }
            }
        }
        List<Planted> planted = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            String[] topic = city.topics.get(300 + s);
            Instant start = START.plus(Duration.ofDays(15 + city.random.nextInt(40))).plusSeconds(city.random.nextInt(40_000));
            int size = 8 + city.random.nextInt(15);
            planted.add(new Planted(topic, start, size));
            for (int i = 0; i < size; i++) {
                String id = "surge" + s + "-" + sequence++;
                surgeOf.put(id, s);
                stream.add(doc(id, start.plusSeconds(city.random.nextInt(12 * 3600)), city.petition(topic)));
            }
        }
        stream.sort(HotspotDetector.IN_TIME_ORDER);

        HotspotDetector detector = new HotspotDetector(SETTINGS);
        Map<String, Surge> alerts = new HashMap<>();
        for (Document d : stream) {
            Optional<Surge> surge = detector.observe(d);
            surge.ifPresent(s -> alerts.put(s.hotspotId(), s));
        }

        int truePositives = 0;
        Set<Integer> found = new HashSet<>();
        for (Surge alert : alerts.values()) {
            Map<Integer, Long> votes = new HashMap<>();
            alert.examplePetitionIds().forEach(id -> votes.merge(surgeOf.getOrDefault(id, -1), 1L, Long::sum));
            var majority = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            if (majority.getKey() >= 0 && majority.getValue() * 2 > alert.examplePetitionIds().size()) {
                truePositives++;
                found.add(majority.getKey());
            }
        }
        double precision = alerts.isEmpty() ? 0 : (double) truePositives / alerts.size();
        double recall = (double) found.size() / planted.size();
        System.out.printf("hotspots: %d petitions, %d planted surges, %d hotspots announced, precision %.2f, recall %.2f%n",
                stream.size(), planted.size(), alerts.size(), precision, recall);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.9);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aSurgeCarriesItsLabelPlaceCountsAndExamples() {
        City city = new City();
        HotspotDetector detector = withBackground(city);
        List<Surge> surges = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            detector.observe(fumes(city, i)).ifPresent(surges::add);
        }
        assertThat(surges).hasSize(1);
        Surge surge = surges.get(0);
        assertThat(surge.count()).isEqualTo(5);
        assertThat(surge.place()).isEqualTo("A5区");
        assertThat(surge.firstSeen()).isEqualTo(START);
        assertThat(surge.lastSeen()).isEqualTo(START.plusSeconds(2400));
        assertThat(surge.examplePetitionIds()).containsExactly("p0", "p1", "p2", "p3", "p4");
        assertThat(surge.label()).hasSizeLessThanOrEqualTo(4).anySatisfy(l -> assertThat(l).contains("油烟噪音"));
        assertThat(String.join("|", surge.label())).contains("魅力");
        assertThat(surge.expected()).isZero();
    }

    /**
     * A batch that rolls back is tried again (its halves, then its records alone), and the detector sees its petitions
     * a second time: the petition that made a surge makes it again, since its announcement was rolled back; the others
     * are not counted twice.
     */
    @Test
    void aRetriedPetitionAnnouncesItsSurgeAgainAndCountsOnce() {
        City city = new City();
        HotspotDetector detector = withBackground(city);
        List<Document> surge = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            surge.add(fumes(city, i));
        }
        Optional<Surge> first = Optional.empty();
        for (Document d : surge.subList(0, 5)) {
            first = detector.observe(d);
        }
        assertThat(first).as("the fifth petition makes the surge").isPresent();
        assertThat(detector.observe(surge.get(3))).as("a retried petition that made no surge").isEmpty();
        assertThat(detector.observe(surge.get(4))).as("the retried petition that made it").contains(first.get());
        assertThat(detector.observe(surge.get(5))).as("the sixth grows it by less than half: no new announcement").isEmpty();
        assertThat(detector.observe(surge.get(4))).as("retried again").contains(first.get());
        assertThat(first.get().count()).isEqualTo(5);
    }

    /** A detector that has seen three days of 300 petitions on 300 topics: no baseline for a new topic. */
    private static HotspotDetector withBackground(City city) {
        HotspotDetector detector = new HotspotDetector(SETTINGS);
        for (int i = 0; i < 300; i++) {
            detector.observe(doc("bg" + i, START.minusSeconds(86_400L * 3).plusSeconds(800L * i), city.petition(city.topics.get(i))));
        }
        return detector;
    }

    /** The i-th of a run of petitions about one restaurant's fumes, ten minutes apart. */
    private static Document fumes(City city, int i) {
        String text = "A5区魅力之城小区临街餐饮店油烟噪音扰民，" + city.word(5);
        return new Document("p" + i, START.plusSeconds(600L * i), TextFeatures.bigrams(text), PlaceNames.district(text).orElse(null));
    }

    @Test
    void aTopicThatIsAlwaysBusyIsNotAHotspot() {
        City city = new City();
        String[] topic = city.topics.get(0);
        HotspotDetector detector = new HotspotDetector(SETTINGS);
        List<Surge> surges = new ArrayList<>();
        for (int hour = 0; hour < 24 * 30; hour += 4) {
            detector.observe(doc("p" + hour, START.plus(Duration.ofHours(hour)), city.petition(topic))).ifPresent(surges::add);
        }
        // Six a day for a month: the first day is new and loud, after that it is the baseline.
        assertThat(surges).allSatisfy(s -> assertThat(s.firstSeen()).isBefore(START.plus(Duration.ofDays(2))));
    }

    /**
     * Up to its limit a bounded detector is the unbounded one: the same surges, to the figure, on the synthetic city's
     * two months. Past it, it keeps its limit however many petitions the horizon holds.
     */
    @Test
    void aLimitThatIsNotReachedChangesNothingAndOneThatIsHoldsTheMemoryThere() {
        City city = new City();
        List<Document> stream = new ArrayList<>();
        Instant at = START;
        for (int i = 0; i < 4_000; i++) {
            at = at.plusSeconds(300 + city.random.nextInt(600));
            String[] topic = city.topics.get(i % 97 == 0 ? 7 : city.random.nextInt(i > 3_000 ? 30 : 300));
            stream.add(doc("p" + i, at, city.petition(topic)));
        }
        HotspotDetector unbounded = new HotspotDetector(SETTINGS);
        HotspotDetector roomy = new HotspotDetector(SETTINGS, 2_000);
        HotspotDetector tight = new HotspotDetector(SETTINGS, 300);
        int maxRemembered = 0;
        int surges = 0;
        for (Document d : stream) {
            Optional<Surge> expected = unbounded.observe(d);
            assertThat(roomy.observe(d)).as(d.petitionId()).isEqualTo(expected);
            tight.observe(d);
            maxRemembered = Math.max(maxRemembered, unbounded.rememberedCount());
            surges += expected.isPresent() ? 1 : 0;
            assertThat(tight.rememberedCount()).isLessThanOrEqualTo(300);
            assertThat(roomy.memory(d.receivedAt())).isEqualTo(SETTINGS.horizon());
        }
        assertThat(maxRemembered).as("the horizon's petitions stay under the roomy limit").isBetween(1_000, 2_000);
        assertThat(surges).as("the comparison had surges to compare").isGreaterThan(3);
        assertThat(tight.rememberedCount()).isEqualTo(300);
        assertThat(tight.memory(at)).isLessThan(SETTINGS.horizon()).isGreaterThan(Duration.ZERO);
    }

    /**
     * A flood of one-off petitions, six hundred an hour for an hour, leaves room for minutes of them. The steady topic
     * beside it is forgotten with everything else, so the detector meets it as new once more, and once; when the
     * flood has aged out of the horizon the detector sees all of it again.
     */
    @Test
    void aFloodShortensTheMemoryWhichGrowsBackAfterIt() {
        City city = new City();
        String[] steady = city.topics.get(0);
        HotspotDetector detector = new HotspotDetector(SETTINGS, 400);
        List<Surge> steadySurges = new ArrayList<>();
        int sequence = 0;
        Instant floodEnd = START.plus(Duration.ofDays(30)).plusSeconds(3_600);
        for (int hour = 0; hour < 24 * 45; hour++) {
            Instant at = START.plus(Duration.ofHours(hour));
            if (hour % 4 == 0) {
                detector.observe(doc("steady-" + sequence++, at, city.petition(steady))).ifPresent(steadySurges::add);
            }
            boolean flooding = !at.isBefore(START.plus(Duration.ofDays(30))) && at.isBefore(floodEnd);
            for (int i = 0; i < (flooding ? 600 : 1); i++) {
                // The flood: one-off complaints, each unlike the others, in the same hour.
                detector.observe(doc("flood-" + sequence++, at.plusSeconds(i), city.word(12) + "，" + city.word(10)));
            }
            if (flooding) {
                assertThat(detector.memory(at.plusSeconds(599))).as("the flood leaves room for minutes").isLessThan(Duration.ofHours(1));
            }
        }
        // The flood left no room for the steady topic: the detector forgot it, and on the day after it is new again.
        assertThat(steadySurges).as("the steady topic surges on its first day and on the first day after the flood, only")
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.firstSeen()).satisfiesAnyOf(
                        first -> assertThat(first).isBefore(START.plus(Duration.ofDays(1))),
                        first -> assertThat(first).isBetween(floodEnd, floodEnd.plus(Duration.ofDays(1)))));
        Instant last = START.plus(Duration.ofHours(24 * 45 - 1));
        assertThat(detector.memory(last)).isEqualTo(SETTINGS.horizon());
    }

    /**
     * A topic of four petitions a day that rises to six is growing, not surging. With room for only a day and a half of
     * it, the six of the recent day are measured against the part of the baseline still seen; spread over all seven
     * baseline days, as if the forgotten ones had been quiet, they would be a surge of growth seven.
     */
    @Test
    void aShortenedBaselineIsMeasuredOverWhatIsStillSeen() {
        City city = new City();
        String[] topic = city.topics.get(0);
        HotspotDetector unbounded = new HotspotDetector(SETTINGS);
        // A day holds 24 other petitions and four to six of the topic's: room for about a day and a half.
        HotspotDetector bounded = new HotspotDetector(SETTINGS, 45);
        List<Surge> surges = new ArrayList<>();
        Instant at = START;
        for (int hour = 0; hour < 24 * 13; hour++) {
            at = START.plus(Duration.ofHours(hour));
            Document other = doc("other-" + hour, at.plusSeconds(1), city.petition(city.topics.get(1 + city.random.nextInt(299))));
            if (hour % (hour < 24 * 10 ? 6 : 4) == 0) {
                Document d = doc("topic-" + hour, at, city.petition(topic));
                assertThat(unbounded.observe(d)).as("four a day, then six, with the whole baseline").isEmpty();
                bounded.observe(d).ifPresent(surges::add);
            }
            unbounded.observe(other);
            bounded.observe(other);
        }
        assertThat(bounded.memory(at)).isLessThan(Duration.ofDays(3)).isGreaterThan(Duration.ofDays(1));
        assertThat(surges).as("four a day, then six, with a day and a half of baseline").isEmpty();
    }

    @Test
    void featuresRoundTripForTheDetectorsMemory() {
        Map<String, Integer> features = TextFeatures.bigrams("噪音扰民，噪音！ABC 12").asMap();
        assertThat(features).containsEntry("噪音", 2).containsEntry("ab", 1).containsEntry("12", 1).doesNotContainKey("音，");
        assertThat(TextFeatures.decode(TextFeatures.encode(features))).isEqualTo(features);
        assertThat(Bigrams.of(TextFeatures.decode(TextFeatures.encode(features)))).isEqualTo(TextFeatures.bigrams("噪音扰民，噪音！ABC 12"));
    }

    @Test
    void placeNamesComeFromTheText() {
        assertThat(PlaceNames.district("投诉A市A1区苑物业违规收停车费")).contains("A1区");
        assertThat(PlaceNames.estate("A5区魅力之城小区临街餐饮店油烟噪音扰民")).contains("魅力之城小区");
        assertThat(PlaceNames.district("没有地名")).isEmpty();
    }

    private static Document doc(String id, Instant at, String text) {
        return new Document(id, at, TextFeatures.bigrams(text), PlaceNames.district(text).orElse(null));
    }
}
