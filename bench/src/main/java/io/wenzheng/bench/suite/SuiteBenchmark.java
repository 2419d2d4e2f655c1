package io.wenzheng.bench.suite;

import io.wenzheng.devstack.load.PetitionLoad;
import io.wenzheng.devstack.load.PetitionTexts;
import io.wenzheng.devstack.suite.RunningSuite;
import io.wenzheng.devstack.suite.ServiceName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The end-to-end benchmark: petitions through intake's REST API and WeChat webhook, followed through every stage
 * (accepted, routed, deadline set, counted in analytics) by a subscriber and by analytics' own totals; then the
 * broker's raw ceiling with records of the same size, on the same broker.
 */
public final class SuiteBenchmark {
    /**
     * @param rate the steady rate of the latency phase
     * @param maxRate the offered rate of the throughput phase (open loop, beyond what the suite takes)
     * @param burst petitions sent as fast as intake answers, that must all come through
     */
    public record Options(int warmupSeconds, double rate, int latencySeconds, double maxRate, int throughputSeconds, long burst,
                          long ceilingRecords, Duration drainPatience) {
    }

    /**
     * One load phase.
     *
     * @param endToEndPerSecond petitions carried through every stage per second, from the first request to the last
     *                          petition counted
     * @param drainedSeconds from the end of the load until every accepted petition had passed every stage
     * @param lost accepted petitions that had not passed every stage when patience ran out
     * @param sentAgain busy answers (intake's admission bound) after which the burst sent the same petition again
     * @param shed intake's own count of those answers in the phase, by its counter's stage label ("unnamed" without one)
     * @param workMillisBefore {@link MachineSpeed}'s fixed work, timed just before the phase while the suite idled
     * @param meanBatches the phase's mean size of intake's acceptance groups ("intake acceptance") and of each
     *                    consumer's poll batches (by consumer): batching that differs between runs changes the cost
     */
    public record Phase(String name, double offeredPerSecond, long sent, long accepted, long refused, long unanswered, long notSent,
                        double loadSeconds, double acceptedPerSecond, double endToEndPerSecond, double drainedSeconds, long lost,
                        Latency http, Latency routed, Latency routedSeen, Latency deadline, Latency counted, Resources.Cpu cpu,
                        Map<String, Long> refusals, long sentAgain, Map<String, Long> shed, double workMillisBefore,
                        Map<String, Double> meanBatches) {
        /**
         * CPU milliseconds per accepted petition: by each service, by the rest of the stack (Kafka, PostgreSQL, Keycloak,
         * the system), by this bench, and by the machine with and without the bench, which is not part of the suite.
         */
        public String cpuPerPetition() {
            if (accepted == 0) {
                return "–";
            }
            StringBuilder out = new StringBuilder();
            cpu.services().forEach((s, seconds) -> out.append(String.format("%s %.1f, ", s.id(), seconds * 1000 / accepted)));
            return out.append(String.format("rest %.1f; this bench (load and observer) %.1f; machine %.1f ms (%.0f%% busy), %.1f ms without the bench",
                    cpu.others() * 1000 / accepted, cpu.bench() * 1000 / accepted, cpu.machine() * 1000 / accepted,
                    100 * cpu.machine() / cpu.wallSeconds() / Runtime.getRuntime().availableProcessors(),
                    (cpu.machine() - cpu.bench()) * 1000 / accepted)).toString();
        }

        /** Of each service's CPU per accepted petition, the milliseconds its collector (the VM and GC threads) took. */
        public String collectorPerPetition() {
            if (accepted == 0) {
                return "–";
            }
            StringBuilder out = new StringBuilder();
            cpu.collectors().forEach((s, seconds) -> out.append(out.length() == 0 ? "" : ", ")
                    .append(String.format("%s %.1f", s.id(), seconds * 1000 / accepted)));
            return out.append(" ms").toString();
        }
    }

    public record Report(Options options, String texts, Instant at, int cores, List<Phase> phases, KafkaCeiling.Result ceiling,
                         double recordsPerPetition, double ceilingRatio, Map<ServiceName, Long> peakRssMb) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final RunningSuite running;
    private final PetitionTexts texts;
    private final Consumer<String> say;

    public SuiteBenchmark(RunningSuite running, PetitionTexts texts, Consumer<String> say) {
        this.running = running;
        this.texts = texts;
        this.say = say;
    }

    public Report run(Options options) {
        List<Phase> phases = new ArrayList<>();
        Map<ServiceName, Long> rss;
        KafkaCeiling.Result ceiling;
        double recordsPerPetition;
        try (PipelineObserver observer = new PipelineObserver(running.stack().kafka().superUserClient());
             Resources resources = new Resources(running.suite())) {
            say.accept("warm-up: " + options.warmupSeconds() + " s at " + Math.min(options.rate(), 100) + "/s (the JIT compiles the hot paths)");
            phase("warm-up", observer, resources, Math.min(options.rate(), 100), () -> load(Math.min(options.rate(), 100), options.warmupSeconds()).run(say), options);
            phases.add(phase("steady " + (int) options.rate() + "/s", observer, resources, options.rate(),
                    () -> load(options.rate(), options.latencySeconds()).run(say), options));
            phases.add(phase("open loop " + (int) options.maxRate() + "/s", observer, resources, options.maxRate(),
                    () -> load(options.maxRate(), options.throughputSeconds()).run(say), options));
            if (options.burst() > 0) {
                phases.add(phase(String.format("burst of %,d", options.burst()), observer, resources, Double.NaN,
                        () -> load(1, 1).burst(options.burst(), say), options));
            }
            rss = resources.peakMegabytes();
            long petitions = phases.stream().mapToLong(Phase::accepted).sum();
            recordsPerPetition = petitions == 0 ? 0 : observer.records() / (double) petitions;
            say.accept(String.format("ceiling: %,d records of %d bytes (the suite's mean) on a topic of %d partitions",
                    options.ceilingRecords(), observer.meanRecordBytes(), running.stack().settings().partitions()));
            try (var admin = running.stack().kafka().admin()) {
                ceiling = KafkaCeiling.measure(running.stack().kafka().superUserClient(), admin, running.stack().settings().partitions(),
                        observer.meanRecordBytes(), options.ceilingRecords(), say);
            }
        }
        double best = phases.stream().mapToDouble(Phase::endToEndPerSecond).max().orElse(0);
        return new Report(options, texts.source(), Instant.now(), Runtime.getRuntime().availableProcessors(), phases, ceiling,
                recordsPerPetition, best / ceiling.perSecond(), rss);
    }

    private PetitionLoad load(double perSecond, int seconds) {
        return new PetitionLoad(PetitionLoad.Settings.of(running.suite().url(ServiceName.INTAKE), () -> running.tokens().of("operator1"),
                perSecond, Duration.ofSeconds(seconds)).withMaxInFlight(256), texts);
    }

    private Phase phase(String name, PipelineObserver observer, Resources resources, double offered, Supplier<PetitionLoad.Result> load,
                        Options options) {
        double workMillis = MachineSpeed.workMillis();
        say.accept(String.format("phase: %s (the machine's fixed work took %.0f ms)", name, workMillis));
        long[] cpuBefore = resources.cpuTicks();
        long countedBefore = analyticsTotal();
        Map<String, Long> shedBefore = shedByStage();
        Map<String, double[]> batchesBefore = batches();
        AnalyticsWatch watch = new AnalyticsWatch(this::analyticsTotal);
        long loadStart = PipelineObserver.micros(Instant.now());
        PetitionLoad.Result result = load.get();
        long loadEnd = PipelineObserver.micros(Instant.now());
        List<PetitionLoad.Attempt> accepted = result.accepted();
        long deadline = System.nanoTime() + options.drainPatience().toNanos();
        List<String> ids;
        long drainedAt;
        long nextReport = System.nanoTime();
        while (true) {
            ids = idsOf(accepted, observer);
            long through = ids.stream().filter(id -> complete(observer.petitions().get(id))).count();
            long counted = watch.latest() - countedBefore;
            if ((through == accepted.size() && counted >= accepted.size()) || System.nanoTime() > deadline) {
                drainedAt = PipelineObserver.micros(Instant.now());
                break;
            }
            if (System.nanoTime() >= nextReport) {
                say.accept(String.format("drain | %s: %,d of %,d through routing and SLA, %,d counted", name, through, accepted.size(), counted));
                nextReport += 5_000_000_000L;
            }
            sleep(100);
        }
        watch.close();
        Resources.Cpu cpu = Resources.between(cpuBefore, resources.cpuTicks());
        List<PipelineObserver.Stages> stages = ids.stream().map(observer.petitions()::get).toList();
        long lost = accepted.size() - stages.stream().filter(SuiteBenchmark::complete).count();
        long[] http = accepted.stream().mapToLong(a -> a.latencyNanos() / 1000).toArray();
        long[] routed = stages.stream().filter(SuiteBenchmark::complete).mapToLong(s -> s.routed.producedMicros() - s.received.producedMicros()).toArray();
        long[] seen = stages.stream().filter(SuiteBenchmark::complete).mapToLong(s -> s.routed.observedMicros() - s.received.producedMicros()).toArray();
        long[] due = stages.stream().filter(SuiteBenchmark::complete).mapToLong(s -> s.deadline.producedMicros() - s.received.producedMicros()).toArray();
        long[] counted = watch.countingDelays(stages.stream().filter(s -> s != null && s.received != null)
                .mapToLong(s -> s.received.producedMicros()).toArray(), countedBefore);
        double loadSeconds = (loadEnd - loadStart) / 1e6;
        Phase phase = new Phase(name, offered, result.attempts().size() + result.notSent(), accepted.size(), result.refused(), result.unanswered(), result.notSent(),
                loadSeconds, accepted.size() / loadSeconds, accepted.size() / ((drainedAt - loadStart) / 1e6),
                (drainedAt - loadEnd) / 1e6, lost, Latency.ofMicros(http), Latency.ofMicros(routed), Latency.ofMicros(seen),
                Latency.ofMicros(due), Latency.ofMicros(counted), cpu, result.refusalsByReason(), result.sentAgain(),
                difference(shedBefore, shedByStage()), workMillis, means(batchesBefore, batches()));
        say.accept(String.format("phase %s: %,d accepted in %.1f s (%.0f/s), end to end %.0f/s, drained %.1f s after the load, %d lost",
                name, phase.accepted(), loadSeconds, phase.acceptedPerSecond(), phase.endToEndPerSecond(), phase.drainedSeconds(), lost));
        return phase;
    }

    private static boolean complete(PipelineObserver.Stages s) {
        return s != null && s.received != null && s.routed != null && s.deadline != null;
    }

    private static List<String> idsOf(List<PetitionLoad.Attempt> accepted, PipelineObserver observer) {
        List<String> ids = new ArrayList<>(accepted.size());
        for (PetitionLoad.Attempt a : accepted) {
            String id = a.route() == PetitionLoad.Route.REST ? a.key() : observer.petitionOf(a.trackingCode());
            ids.add(id == null ? "unresolved:" + a.trackingCode() : id);
        }
        return ids;
    }

    /**
     * How many received petitions analytics has counted since it started: the count of its pipeline-delay timer for
     * them, which it records as each batch commits. Read from its metrics, not from its summary: the summary counts its
     * fact table six ways, 0.16 s a call at 19,000 facts (in parallel workers), and polled five times a second it was
     * half of what PostgreSQL was busy with in a burst of 60,000; the report charged that to the suite.
     */
    long analyticsTotal() {
        return scrape(ServiceName.ANALYTICS, SuiteBenchmark::countedIn);
    }

    private Map<String, Long> shedByStage() {
        return scrape(ServiceName.INTAKE, SuiteBenchmark::shedIn);
    }

    private <T> T scrape(ServiceName service, java.util.function.Function<java.util.stream.Stream<String>, T> read) {
        try {
            HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(running.suite().url(service) + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), java.nio.charset.StandardCharsets.UTF_8))) {
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(service.id() + " metrics answered " + r.statusCode());
                }
                return read.apply(lines.lines());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(service.id() + " metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sum and count so far of intake's acceptance groups and of every service's consumer batches. */
    private Map<String, double[]> batches() {
        Map<String, double[]> all = new java.util.TreeMap<>();
        double[] acceptance = scrape(ServiceName.INTAKE, lines -> summaries(lines, "wenzheng_intake_acceptance_group", null)).get("");
        if (acceptance != null) {
            all.put("intake acceptance", acceptance);
        }
        for (ServiceName service : ServiceName.values()) {
            all.putAll(scrape(service, lines -> summaries(lines, "wenzheng_consumer_batch_size", "consumer")));
        }
        return all;
    }

    /**
     * A distribution summary's sum and count from a scrape, by the value of one label (or under "" when label is
     * null): {sum, count}.
     */
    static Map<String, double[]> summaries(java.util.stream.Stream<String> scrape, String metric, String label) {
        java.util.regex.Pattern labelValue = label == null ? null : java.util.regex.Pattern.compile(label + "=\"([^\"]*)\"");
        Map<String, double[]> byLabel = new java.util.TreeMap<>();
        scrape.forEach(line -> {
            int part = line.startsWith(metric + "_sum") ? 0 : line.startsWith(metric + "_count") ? 1 : -1;
            int after = part == 0 ? metric.length() + 4 : metric.length() + 6;
            if (part < 0 || line.length() <= after || (line.charAt(after) != '{' && line.charAt(after) != ' ')) {
                return;
            }
            String key = "";
            if (labelValue != null) {
                java.util.regex.Matcher m = labelValue.matcher(line);
                if (!m.find()) {
                    return;
                }
                key = m.group(1);
            }
            byLabel.computeIfAbsent(key, k -> new double[2])[part] += sampleValue(line);
        });
        return byLabel;
    }

    /** The mean of what each summary recorded between two scrapes; summaries that recorded nothing are left out. */
    static Map<String, Double> means(Map<String, double[]> before, Map<String, double[]> after) {
        Map<String, Double> means = new java.util.TreeMap<>();
        after.forEach((key, now) -> {
            double[] then = before.getOrDefault(key, new double[2]);
            double count = now[1] - then[1];
            if (count > 0) {
                means.put(key, (now[0] - then[0]) / count);
            }
        });
        return means;
    }

    private static final String SHED = "wenzheng_intake_shed_total";

    /** Intake's refusals so far by stage label ("unnamed" without one), from a Prometheus scrape; none before the first. */
    static Map<String, Long> shedIn(java.util.stream.Stream<String> scrape) {
        Map<String, Long> byStage = new java.util.TreeMap<>();
        scrape.filter(line -> line.startsWith(SHED + "{") || line.startsWith(SHED + " ")).forEach(line -> {
            java.util.regex.Matcher stage = STAGE.matcher(line);
            byStage.merge(stage.find() ? stage.group(1) : "unnamed", (long) sampleValue(line), Long::sum);
        });
        return byStage;
    }

    /**
     * The value after a sample's name and labels. A line may end with an exemplar (" # {trace_id=…} value time"), on
     * a counter or a summary's count, with or without labels of its own.
     */
    static double sampleValue(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        int labels = sample.indexOf('{');
        int nameEnd = sample.indexOf(' ');
        String rest = (labels >= 0 && labels < nameEnd ? sample.substring(sample.indexOf("} ", labels) + 2) : sample.substring(nameEnd + 1)).strip();
        int end = rest.indexOf(' ');
        return Double.parseDouble(end < 0 ? rest : rest.substring(0, end));
    }

    private static final java.util.regex.Pattern STAGE = java.util.regex.Pattern.compile("stage=\"([^\"]*)\"");

    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new java.util.TreeMap<>();
        after.forEach((stage, count) -> grown.put(stage, count - before.getOrDefault(stage, 0L)));
        return grown;
    }

    private static final String COUNTED = "wenzheng_pipeline_delay_seconds_count{";

    /** The received petitions analytics' fact projector committed, from a Prometheus scrape; none before the first. */
    static long countedIn(java.util.stream.Stream<String> scrape) {
        return scrape.filter(line -> line.startsWith(COUNTED) && line.contains("consumer=\"analytics-facts\"")
                        && line.contains("type=\"" + io.wenzheng.contracts.EventType.PETITION_RECEIVED.type() + "\""))
                .mapToLong(line -> (long) sampleValue(line))
                .sum();
    }

    /** Analytics' total, sampled five times a second, to tell when the k-th petition of a phase was counted. */
    static final class AnalyticsWatch implements AutoCloseable {
        private final List<long[]> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        AnalyticsWatch(java.util.function.LongSupplier total) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        samples.add(new long[] {PipelineObserver.micros(Instant.now()), total.getAsLong()});
                    } catch (RuntimeException e) {
                        // analytics busy or restarting: the next sample tells
                    }
                    sleep(200);
                }
            }, "analytics-watch");
            thread.setDaemon(true);
            thread.start();
        }

        long latest() {
            return samples.isEmpty() ? Long.MIN_VALUE / 2 : samples.get(samples.size() - 1)[1];
        }

        /**
         * Analytics keeps totals, not times per petition: the k-th petition received is taken as counted when the total
         * first reached k. That is exact when petitions are counted in the order they came, and near enough otherwise.
         */
        long[] countingDelays(long[] receivedMicros, long before) {
            long[] received = receivedMicros.clone();
            Arrays.sort(received);
            long[] delays = new long[received.length];
            int n = 0;
            int sample = 0;
            for (int k = 0; k < received.length; k++) {
                while (sample < samples.size() && samples.get(sample)[1] - before < k + 1) {
                    sample++;
                }
                if (sample == samples.size()) {
                    break;
                }
                delays[n++] = Math.max(0, samples.get(sample)[0] - received[k]);
            }
            return Arrays.copyOf(delays, n);
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
