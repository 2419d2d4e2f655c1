package io.wenzheng.e2e.chaos;

import io.wenzheng.devstack.DevStack;
import io.wenzheng.devstack.identity.Tokens;
import io.wenzheng.devstack.load.PetitionLoad;
import io.wenzheng.devstack.load.PetitionTexts;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.suite.Suite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Steady petition load on a running suite while services, the broker and PostgreSQL are SIGKILLed at random moments
 * and brought back; then a reconciliation of every petition the suite acknowledged.
 */
public final class CrashHarness {
    /**
     * @param faults how many crashes, one at a random moment in each equal slice of the run
     * @param maxDown the longest a crashed part stays down before its restart begins
     * @param patience how long the suite may take to catch up after the load before what is missing counts as lost
     */
    public record Plan(double perSecond, Duration duration, int faults, long seed, Duration maxDown, Duration patience) {
        public Plan {
            if (faults < 1 || perSecond <= 0 || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a plan needs load, a duration and at least one fault");
            }
        }
    }

    /**
     * @param backSeconds from the kill until the crashed part itself was serving again (a service ready, the broker or
     *                    PostgreSQL accepting connections)
     * @param recoverySeconds from the kill until every service was ready again, which also waits for faults that
     *                        overlapped this one
     */
    public record InjectedFault(String fault, double atSeconds, double downSeconds, double backSeconds, double recoverySeconds,
                                String error) {
    }

    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(4);

    private final DevStack stack;
    private final Suite suite;
    private final Tokens tokens;
    private final PetitionTexts texts;

    public CrashHarness(DevStack stack, Suite suite, Tokens tokens, PetitionTexts texts) {
        this.stack = stack;
        this.suite = suite;
        this.tokens = tokens;
        this.texts = texts;
    }

    public ChaosReport run(Plan plan, Consumer<String> progress) {
        Reconciliation reconciliation = new Reconciliation(stack, suite, tokens);
        Reconciliation.Baseline before = reconciliation.baseline();
        tokens.of("operator1"); // logged in before the clock starts
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "chaos");
            t.setDaemon(true);
            return t;
        });
        try {
            PetitionLoad load = new PetitionLoad(PetitionLoad.Settings.of(suite.url(ServiceName.INTAKE), () -> tokens.of("operator1"),
                    plan.perSecond(), plan.duration()), texts);
            long start = System.nanoTime();
            CompletableFuture<PetitionLoad.Result> loading = CompletableFuture.supplyAsync(() -> load.run(progress), threads);
            List<CompletableFuture<InjectedFault>> faults = inject(plan, start, threads, progress);
            PetitionLoad.Result result = loading.join();
            List<InjectedFault> injected = faults.stream().map(CompletableFuture::join).toList();
            progress.accept(String.format("chaos | load over: %,d accepted of %,d answered; every crashed part is back; reconciling",
                    result.accepted().size(), result.attempts().size()));
            Reconciliation.Outcome outcome = reconciliation.settle(result.accepted(), before, plan.patience(), progress);
            return new ChaosReport(plan, texts.source(), result, injected, outcome);
        } finally {
            threads.shutdownNow();
        }
    }

    private List<CompletableFuture<InjectedFault>> inject(Plan plan, long start, ExecutorService threads, Consumer<String> progress) {
        Random random = new Random(plan.seed());
        List<Fault> kinds = schedule(plan.faults(), random);
        Set<String> down = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<InjectedFault>> faults = new ArrayList<>();
        long slice = plan.duration().toNanos() / plan.faults();
        for (int k = 0; k < plan.faults(); k++) {
            long at = start + k * slice + (long) (random.nextDouble() * slice * 0.8);
            sleepUntil(at);
            Fault fault = available(kinds.get(k), down, random);
            double downFor = 0.5 + random.nextDouble() * Math.max(0, plan.maxDown().toMillis() / 1000.0 - 0.5);
            long killedAt = System.nanoTime();
            down.add(fault.target());
            fault.crash(stack, suite);
            progress.accept(String.format("chaos | %5.1f s: SIGKILL %s, back in %.1f s", (killedAt - start) / 1e9, fault.target(), downFor));
            faults.add(CompletableFuture.supplyAsync(() -> {
                Fault.sleep(Duration.ofMillis((long) (downFor * 1000)));
                fault.restart(stack, suite, RECOVERY_LIMIT);
                double back = (System.nanoTime() - killedAt) / 1e9;
                down.remove(fault.target());
                awaitAllReady();
                double recovery = (System.nanoTime() - killedAt) / 1e9;
                progress.accept(String.format("chaos | %s back %.1f s after its kill, the whole suite ready after %.1f s", fault.target(), back, recovery));
                return new InjectedFault(fault.target(), (killedAt - start) / 1e9, downFor, back, recovery, null);
            }, threads).exceptionally(e -> {
                down.remove(fault.target());
                double after = (System.nanoTime() - killedAt) / 1e9;
                return new InjectedFault(fault.target(), (killedAt - start) / 1e9, downFor, after, after, e.toString());
            }));
        }
        return faults;
    }

    /** Every kind of fault at least once (in random order), the rest drawn at random: services, broker, database. */
    static List<Fault> schedule(int count, Random random) {
        List<Fault> all = new ArrayList<>();
        for (ServiceName s : ServiceName.values()) {
            all.add(new Fault.KillService(s));
        }
        all.add(new Fault.KillBroker());
        all.add(new Fault.KillDatabase());
        List<Fault> first = new ArrayList<>(List.of(new Fault.KillService(ServiceName.values()[random.nextInt(4)]),
                new Fault.KillBroker(), new Fault.KillDatabase()));
        java.util.Collections.shuffle(first, random);
        List<Fault> plan = new ArrayList<>(first.subList(0, Math.min(count, first.size())));
        while (plan.size() < count) {
            plan.add(all.get(random.nextInt(all.size())));
        }
        return plan;
    }

    /**
     * The planned fault, or another when its target is still down. At most one infrastructure part is down at a time:
     * a broker and a database both gone is an outage of the platform, not a crash the suite must ride out.
     */
    private static Fault available(Fault planned, Set<String> down, Random random) {
        boolean infrastructureDown = down.contains("kafka") || down.contains("postgresql");
        if (!down.contains(planned.target()) && !(planned.infrastructure() && infrastructureDown)) {
            return planned;
        }
        List<ServiceName> up = new ArrayList<>(ServiceName.all().stream().filter(s -> !down.contains(s.id())).toList());
        if (up.isEmpty()) {
            return planned;
        }
        return new Fault.KillService(up.get(random.nextInt(up.size())));
    }

    private void awaitAllReady() {
        Instant until = Instant.now().plus(RECOVERY_LIMIT);
        while (!ServiceName.all().stream().allMatch(s -> suite.service(s) != null && suite.service(s).ready())) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("the suite was not ready again within " + RECOVERY_LIMIT);
            }
            Fault.sleep(Duration.ofMillis(250));
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Fault.sleep(Duration.ofNanos(wait));
        }
    }
}
